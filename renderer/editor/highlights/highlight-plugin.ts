// The highlight plugin: draws every anchored annotation of a Y.Doc in the reader as
// non-overlapping segments (state and drawing in highlight-state.ts). The plugin reads the
// Y.Doc outside its state's `apply` and hands what it read over as transaction meta: the
// change feed's annotation and people changes after each Yjs transaction, and, after
// y-prosemirror replaced the article from Yjs, the highlights where the documents differ
// (in an appended transaction). A dense reading draws only the blocks around the screen
// (drawn-window.ts).
import { Plugin, type EditorState, type Transaction } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { ySyncPluginKey } from 'y-prosemirror';
import type * as Y from 'yjs';
import { subscribeChanges, type DocChange } from '../../../shared/model';
import { highlightsKey } from '../keys';
import type { SegmentSpec } from './decorations';
import { covers, visibleWindow } from './drawn-window';
import { applyHighlights, DENSE_CLASS, draw, isDense, type HighlightAction, type HighlightState } from './highlight-state';
import { patchAction, peopleAction, placeAll } from './resolve';

export { DENSE_CLASS, DENSE_HIGHLIGHTS, type HighlightAction, type HighlightState } from './highlight-state';
export { patchAction, peopleAction } from './resolve';

/** Options of the highlight plugin. */
export interface HighlightOptions {
  /** Called with the annotation the user clicked (the shortest highlight under the pointer). */
  onClick?(id: string): void;
  /** Called with the annotation under the pointer, or null when it leaves highlights. */
  onHover?(id: string | null): void;
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
      init: (_, state) => draw(state, placeAll(ydoc, state.doc), null, null),
      apply: applyHighlights,
    },
    // Highlights an edit from Yjs made uncertain are resolved from their anchors now, in
    // the same dispatch, so no frame shows them out of place.
    appendTransaction(trs: readonly Transaction[], _old: EditorState, state: EditorState): Transaction | null {
      const stale = highlightsKey.getState(state)?.stale;
      if (!stale || stale.size === 0) return null;
      const tr = state.tr.setMeta(highlightsKey, patchAction(ydoc, state.doc, stale)).setMeta('addToHistory', false);
      // Still part of the change from Yjs: y-prosemirror must not write it back, nor end the user's undo step.
      const fromYjs = trs.map((t) => t.getMeta(ySyncPluginKey) as unknown).find((m) => m !== undefined);
      return fromYjs === undefined ? tr : tr.setMeta(ySyncPluginKey, fromYjs);
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
      // Changed annotations and people are read here, once their transaction is over, and
      // reach the state as the transaction's action.
      const onChange = (change: DocChange) => {
        if (view.isDestroyed || (change.annotations.size === 0 && change.people.size === 0)) return;
        const doc = view.state.doc;
        let action: HighlightAction;
        if (change.people.size === 0) action = patchAction(ydoc, doc, change.annotations);
        else {
          const authors = new Set([...(highlightsKey.getState(view.state)?.placed.values() ?? [])].map((p) => p.highlight.author));
          action = peopleAction(ydoc, doc, authors, change.annotations);
        }
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
      const unsubscribe = subscribeChanges(ydoc, onChange);
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
          unsubscribe();
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
