// Margin markers: beside each passage that has comments, a small button in the reader's
// right margin with how many; choosing it opens the passage's thread. Counts follow the
// Y.Doc, so a colleague's comment shows up as it arrives, and places follow the text.
import { Plugin, type EditorState } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import type * as Y from 'yjs';
import { listThreads } from '../../shared/model';
import { COMMENTS } from '../../shared/model/roots';
import { commentsByTarget } from '../annotations/entries';
import { h } from '../shell/dom';
import { highlightsKey } from './keys';
import { highlightRange } from './highlights/highlight-plugin';

/** One marker to draw: the passage, its comment count and where its first line is (px from the page top). */
export interface MarkerPlace {
  readonly id: string;
  readonly count: number;
  readonly top: number;
}

/** What the markers do when chosen. */
export interface MarginMarkerOptions {
  /** Opens the comment thread of annotation `id`. */
  open(id: string): void;
}

/** The class of the markers' layer in the page. */
export const MARKER_LAYER_CLASS = 'crux-margin-markers';

/**
 * `places` sorted top to bottom, each moved down as far as needed not to cover the one
 * above it (`height` px apart): two commented passages on one line get two markers, one
 * under the other, rather than one hiding the other.
 */
export function stackMarkers(places: readonly MarkerPlace[], height: number): MarkerPlace[] {
  const sorted = [...places].sort((a, b) => a.top - b.top || (a.id < b.id ? -1 : 1));
  const out: MarkerPlace[] = [];
  let floor = -Infinity;
  for (const place of sorted) {
    const top = Math.max(place.top, floor);
    out.push({ ...place, top });
    floor = top + height;
  }
  return out;
}

/** The marker's accessible name: how many comments, and on which words. */
export function markerLabel(count: number, quote: string): string {
  const short = quote.length > 60 ? `${quote.slice(0, 59).trimEnd()}…` : quote;
  return `${count === 1 ? '1 comment' : `${count} comments`} on “${short}” — open the thread`;
}

/** How far apart (px) two markers' tops must be; matches .crux-margin-marker's height plus a gap. */
const MARKER_PITCH = 24;

/** The plugin that draws the markers of `ydoc`'s commented passages beside the reading. */
export function marginMarkersPlugin(ydoc: Y.Doc, options: MarginMarkerOptions): Plugin {
  return new Plugin({
    view: (view) => mountMarkers(view, ydoc, options),
  });
}

function mountMarkers(view: EditorView, ydoc: Y.Doc, options: MarginMarkerOptions) {
  const layer = h('div', { class: MARKER_LAYER_CLASS });
  const page = view.dom.parentElement;
  page?.append(layer);
  const buttons = new Map<string, HTMLButtonElement>();
  let counts = countComments(ydoc);
  let frame = 0;

  function draw(): void {
    frame = 0;
    if (!page || !view.dom.isConnected) return;
    const pageBox = page.getBoundingClientRect();
    const readingBox = view.dom.getBoundingClientRect();
    const places: MarkerPlace[] = [];
    for (const [id, count] of counts) {
      const range = highlightRange(view.state, id);
      if (!range || count === 0) continue;
      places.push({ id, count, top: view.coordsAtPos(range.from, 1).top - pageBox.top });
    }
    const left = `${Math.round(readingBox.right - pageBox.left + 6)}px`;
    const stacked = stackMarkers(places, MARKER_PITCH);
    const shown = new Set(stacked.map((p) => p.id));
    for (const [id, button] of buttons) {
      if (shown.has(id)) continue;
      button.remove();
      buttons.delete(id);
    }
    for (const place of stacked) {
      const button = buttons.get(place.id) ?? addButton(place.id);
      const range = highlightRange(view.state, place.id)!;
      button.textContent = String(place.count);
      button.setAttribute('aria-label', markerLabel(place.count, view.state.doc.textBetween(range.from, range.to, ' ')));
      button.title = place.count === 1 ? '1 comment' : `${place.count} comments`;
      button.style.top = `${Math.round(place.top)}px`;
      button.style.left = left;
    }
    // In passage order, so Tab meets the markers as the text reads; moved only when the
    // order changed, since moving a focused button would take its focus away.
    const ordered = stacked.map((p) => buttons.get(p.id)!);
    if (ordered.some((button, i) => layer.children[i] !== button)) layer.replaceChildren(...ordered);
  }

  function addButton(id: string): HTMLButtonElement {
    const button = h('button', { type: 'button', class: 'crux-margin-marker', 'data-annotation-id': id });
    button.addEventListener('click', () => options.open(id));
    layer.append(button);
    buttons.set(id, button);
    return button;
  }

  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(draw);
  };
  const onComments = () => {
    counts = countComments(ydoc);
    schedule();
  };
  const comments = ydoc.getMap(COMMENTS);
  comments.observeDeep(onComments);
  // The reading reflows when the window, the panes or the zoom change its width.
  const resized = new ResizeObserver(schedule);
  resized.observe(view.dom);
  // Long readings lay out blocks as they near the screen, which moves what is below them.
  const scroller = view.dom.closest('.reader-scroll');
  const onScroll = () => {
    if (page?.classList.contains('is-long')) schedule();
  };
  scroller?.addEventListener('scroll', onScroll, { passive: true });
  schedule();

  return {
    update(updated: EditorView, previous: EditorState) {
      if (updated.state.doc !== previous.doc || placedOf(updated.state) !== placedOf(previous)) schedule();
    },
    destroy() {
      if (frame) cancelAnimationFrame(frame);
      comments.unobserveDeep(onComments);
      resized.disconnect();
      scroller?.removeEventListener('scroll', onScroll);
      layer.remove();
    },
  };
}

function placedOf(state: EditorState) {
  return highlightsKey.getState(state)?.placed;
}

/** Comments that are not deleted, by the passage they are on. */
function countComments(ydoc: Y.Doc): Map<string, number> {
  return new Map([...commentsByTarget(listThreads(ydoc))].map(([target, texts]) => [target, texts.length]));
}
