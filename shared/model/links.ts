// Links between map nodes: "this passage supports / challenges that hub (or claim)".
// They live in their own EDGES root, one Y.Map per link, not in a list inside each
// annotation, because:
// - the map draws links from annotations, hubs and free-standing claims alike, so one
//   kind of record serves the text flow and the map's drag-to-link;
// - the scoreboard's "contested" passages are ones participants linked in opposite ways,
//   so each link has an author, and two peers adding links concurrently must both win
//   (a list stored as one value would keep only one; separate keys merge);
// - the map issue can add fields (a note, a strength 1–3) to a link without touching
//   annotations, and the graph adapter observes one map to patch its edges.
// A link's id is derived from (source, target, author): one person says one thing about
// one pair, and the same link added on two devices at once converges to one record.
import * as Y from 'yjs';
import { z } from 'zod';
import { nodeExists } from './nodes';
import { freeze, oldestFirst, parseRecord, recordOf, type Dated } from './records';
import type { ChangeOrigin } from './origin';
import { EDGES } from './roots';
import { id, InputError, MAX_NOTE_LENGTH, parseInput, plainText, strictInput } from './validation';

/** How a link bears on its target. */
export type Relation = 'supports' | 'challenges';

/** Every relation, in display order. */
export const RELATIONS: readonly Relation[] = Object.freeze(['supports', 'challenges']);

/** A link as read from the document. */
export interface Link {
  readonly id: string;
  /** The annotation (or claim) that supports or challenges. */
  readonly source: string;
  /** The hub, claim or annotation it bears on. */
  readonly target: string;
  readonly relation: Relation;
  /** The person who drew it. */
  readonly author: string;
  /** When it was first drawn (ms since the epoch). */
  readonly created: number;
  /** A plain-text note on the link, possibly empty. */
  readonly note: string;
  /** How strongly it bears on its target: 1 weak, 2 ordinary (the default), 3 strong. */
  readonly strength: Strength;
}

/** A link's strength: 1 weak, 2 ordinary, 3 strong. */
export type Strength = 1 | 2 | 3;

/** The strength of a link nobody weighed. */
export const DEFAULT_STRENGTH: Strength = 2;

/** What a link from a known source says: its target and relation. */
export interface LinkSpec {
  readonly target: string;
  readonly relation: Relation;
}

const relation = z.enum(['supports', 'challenges'], { error: 'relation must be "supports" or "challenges"' });

/** Checks a link spec (target and relation) as given by a caller. */
export const linkSpecInput = strictInput('a link', { target: id('link target'), relation });

const strength = z.union([z.literal(1), z.literal(2), z.literal(3)], { error: 'strength must be 1, 2 or 3' });
const note = plainText('note', MAX_NOTE_LENGTH);

const linkInput = strictInput('a link', {
  source: id('link source'),
  target: id('link target'),
  relation,
  author: id('author'),
  note: note.optional(),
  strength: strength.optional(),
});

// Links drawn before notes and strengths existed have neither: they read as unweighed.
/** A link (map edge) record as stored. */
export const storedLink = z.object({
  source: z.string(),
  target: z.string(),
  relation,
  author: z.string(),
  created: z.number(),
  note: z.string().optional().default(''),
  strength: strength.optional().default(DEFAULT_STRENGTH),
});

function edges(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>(EDGES);
}

/** The id of the link `author` draws from `source` to `target`. */
export function linkId(source: string, target: string, author: string): string {
  return `link:${source}>${target}@${author}`;
}

/**
 * Checks that a link can be drawn, inside a write that is about to draw it. Throws an
 * InputError naming `action` otherwise.
 */
export function checkLinkEnds(doc: Y.Doc, action: string, source: string, target: string, sourceIsNew = false): void {
  if (source === target) throw new InputError(action, `a node cannot link to itself (${source})`);
  if (!sourceIsNew && !nodeExists(doc, source)) throw new InputError(action, `link source "${source}" is not an annotation or claim in this document`);
  if (!nodeExists(doc, target)) throw new InputError(action, `link target "${target}" is not a hub, claim or annotation in this document`);
}

/** Writes a link inside the caller's transaction (no checks: callers check first). */
export function putLink(doc: Y.Doc, source: string, spec: LinkSpec, author: string): string {
  const key = linkId(source, spec.target, author);
  const existing = edges(doc).get(key);
  if (existing instanceof Y.Map) {
    if (existing.get('relation') !== spec.relation) existing.set('relation', spec.relation);
    return key;
  }
  const record = new Y.Map<unknown>();
  edges(doc).set(key, record);
  record.set('source', source);
  record.set('target', spec.target);
  record.set('relation', spec.relation);
  record.set('author', author);
  record.set('created', Date.now());
  return key;
}

/**
 * Draws a link (or changes the relation of the one `author` already drew between the
 * same two nodes) and returns its id.
 */
export function addLink(
  doc: Y.Doc,
  input: { source: string; target: string; relation: Relation; author: string; note?: string; strength?: Strength },
  origin: ChangeOrigin,
): string {
  const { source, target, relation, author, note: text, strength: weight } = parseInput('addLink', linkInput, input);
  checkLinkEnds(doc, 'addLink', source, target);
  let key = '';
  doc.transact(() => {
    key = putLink(doc, source, { target, relation }, author);
    const record = edges(doc).get(key)!;
    if (text !== undefined) record.set('note', text);
    if (weight !== undefined) record.set('strength', weight);
  }, origin);
  return key;
}

/**
 * Makes `author`'s links from `source` exactly `links`: adds the new ones, changes
 * relations, removes the rest. Other people's links from `source` are left alone.
 */
export function setLinks(doc: Y.Doc, input: { source: string; author: string; links: readonly LinkSpec[] }, origin: ChangeOrigin): void {
  const parsed = parseInput(
    'setLinks',
    strictInput('the links to set', { source: id('link source'), author: id('author'), links: z.array(linkSpecInput, 'links must be a list') }),
    input,
  );
  const targets = new Set<string>();
  for (const link of parsed.links) {
    checkLinkEnds(doc, 'setLinks', parsed.source, link.target);
    if (targets.has(link.target)) throw new InputError('setLinks', `target "${link.target}" is listed twice`);
    targets.add(link.target);
  }
  doc.transact(() => {
    for (const link of listLinks(doc, { source: parsed.source })) {
      if (link.author === parsed.author && !targets.has(link.target)) edges(doc).delete(link.id);
    }
    for (const link of parsed.links) putLink(doc, parsed.source, link, parsed.author);
  }, origin);
}

/** Changes the relation of a link. */
export function setLinkRelation(doc: Y.Doc, linkKey: string, newRelation: Relation, origin: ChangeOrigin): void {
  const record = existingLink(doc, 'setLinkRelation', linkKey);
  const value = parseInput('setLinkRelation', relation, newRelation);
  doc.transact(() => record.set('relation', value), origin);
}

/** Sets how strongly a link bears on its target (1–3). */
export function setLinkStrength(doc: Y.Doc, linkKey: string, newStrength: Strength, origin: ChangeOrigin): void {
  const record = existingLink(doc, 'setLinkStrength', linkKey);
  const value = parseInput('setLinkStrength', strength, newStrength);
  doc.transact(() => record.set('strength', value), origin);
}

/** Sets a link's plain-text note (empty to clear it). */
export function setLinkNote(doc: Y.Doc, linkKey: string, newNote: string, origin: ChangeOrigin): void {
  const record = existingLink(doc, 'setLinkNote', linkKey);
  const value = parseInput('setLinkNote', note, newNote);
  doc.transact(() => record.set('note', value), origin);
}

/** Removes a link. */
export function removeLink(doc: Y.Doc, linkKey: string, origin: ChangeOrigin): void {
  existingLink(doc, 'removeLink', linkKey);
  doc.transact(() => edges(doc).delete(linkKey), origin);
}

/** Removes every link from or to `node`, inside the caller's transaction. */
export function removeLinksOf(doc: Y.Doc, node: string): void {
  for (const [key, record] of edges(doc)) {
    // A faulty peer's plain value is no link: skip it.
    if (record instanceof Y.Map && (record.get('source') === node || record.get('target') === node)) edges(doc).delete(key);
  }
}

function existingLink(doc: Y.Doc, action: string, linkKey: unknown): Y.Map<unknown> {
  return recordOf(edges(doc), action, linkKey, 'link');
}

/**
 * The links in `doc` whose two ends exist (a link drawn while a peer deleted its end
 * is hidden), optionally only those from `source` or to `target`, oldest first.
 */
export function listLinks(doc: Y.Doc, filter: { source?: string; target?: string } = {}): readonly Link[] {
  const out: Dated<Link>[] = [];
  for (const [key, record] of edges(doc)) {
    const link = parseRecord(doc, record, storedLink);
    if (!link) continue;
    if (filter.source !== undefined && link.source !== filter.source) continue;
    if (filter.target !== undefined && link.target !== filter.target) continue;
    if (!nodeExists(doc, link.source) || !nodeExists(doc, link.target)) continue;
    const value = { id: key, source: link.source, target: link.target, relation: link.relation, author: link.author, created: link.created, note: link.note, strength: link.strength };
    out.push({ value, created: link.created, record });
  }
  return freeze(oldestFirst(out));
}
