// The scoreboard: how the seminar's links weigh on each explanation hub, which passages
// participants read in opposite ways (the discussion agenda), and which passages tell
// rival hubs apart. Pure: it reads plain hubs, passages and links, never the Y.Doc.
import type * as Y from 'yjs';
import { listAnnotations } from './annotations';
import { listHubs } from './hubs';
import { listLinks, type Link } from './links';

/** One hub's standing. */
export interface HubScore {
  readonly hub: string;
  readonly label: string;
  readonly colour: string;
  /** Sum of the strengths (1–3) of the "supports" links to the hub. */
  readonly support: number;
  /** Sum of the strengths (1–3) of the "challenges" links to the hub. */
  readonly challenge: number;
  /** Distinct passages someone linked as supporting the hub. */
  readonly supportingPassages: number;
  /** Distinct passages someone linked as challenging the hub. */
  readonly challengingPassages: number;
}

/** A passage participants linked in opposite ways to the same target. */
export interface ContestedPassage {
  readonly passage: string;
  readonly target: string;
  /** Who said it supports the target, sorted. */
  readonly supportedBy: readonly string[];
  /** Who said it challenges the target, sorted. */
  readonly challengedBy: readonly string[];
}

/** A passage that supports one hub while challenging a rival. */
export interface DiscriminatingEvidence {
  readonly passage: string;
  /** Hubs it is linked as supporting, in hub order. */
  readonly supports: readonly string[];
  /** Rival hubs it is linked as challenging, in hub order. */
  readonly challenges: readonly string[];
}

/** Everything the scoreboard shows. */
export interface Scoreboard {
  /** One entry per hub, in hub order. */
  readonly hubs: readonly HubScore[];
  /** Ordered by passage (in passage order), then target. */
  readonly contested: readonly ContestedPassage[];
  /** In passage order. */
  readonly discriminating: readonly DiscriminatingEvidence[];
}

/** What the scoreboard is computed from. */
export interface ScoreboardInput {
  readonly hubs: readonly { readonly id: string; readonly label: string; readonly colour: string }[];
  /** Passage (annotation) ids, in the order to list them. */
  readonly passages: readonly string[];
  readonly links: readonly Pick<Link, 'source' | 'target' | 'relation' | 'author' | 'strength'>[];
}

/**
 * Computes the scoreboard.
 *
 * For hub h, with L(h, r) the links to h whose relation is r, drawn by anyone from a
 * passage or a claim:
 *
 *   support(h)   = Σ strength(ℓ) for ℓ in L(h, supports)
 *   challenge(h) = Σ strength(ℓ) for ℓ in L(h, challenges)
 *
 * so each participant's link counts once, weighted 1 (weak), 2 (ordinary) or 3 (strong).
 * Only direct links count (a passage supporting a claim that supports h adds nothing to
 * h). supportingPassages / challengingPassages count distinct passages (annotations,
 * not claims) with at least one such link.
 *
 * A passage is contested on a target when one participant links it as supporting the
 * target and another as challenging it. It is discriminating evidence when it is linked
 * as supporting some hub A and challenging some other hub B (by anyone).
 */
export function computeScoreboard(input: ScoreboardInput): Scoreboard {
  const passageOrder = new Map(input.passages.map((id, i) => [id, i]));
  const hubOrder = new Map(input.hubs.map((hub, i) => [hub.id, i]));
  const totals = new Map(input.hubs.map((hub) => [hub.id, { support: 0, challenge: 0, for: new Set<string>(), against: new Set<string>() }]));
  // passage → target → relation → authors
  const byPair = new Map<string, Map<string, { supports: Set<string>; challenges: Set<string> }>>();
  for (const link of input.links) {
    const total = totals.get(link.target);
    const isPassage = passageOrder.has(link.source);
    if (total) {
      if (link.relation === 'supports') {
        total.support += link.strength;
        if (isPassage) total.for.add(link.source);
      } else {
        total.challenge += link.strength;
        if (isPassage) total.against.add(link.source);
      }
    }
    if (!isPassage) continue;
    let targets = byPair.get(link.source);
    if (!targets) byPair.set(link.source, (targets = new Map()));
    let pair = targets.get(link.target);
    if (!pair) targets.set(link.target, (pair = { supports: new Set(), challenges: new Set() }));
    pair[link.relation].add(link.author);
  }

  const contested: ContestedPassage[] = [];
  const discriminating: DiscriminatingEvidence[] = [];
  const passages = [...byPair.keys()].sort((a, b) => passageOrder.get(a)! - passageOrder.get(b)!);
  for (const passage of passages) {
    const targets = byPair.get(passage)!;
    const supported: string[] = [];
    const challenged: string[] = [];
    for (const target of [...targets.keys()].sort()) {
      const pair = targets.get(target)!;
      if (pair.supports.size > 0 && pair.challenges.size > 0) {
        contested.push({ passage, target, supportedBy: [...pair.supports].sort(), challengedBy: [...pair.challenges].sort() });
      }
      if (!hubOrder.has(target)) continue;
      if (pair.supports.size > 0) supported.push(target);
      if (pair.challenges.size > 0) challenged.push(target);
    }
    const byHub = (a: string, b: string) => hubOrder.get(a)! - hubOrder.get(b)!;
    supported.sort(byHub);
    challenged.sort(byHub);
    const rivals = challenged.filter((b) => supported.some((a) => a !== b));
    const backed = supported.filter((a) => challenged.some((b) => b !== a));
    if (rivals.length > 0 && backed.length > 0) discriminating.push({ passage, supports: backed, challenges: rivals });
  }

  const hubs = input.hubs.map((hub) => {
    const total = totals.get(hub.id)!;
    return {
      hub: hub.id,
      label: hub.label,
      colour: hub.colour,
      support: total.support,
      challenge: total.challenge,
      supportingPassages: total.for.size,
      challengingPassages: total.against.size,
    };
  });
  return Object.freeze({ hubs: Object.freeze(hubs), contested: Object.freeze(contested), discriminating: Object.freeze(discriminating) });
}

/** The scoreboard of `doc` as it is now. */
export function readScoreboard(doc: Y.Doc): Scoreboard {
  return computeScoreboard({ hubs: listHubs(doc), passages: listAnnotations(doc).map((a) => a.id), links: listLinks(doc) });
}
