// The highlight plugin's state and how each transaction changes it, as pure functions of
// the transaction and the editor states: where every anchored annotation is, and a
// DecorationSet drawing them as non-overlapping segments. A transaction maps the ranges
// and redraws only the top-level blocks it touched; a `HighlightAction` in its meta places
// some annotations anew, with ranges the plugin resolved from the Y.Doc beforehand.
import type { EditorState, Transaction } from 'prosemirror-state';
import { Mapping, StepMap } from 'prosemirror-transform';
import { DecorationSet } from 'prosemirror-view';
import { ySyncPluginKey } from 'y-prosemirror';
import { highlightsKey } from '../keys';
import { allSegments, blocksTouching, highlightOf, segmentDecorations, type AuthorLook, type Placed } from './decorations';
import { initialWindow, inWindow, mapWindow, type DrawnWindow } from './drawn-window';

const NONE: ReadonlySet<string> = new Set();

/** The plugin's state: persistent values, replaced (never changed) by each transaction. */
export interface HighlightState {
  /** Every anchored annotation's place, by id. */
  readonly placed: ReadonlyMap<string, Placed>;
  readonly set: DecorationSet;
  /** The annotation shown as selected, or null. */
  readonly selected: string | null;
  /** In a dense reading, the blocks whose highlights are drawn; null: all of them. */
  readonly window: DrawnWindow | null;
  /**
   * Annotations whose place an edit from Yjs made uncertain: they moved with the text for
   * now, and the plugin resolves them again (in an appended transaction) right after.
   */
  readonly stale: ReadonlySet<string>;
}

/** What a transaction can tell the plugin (as `tr.setMeta(highlightsKey, action)`). */
export type HighlightAction =
  /** These annotations are now here (null: no longer shown). */
  | { readonly type: 'patch'; readonly placed: ReadonlyMap<string, Placed | null> }
  /** People changed: each author's look now (and maybe annotations `placed` with them). */
  | { readonly type: 'people'; readonly looks: ReadonlyMap<string, AuthorLook | undefined>; readonly placed: ReadonlyMap<string, Placed | null> }
  | { readonly type: 'select'; readonly id: string | null }
  | { readonly type: 'window'; readonly window: DrawnWindow | null };

type Range = { readonly from: number; readonly to: number };

/** From this many highlights on, the reading skips laying out blocks off screen and draws highlights only around the screen. */
export const DENSE_HIGHLIGHTS = 500;
/** Class of the reading then. */
export const DENSE_CLASS = 'crux-reading--dense';

/** Whether so many highlights are placed that only those around the screen are drawn. */
export const isDense = (placed: ReadonlyMap<string, Placed>) => placed.size >= DENSE_HIGHLIGHTS;

/** The highlights drawn afresh: all of them, or in a dense reading those in `window` (its top before the view measured). */
export function draw(state: EditorState, placed: ReadonlyMap<string, Placed>, selected: string | null, window: DrawnWindow | null, stale: ReadonlySet<string> = NONE): HighlightState {
  const drawn = isDense(placed) ? (window ?? initialWindow(state.doc)) : null;
  const within = drawn && { from: Math.min(drawn.from, state.doc.content.size), to: Math.min(drawn.to, state.doc.content.size) };
  return { placed, set: DecorationSet.create(state.doc, allSegments(state.doc, [...placed.values()], selected, within)), selected, window: within, stale };
}

/**
 * `set` with the blocks that `ranges` touch drawn again from `placed`, and every block a
 * segment there reaches into (an edit that split a block leaves a mapped segment across
 * the new boundary).
 */
function redraw(state: EditorState, set: DecorationSet, placed: ReadonlyMap<string, Placed>, ranges: readonly Range[], selected: string | null, window: DrawnWindow | null): DecorationSet {
  if (ranges.length === 0) return set;
  const blocks = new Map<number, Range>();
  for (const r of ranges) {
    let { from, to } = r;
    for (const d of set.find(r.from, r.to)) {
      from = Math.min(from, d.from);
      to = Math.max(to, d.to);
    }
    for (const b of blocksTouching(state.doc, from, to)) blocks.set(b.from, b);
  }
  const all = [...placed.values()];
  let next = set;
  for (const b of blocks.values()) {
    if (!inWindow(window, b.from, b.to)) continue;
    const stale = next.find(b.from, b.to).filter((d) => d.from < b.to && d.to > b.from);
    next = next.remove(stale).add(state.doc, segmentDecorations(all, b.from, b.to, selected));
  }
  return next;
}

/** The ranges (in the new document) that `mapping`'s steps replaced. */
function changedRanges(mapping: Mapping): Range[] {
  const out: Range[] = [];
  mapping.maps.forEach((map, i) => {
    const rest = mapping.slice(i + 1);
    map.forEach((_oldStart, _oldEnd, newStart, newEnd) => out.push({ from: rest.map(newStart, -1), to: rest.map(newEnd, 1) }));
  });
  return out;
}

/**
 * Whether the segments mapped through an edit of `range` may differ from the ones drawn
 * afresh: a highlight starts or ends there (typing at an edge stays outside, so two
 * neighbouring segments leave a gap, and a deletion can empty one), or the edit crosses a
 * top-level block (segments are cut at those). Typing inside a segment, or where nothing
 * is highlighted, only moves and stretches segments, which mapping the set already does.
 */
function needsRedraw(doc: EditorState['doc'], placed: ReadonlyMap<string, Placed>, range: Range): boolean {
  const $from = doc.resolve(range.from);
  const $to = doc.resolve(range.to);
  if ($from.depth === 0 || $to.depth === 0 || $from.index(0) !== $to.index(0)) return true;
  for (const p of placed.values()) {
    if ((p.from >= range.from && p.from <= range.to) || (p.to >= range.from && p.to <= range.to)) return true;
  }
  return false;
}

/**
 * Maps every highlight through an edit (a local one, or the stretch a remote one changed),
 * as Yjs moves its anchors: text typed at a highlight's start or end stays outside, text
 * typed inside joins it.
 */
function mapPlaced(placed: ReadonlyMap<string, Placed>, mapping: Mapping): Map<string, Placed> {
  const out = new Map<string, Placed>();
  for (const [id, p] of placed) {
    const from = mapping.map(p.from, 1);
    const to = Math.max(from, mapping.map(p.to, -1));
    out.set(id, from === p.from && to === p.to ? p : { highlight: p.highlight, from, to });
  }
  return out;
}

/**
 * After y-prosemirror replaced the document with Yjs's: the highlights that touch the
 * stretch where the old and new documents differ are marked stale (the plugin resolves
 * them again from their anchors right after); all move with the text around that stretch.
 */
function followYjs(old: EditorState, state: EditorState, value: HighlightState): HighlightState {
  const start = old.doc.content.findDiffStart(state.doc.content);
  if (start === null) return value;
  let { a: endOld, b: endNew } = old.doc.content.findDiffEnd(state.doc.content) ?? { a: old.doc.content.size, b: state.doc.content.size };
  // Repeated text can make the two ends overlap the start: widen both alike.
  const overlap = start - Math.min(endOld, endNew);
  if (overlap > 0) {
    endOld += overlap;
    endNew += overlap;
  }
  const mapping = new Mapping([new StepMap([start, endOld - start, endNew - start])]);
  // Those touching the stretch keep where they were, roughly, until they are resolved again.
  const moved = mapPlaced(value.placed, mapping);
  const stale = new Set(value.stale);
  for (const [id, p] of value.placed) if (!(p.to < start || p.from > endOld)) stale.add(id);
  const window = value.window && mapWindow(value.window, mapping);
  const set = redraw(state, value.set.map(mapping, state.doc), moved, [{ from: start, to: endNew }], value.selected, window);
  return { placed: moved, set, selected: value.selected, window, stale };
}

/** `value` with the annotations in `changes` placed anew (or removed, where null). */
function patch(state: EditorState, value: HighlightState, changes: ReadonlyMap<string, Placed | null>): HighlightState {
  const placed = new Map(value.placed);
  const stale = new Set(value.stale);
  const touched: Range[] = [];
  for (const [id, now] of changes) {
    const old = placed.get(id);
    if (old) touched.push(old);
    placed.delete(id);
    stale.delete(id);
    if (!now) continue;
    placed.set(id, now);
    touched.push(now);
  }
  // Crossing the dense threshold changes what is drawn, not just these.
  if (isDense(placed) !== isDense(value.placed)) return draw(state, placed, value.selected, value.window, stale);
  return { placed, set: redraw(state, value.set, placed, touched, value.selected, value.window), selected: value.selected, window: value.window, stale };
}

/** After people changed (a name, a colour): the same places, each author's look as `looks` has it. */
function relook(state: EditorState, value: HighlightState, looks: ReadonlyMap<string, AuthorLook | undefined>): HighlightState {
  const placed = new Map<string, Placed>();
  for (const [id, p] of value.placed) placed.set(id, { ...p, highlight: highlightOf(p.highlight, looks.get(p.highlight.author)) });
  return draw(state, placed, value.selected, value.window, value.stale);
}

function select(state: EditorState, value: HighlightState, id: string | null): HighlightState {
  const touched = [value.selected, id].flatMap((x) => (x === null ? [] : [value.placed.get(x)].filter((p): p is Placed => p !== undefined)));
  return { ...value, set: redraw(state, value.set, value.placed, touched, id, value.window), selected: id };
}

/**
 * The plugin state after `tr`: reads nothing but the transaction and the two editor
 * states (what the Y.Doc says arrives as the transaction's `HighlightAction`).
 */
export function applyHighlights(tr: Transaction, value: HighlightState, old: EditorState, state: EditorState): HighlightState {
  const action = tr.getMeta(highlightsKey) as HighlightAction | undefined;
  const fromYjs = (tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin === true;
  if (action?.type === 'people') return patch(state, relook(state, value, action.looks), action.placed);
  let next = value;
  // y-prosemirror replaces the whole document when Yjs changed it: its mapping would lose everything.
  if (fromYjs && tr.docChanged) next = followYjs(old, state, value);
  else if (tr.docChanged) {
    const placed = mapPlaced(value.placed, tr.mapping);
    const window = value.window && mapWindow(value.window, tr.mapping);
    const ranges = changedRanges(tr.mapping).filter((r) => needsRedraw(state.doc, placed, r));
    next = { ...value, placed, set: redraw(state, value.set.map(tr.mapping, tr.doc), placed, ranges, value.selected, window), window };
  }
  if (action?.type === 'window') return draw(state, next.placed, next.selected, action.window, next.stale);
  if (action?.type === 'patch') return patch(state, next, action.placed);
  if (action?.type === 'select' && action.id !== next.selected) return select(state, next, action.id);
  return next;
}
