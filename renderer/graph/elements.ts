// The map as plain element descriptions, computed from the Y.Doc: which nodes and edges
// exist and what they show. Pure (no Cytoscape, no DOM), so the projection and its
// diff by id are tested in Node; map-view.ts patches `cy` with the diff.
import type * as Y from 'yjs';
import { listAnnotations, listClaims, listHubs, listLinks, type Point } from '../../shared/model';
import { getPositions } from '../../shared/model/positions';

/** What a map node stands for. */
export type NodeKind = 'hub' | 'annotation' | 'claim';

/** A node as the map draws it. */
export interface NodeElement {
  readonly group: 'nodes';
  readonly id: string;
  readonly kind: NodeKind;
  /** The short label drawn on the node. */
  readonly label: string;
  /** The whole text (hover tooltip, list view, exports). */
  readonly text: string;
  /** Hub colour, or null (annotations are coloured by role). */
  readonly colour: string | null;
  /** Annotation role, or null. */
  readonly role: string | null;
  /** Who made it, or null (hubs). */
  readonly author: string | null;
  /** A hand-set or hub position everyone shares, or null (the layout places it). */
  readonly position: Point | null;
}

/** An edge as the map draws it: one person's link. */
export interface EdgeElement {
  readonly group: 'edges';
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly relation: 'supports' | 'challenges';
  readonly strength: 1 | 2 | 3;
  readonly author: string;
  readonly note: string;
}

/** Any map element. */
export type MapElement = NodeElement | EdgeElement;

/** Longest node label before it is cut with an ellipsis. */
export const LABEL_LENGTH = 48;

/** `text` on one line, cut to `max` characters with an ellipsis. */
export function shorten(text: string, max = LABEL_LENGTH): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= max ? line : `${line.slice(0, max - 1).trimEnd()}…`;
}

/** Every element of `doc`'s map, nodes first (hubs, annotations, claims), then edges. */
export function mapElements(doc: Y.Doc): MapElement[] {
  const positions = getPositions(doc);
  const out: MapElement[] = [];
  for (const hub of listHubs(doc)) {
    out.push({ group: 'nodes', id: hub.id, kind: 'hub', label: hub.label, text: hub.label, colour: hub.colour, role: null, author: null, position: positions.get(hub.id) ?? null });
  }
  for (const a of listAnnotations(doc)) {
    const quote = a.anchor.quote.exact;
    out.push({ group: 'nodes', id: a.id, kind: 'annotation', label: shorten(quote), text: quote, colour: null, role: a.role, author: a.author, position: positions.get(a.id) ?? null });
  }
  for (const c of listClaims(doc)) {
    out.push({ group: 'nodes', id: c.id, kind: 'claim', label: shorten(c.text), text: c.text, colour: null, role: null, author: c.author, position: positions.get(c.id) ?? null });
  }
  for (const l of listLinks(doc)) {
    out.push({ group: 'edges', id: l.id, source: l.source, target: l.target, relation: l.relation, strength: l.strength, author: l.author, note: l.note });
  }
  return out;
}

/** What changed between two projections, by element id. */
export interface ElementDiff {
  readonly added: readonly MapElement[];
  /** Elements whose fields changed (an edge never changes its ends: its id names them). */
  readonly changed: readonly MapElement[];
  readonly removed: readonly string[];
}

/** Compares two projections by id; elements are compared field by field. */
export function diffElements(previous: ReadonlyMap<string, MapElement>, next: readonly MapElement[]): ElementDiff {
  const added: MapElement[] = [];
  const changed: MapElement[] = [];
  const seen = new Set<string>();
  for (const element of next) {
    seen.add(element.id);
    const before = previous.get(element.id);
    if (!before) added.push(element);
    else if (!sameElement(before, element)) changed.push(element);
  }
  const removed = [...previous.keys()].filter((id) => !seen.has(id));
  return { added, changed, removed };
}

function sameElement(a: MapElement, b: MapElement): boolean {
  const x = a as unknown as Record<string, unknown>;
  const y = b as unknown as Record<string, unknown>;
  for (const key of Object.keys(y)) {
    const u = x[key];
    const v = y[key];
    if (u === v) continue;
    if (u && v && typeof u === 'object' && typeof v === 'object') {
      const p = u as Point;
      const q = v as Point;
      if (p.x === q.x && p.y === q.y) continue;
    }
    return false;
  }
  return true;
}
