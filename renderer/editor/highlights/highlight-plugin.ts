// The highlight plugin: where every anchored annotation is in the reading, and a
// DecorationSet drawing them as non-overlapping segments. A transaction maps the
// highlights' ranges and redraws only the top-level blocks it touched; a change to some
// annotations (observed in the Y.Doc, applied once its transaction is over) re-resolves
// just those and redraws their blocks. When y-prosemirror replaced the article from Yjs
// (a colleague's edit, an undo), the highlights where the two documents differ are
// resolved again and the rest move with the text; a change to people redraws the looks.
// A dense reading draws only the blocks around the screen (drawn-window.ts).
import { Plugin, type EditorState, type Transaction } from 'prosemirror-state';
import { Mapping, StepMap } from 'prosemirror-transform';
import { DecorationSet, type EditorView } from 'prosemirror-view';
import { ySyncPluginKey } from 'y-prosemirror';
import type * as Y from 'yjs';
import { articleText, pmDocText, resolveAnnotation, resolveAnnotations } from '../../../shared/anchoring';
import { getAnnotation, getPerson, listAnnotations } from '../../../shared/model';
import { ANNOTATIONS, PEOPLE } from '../../../shared/model/roots';
import { highlightsKey } from '../keys';
import { allSegments, anchoredRange, blocksTouching, highlightOf, segmentDecorations, type Placed, type SegmentSpec } from './decorations';
import { covers, initialWindow, inWindow, mapWindow, visibleWindow, type DrawnWindow } from './drawn-window';

/** The plugin's state: persistent values, replaced (never changed) by each transaction. */
export interface HighlightState {
  /** Every anchored annotation's place, by id. */
  readonly placed: ReadonlyMap<string, Placed>;
  readonly set: DecorationSet;
  /** The annotation shown as selected, or null. */
  readonly selected: string | null;
  /** In a dense reading, the blocks whose highlights are drawn; null: all of them. */
  readonly window: DrawnWindow | null;
}

/** What a transaction can tell the plugin (as `tr.setMeta(highlightsKey, action)`). */
export type HighlightAction =
  | { readonly type: 'patch'; readonly ids: readonly string[] }
  /** People changed (and maybe annotations `ids` with them). */
  | { readonly type: 'people'; readonly ids: readonly string[] }
  | { readonly type: 'select'; readonly id: string | null }
  | { readonly type: 'window'; readonly window: DrawnWindow | null };

/** Options of the highlight plugin. */
export interface HighlightOptions {
  /** Called with the annotation the user clicked (the shortest highlight under the pointer). */
  onClick?(id: string): void;
  /** Called with the annotation under the pointer, or null when it leaves highlights. */
  onHover?(id: string | null): void;
}

type Range = { readonly from: number; readonly to: number };

/** From this many highlights on, the reading skips laying out blocks off screen and draws highlights only around the screen. */
export const DENSE_HIGHLIGHTS = 500;
/** Class of the reading then. */
export const DENSE_CLASS = 'crux-reading--dense';

function placeAll(ydoc: Y.Doc, state: EditorState): Map<string, Placed> {
  const annotations = listAnnotations(ydoc);
  const placed = new Map<string, Placed>();
  // A reading just opened has none: don't read its whole text before its first frame.
  if (annotations.length === 0) return placed;
  const resolutions = resolveAnnotations(ydoc, annotations);
  const text = pmDocText(state.doc);
  for (const a of annotations) {
    const range = anchoredRange(resolutions.get(a.id));
    if (!range) continue;
    placed.set(a.id, { highlight: highlightOf(a, getPerson(ydoc, a.author)), ...text.rangeToPm(range) });
  }
  return placed;
}

const isDense = (placed: ReadonlyMap<string, Placed>) => placed.size >= DENSE_HIGHLIGHTS;

/** The highlights drawn afresh: all of them, or in a dense reading those in `window` (its top before the view measured). */
function draw(state: EditorState, placed: ReadonlyMap<string, Placed>, selected: string | null, window: DrawnWindow | null): HighlightState {
  const drawn = isDense(placed) ? (window ?? initialWindow(state.doc)) : null;
  const within = drawn && { from: Math.min(drawn.from, state.doc.content.size), to: Math.min(drawn.to, state.doc.content.size) };
  return { placed, set: DecorationSet.create(state.doc, allSegments(state.doc, [...placed.values()], selected, within)), selected, window: within };
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
 * stretch where the old and new documents differ are resolved again from their anchors;
 * the others move with the text around that stretch.
 */
function followYjs(ydoc: Y.Doc, old: EditorState, state: EditorState, value: HighlightState): HighlightState {
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
  // Those touching the stretch keep where they were, roughly, until `patch` reads where their anchors are now.
  const moved = mapPlaced(value.placed, mapping);
  const stale = [...value.placed].filter(([, p]) => !(p.to < start || p.from > endOld)).map(([id]) => id);
  const window = value.window && mapWindow(value.window, mapping);
  const set = redraw(state, value.set.map(mapping, state.doc), moved, [{ from: start, to: endNew }], value.selected, window);
  return patch(ydoc, state, { placed: moved, set, selected: value.selected, window }, stale);
}

function patch(ydoc: Y.Doc, state: EditorState, value: HighlightState, ids: readonly string[]): HighlightState {
  const placed = new Map(value.placed);
  const touched: Range[] = [];
  let text: ReturnType<typeof articleText> | null = null;
  for (const id of new Set(ids)) {
    const old = placed.get(id);
    if (old) touched.push(old);
    placed.delete(id);
    const a = getAnnotation(ydoc, id);
    if (!a) continue;
    text ??= articleText(ydoc);
    const range = anchoredRange(resolveAnnotation(ydoc, a, text));
    if (!range) continue;
    const now: Placed = { highlight: highlightOf(a, getPerson(ydoc, a.author)), ...pmDocText(state.doc).rangeToPm(range) };
    placed.set(id, now);
    touched.push(now);
  }
  // Crossing the dense threshold changes what is drawn, not just these.
  if (isDense(placed) !== isDense(value.placed)) return draw(state, placed, value.selected, value.window);
  return { placed, set: redraw(state, value.set, placed, touched, value.selected, value.window), selected: value.selected, window: value.window };
}

/** After people changed (a name, a colour): the same places, each author's look read again. */
function relook(ydoc: Y.Doc, state: EditorState, value: HighlightState): HighlightState {
  const placed = new Map<string, Placed>();
  for (const [id, p] of value.placed) placed.set(id, { ...p, highlight: highlightOf(p.highlight, getPerson(ydoc, p.highlight.author)) });
  return draw(state, placed, value.selected, value.window);
}

function select(state: EditorState, value: HighlightState, id: string | null): HighlightState {
  const touched = [value.selected, id].flatMap((x) => (x === null ? [] : [value.placed.get(x)].filter((p): p is Placed => p !== undefined)));
  return { placed: value.placed, set: redraw(state, value.set, value.placed, touched, id, value.window), selected: id, window: value.window };
}

function highlightAt(view: EditorView, pos: number): string | null {
  const state = highlightsKey.getState(view.state);
  if (!state) return null;
  const under = state.set.find(pos, pos).filter((d) => d.from <= pos && d.to >= pos);
  // Prefer the segment the position is inside over one that merely ends or starts there.
  under.sort((a, b) => Number(b.from < pos && b.to > pos) - Number(a.from < pos && a.to > pos));
  return under[0] ? (under[0].spec as SegmentSpec).ids.split(' ')[0]! : null;
}

/** The highlight plugin for a reader of `ydoc`. */
export function highlightPlugin(ydoc: Y.Doc, options: HighlightOptions = {}): Plugin<HighlightState> {
  return new Plugin<HighlightState>({
    key: highlightsKey,
    state: {
      init: (_, state) => draw(state, placeAll(ydoc, state), null, null),
      apply(tr: Transaction, value: HighlightState, old: EditorState, state: EditorState): HighlightState {
        const action = tr.getMeta(highlightsKey) as HighlightAction | undefined;
        const fromYjs = (tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin === true;
        if (action?.type === 'people') return patch(ydoc, state, relook(ydoc, state, value), action.ids);
        let next = value;
        // y-prosemirror replaces the whole document when Yjs changed it: its mapping would lose everything.
        if (fromYjs && tr.docChanged) next = followYjs(ydoc, old, state, value);
        else if (tr.docChanged) {
          const placed = mapPlaced(value.placed, tr.mapping);
          const window = value.window && mapWindow(value.window, tr.mapping);
          const ranges = changedRanges(tr.mapping).filter((r) => needsRedraw(state.doc, placed, r));
          next = { placed, set: redraw(state, value.set.map(tr.mapping, tr.doc), placed, ranges, value.selected, window), selected: value.selected, window };
        }
        if (action?.type === 'window') return draw(state, next.placed, next.selected, action.window);
        if (action?.type === 'patch') return patch(ydoc, state, next, action.ids);
        if (action?.type === 'select' && action.id !== next.selected) return select(state, next, action.id);
        return next;
      },
    },
    props: {
      decorations: (state) => highlightsKey.getState(state)?.set,
      // Many highlights: only blocks near the screen are laid out (reader.css).
      attributes: (state): Record<string, string> => {
        const value = highlightsKey.getState(state);
        return value && isDense(value.placed) ? { class: DENSE_CLASS } : {};
      },
      handleClick(view, pos, event) {
        if (!(event.target instanceof Element) || !event.target.closest('.crux-hl')) return false;
        const id = highlightAt(view, pos);
        if (id) options.onClick?.(id);
        return false;
      },
      handleDOMEvents: {
        mouseover(_view, event) {
          const el = event.target instanceof Element ? event.target.closest<HTMLElement>('.crux-hl') : null;
          options.onHover?.(el?.dataset.annotationId ?? null);
          return false;
        },
      },
    },
    view(view) {
      const annotations = ydoc.getMap(ANNOTATIONS);
      const people = ydoc.getMap(PEOPLE);
      let changed = new Set<string>();
      let peopleChanged = false;
      const onAnnotations = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
        for (const event of events) {
          if (event.target === annotations) for (const key of event.changes.keys.keys()) changed.add(key);
          else if (typeof event.path[0] === 'string') changed.add(event.path[0]);
        }
      };
      const onPeople = () => (peopleChanged = true);
      const flush = () => {
        if (view.isDestroyed || (changed.size === 0 && !peopleChanged)) return;
        const ids = [...changed];
        const action: HighlightAction = peopleChanged ? { type: 'people', ids } : { type: 'patch', ids };
        changed = new Set();
        peopleChanged = false;
        view.dispatch(view.state.tr.setMeta(highlightsKey, action).setMeta('addToHistory', false));
      };
      // A dense reading: draw the blocks around the screen once laid out, and again when
      // scrolling or an edit takes the screen out of what is drawn.
      const followScreen = () => {
        const value = highlightsKey.getState(view.state);
        if (view.isDestroyed || !value?.window) return;
        const margin = window.innerHeight;
        const needed = visibleWindow(view, margin / 2);
        if (!needed || covers(value.window, needed)) return;
        const drawn = visibleWindow(view, margin * 1.5) ?? needed;
        view.dispatch(view.state.tr.setMeta(highlightsKey, { type: 'window', window: drawn } satisfies HighlightAction).setMeta('addToHistory', false));
      };
      let pending = false;
      const followSoon = () => {
        if (pending) return;
        pending = true;
        queueMicrotask(() => {
          pending = false;
          followScreen();
        });
      };
      annotations.observeDeep(onAnnotations);
      people.observe(onPeople);
      ydoc.on('afterTransaction', flush);
      document.addEventListener('scroll', followScreen, { capture: true, passive: true });
      window.addEventListener('resize', followScreen);
      // Off-screen blocks have a placeholder height until they come near the screen: the
      // reading's height changes when they are laid out, and then what is on screen is
      // known for sure (resize observers run after layout, before the frame is painted).
      const resizes = new ResizeObserver(followScreen);
      resizes.observe(view.dom);
      followSoon();
      return {
        update(_view, previous) {
          const value = highlightsKey.getState(view.state);
          if (value?.window && (view.state.doc !== previous.doc || value.window !== highlightsKey.getState(previous)?.window)) followSoon();
        },
        destroy() {
          annotations.unobserveDeep(onAnnotations);
          people.unobserve(onPeople);
          ydoc.off('afterTransaction', flush);
          resizes.disconnect();
          document.removeEventListener('scroll', followScreen, { capture: true });
          window.removeEventListener('resize', followScreen);
        },
      };
    },
  });
}

/** Marks annotation `id` (or nothing) as selected in the reader. */
export function selectHighlight(view: EditorView, id: string | null): void {
  if (highlightsKey.getState(view.state)?.selected === id) return;
  view.dispatch(view.state.tr.setMeta(highlightsKey, { type: 'select', id } satisfies HighlightAction).setMeta('addToHistory', false));
}

/** The ProseMirror range of annotation `id`'s highlight, or null if it is not shown. */
export function highlightRange(state: EditorState, id: string): { from: number; to: number } | null {
  const p = highlightsKey.getState(state)?.placed.get(id);
  return p && p.from < p.to ? { from: p.from, to: p.to } : null;
}
