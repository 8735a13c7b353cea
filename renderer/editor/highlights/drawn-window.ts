// Which blocks of a dense reading have their highlights drawn: those on screen and a
// screen or so around them. Off-screen highlights of thousands of annotations would be
// spans the browser styles and keeps for nothing; scrolling draws them in before the
// frame that shows them (the scroll event runs before that frame is painted).
import type { Node as PMNode } from 'prosemirror-model';
import type { Mapping } from 'prosemirror-transform';
import type { EditorView } from 'prosemirror-view';

/** A range of document positions from a top-level block's start to a block's end. */
export interface DrawnWindow {
  readonly from: number;
  readonly to: number;
}

/** How much of a dense reading is drawn before the view has measured the screen (positions, from the top). */
export const INITIAL_WINDOW = 20_000;

/** The top-level blocks that start before `INITIAL_WINDOW`: what a reading opened at its top shows. */
export function initialWindow(doc: PMNode): DrawnWindow {
  let to = 0;
  doc.forEach((node, offset) => {
    if (offset < INITIAL_WINDOW) to = offset + node.nodeSize;
  });
  return { from: 0, to };
}

/** `window` through an edit: text typed at its edges stays inside. */
export function mapWindow(window: DrawnWindow, mapping: Mapping): DrawnWindow {
  const from = mapping.map(window.from, -1);
  return { from, to: Math.max(from, mapping.map(window.to, 1)) };
}

/** Whether `outer` holds all of `inner`. */
export function covers(outer: DrawnWindow, inner: DrawnWindow): boolean {
  return outer.from <= inner.from && inner.to <= outer.to;
}

/** Whether `[from, to)` overlaps `window` (null: everything is drawn). */
export function inWindow(window: DrawnWindow | null, from: number, to: number): boolean {
  return window === null || (from < window.to && to > window.from);
}

/**
 * The blocks of `view` within `margin` pixels above and below the visible part of the
 * window, or null when the reading shows no blocks (not laid out, e.g. hidden).
 */
export function visibleWindow(view: EditorView, margin: number): DrawnWindow | null {
  if (view.dom.getBoundingClientRect().height === 0) return null;
  const offsets: number[] = [];
  const ends: number[] = [];
  view.state.doc.forEach((node, offset) => {
    offsets.push(offset);
    ends.push(offset + node.nodeSize);
  });
  const rect = (i: number) => {
    const dom = view.nodeDOM(offsets[i]!);
    return dom instanceof Element ? dom.getBoundingClientRect() : null;
  };
  const top = -margin;
  const bottom = window.innerHeight + margin;
  // Blocks are laid out top to bottom: the first whose bottom is below `top`, the last whose top is above `bottom`.
  const first = search(offsets.length, (i) => (rect(i)?.bottom ?? -Infinity) >= top);
  const last = search(offsets.length, (i) => (rect(i)?.top ?? Infinity) > bottom) - 1;
  if (first >= offsets.length || last < first) return null;
  return { from: offsets[first]!, to: ends[last]! };
}

/** The first index in [0, n) where `past` holds (n if none), `past` being false then true. */
function search(n: number, past: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (past(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
