// Highlights as ProseMirror decorations: one span per stretch of text that the same
// annotations cover (no nesting where highlights overlap), with the DOM contract every
// view relies on (`span.crux-hl.crux-hl--<role>`, `data-annotation-id(s)`, the author).
import type { Node as PMNode } from 'prosemirror-model';
import { Decoration, type DecorationAttrs } from 'prosemirror-view';
import type { Resolution } from '../../../shared/anchoring';
import type { Role } from '../../../shared/model';

/** What a highlight shows: one annotation and who made it. */
export interface Highlight {
  readonly id: string;
  readonly role: Role;
  /** The author's person id. */
  readonly author: string;
  /** The author's name and colour as the document knows them (defaults when unknown). */
  readonly authorName: string;
  readonly authorColour: string;
}

/** A highlight placed in the ProseMirror document (`from < to` while it covers something). */
export interface Placed {
  readonly highlight: Highlight;
  readonly from: number;
  readonly to: number;
}

/**
 * The spec of a segment decoration: the ids of the annotations covering it, innermost
 * (shortest) first, space-separated. A string, not an array: ProseMirror compares specs
 * key by key with `===`, and a redrawn segment that equals the old one keeps its span.
 */
export interface SegmentSpec {
  readonly ids: string;
}

/** Role names as users read them. */
export const ROLE_LABELS: Readonly<Record<Role, string>> = Object.freeze({ evidence: 'Evidence', claim: 'Claim', counter: 'Counter-argument' });

/** Class of every highlight span. */
export const HIGHLIGHT_CLASS = 'crux-hl';
/** Class added to the spans of the selected annotation. */
export const SELECTED_CLASS = 'crux-hl--selected';
/** Deeper overlaps than this look the same (the tint stops darkening so text stays readable). */
export const MAX_DEPTH_CLASS = 3;

/** An annotation as the highlight builder needs it. */
export interface HighlightSource {
  readonly id: string;
  readonly role: Role;
  readonly author: string;
}

/** Who an author is, for the tooltip and the colour. */
export interface AuthorLook {
  readonly name: string;
  readonly colour: string;
}

/** Fallback look of an author the document does not know (yet). */
export const UNKNOWN_AUTHOR: AuthorLook = Object.freeze({ name: 'Unknown reader', colour: '#666666' });

/** The highlight of annotation `a` with its author's look (`undefined` look: unknown author). */
export function highlightOf(a: HighlightSource, look: AuthorLook | undefined): Highlight {
  const { name, colour } = look ?? UNKNOWN_AUTHOR;
  return { id: a.id, role: a.role, author: a.author, authorName: name, authorColour: colour };
}

/** The anchored text range of a resolution, or null for an orphan (the panel lists those). */
export function anchoredRange(r: Resolution | undefined): { start: number; end: number } | null {
  return r?.status === 'anchored' ? { start: r.start, end: r.end } : null;
}

const innermostFirst = (a: Placed, b: Placed) => a.to - a.from - (b.to - b.from) || (a.highlight.id < b.highlight.id ? -1 : a.highlight.id > b.highlight.id ? 1 : 0);

/** The attributes of a segment covered by `covering` (innermost first). */
export function segmentAttrs(covering: readonly Placed[], from: number, to: number, selected: string | null): DecorationAttrs {
  const inner = covering[0]!.highlight;
  const roles = [...new Set(covering.map((p) => p.highlight.role))];
  const chosen = selected === null ? undefined : covering.find((p) => p.highlight.id === selected);
  let cls = `${HIGHLIGHT_CLASS} ${roles.map((r) => `${HIGHLIGHT_CLASS}--${r}`).join(' ')} ${HIGHLIGHT_CLASS}--n${Math.min(covering.length, MAX_DEPTH_CLASS)}`;
  let style = `--author-colour: ${inner.authorColour}; --hl-rgb: var(--hl-${inner.role}-rgb)`;
  if (chosen) {
    cls += ` ${SELECTED_CLASS}`;
    if (chosen.from === from) cls += ` ${SELECTED_CLASS}-start`;
    if (chosen.to === to) cls += ` ${SELECTED_CLASS}-end`;
    style += `; --hl-ring: var(--hl-${chosen.highlight.role}-solid)`;
  }
  return {
    nodeName: 'span',
    class: cls,
    'data-annotation-id': inner.id,
    'data-annotation-ids': covering.map((p) => p.highlight.id).join(' '),
    'data-author': inner.author,
    style,
    title: covering.map((p) => `${ROLE_LABELS[p.highlight.role]} — ${p.highlight.authorName}`).join('\n'),
  };
}

/**
 * The segment decorations of `placed` clipped to `[from, to)` (one top-level block): a
 * span wherever the set of covering highlights changes, none where nothing covers.
 */
export function segmentDecorations(placed: readonly Placed[], from: number, to: number, selected: string | null): Decoration[] {
  const inside = placed.filter((p) => p.from < to && p.to > from && p.from < p.to);
  if (inside.length === 0) return [];
  const cuts = new Set<number>([from, to]);
  for (const p of inside) {
    cuts.add(Math.max(from, p.from));
    cuts.add(Math.min(to, p.to));
  }
  const points = [...cuts].sort((a, b) => a - b);
  inside.sort(innermostFirst);
  const out: Decoration[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i]!;
    const b = points[i + 1]!;
    const covering = inside.filter((p) => p.from <= a && p.to >= b);
    if (covering.length === 0) continue;
    const attrs = segmentAttrs(covering, a, b, selected);
    const spec: SegmentSpec = { ids: attrs['data-annotation-ids']! };
    out.push(Decoration.inline(a, b, attrs, spec));
  }
  return out;
}

/** A top-level block's range: `from` its start, `to` its end (positions around it). */
export interface BlockRange {
  readonly from: number;
  readonly to: number;
}

/** The top-level blocks of `doc` that `[from, to]` touches (a block ending at `from` or starting at `to` included). */
export function blocksTouching(doc: PMNode, from: number, to: number): BlockRange[] {
  const out: BlockRange[] = [];
  const lo = Math.max(0, from);
  const hi = Math.min(doc.content.size, to);
  doc.forEach((node, offset) => {
    const end = offset + node.nodeSize;
    if (end >= lo && offset <= hi) out.push({ from: offset, to: end });
  });
  return out;
}

/** The segment decorations of every top-level block of `doc` (that overlaps `within`, when given). */
export function allSegments(doc: PMNode, placed: readonly Placed[], selected: string | null, within: BlockRange | null = null): Decoration[] {
  const sorted = placed.filter((p) => p.from < p.to && (within === null || (p.from < within.to && p.to > within.from))).sort((a, b) => a.from - b.from);
  const out: Decoration[] = [];
  // Highlights still open at the current block, and the next one not yet reached.
  let open: Placed[] = [];
  let next = 0;
  doc.forEach((node, offset) => {
    const end = offset + node.nodeSize;
    if (within !== null && (end <= within.from || offset >= within.to)) return;
    open = open.filter((p) => p.to > offset);
    while (next < sorted.length && sorted[next]!.from < end) open.push(sorted[next++]!);
    if (open.length > 0) out.push(...segmentDecorations(open, offset, end, selected));
  });
  return out;
}
