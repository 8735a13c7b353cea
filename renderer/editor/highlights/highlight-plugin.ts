// The highlight plugin: a DecorationSet of every anchored annotation, mapped through
// each transaction and patched only for the annotations that changed. It observes the
// Y.Doc itself (annotations deeply, people), collects the changed ids during a Yjs
// transaction and patches them once the transaction is over; it rebuilds everything
// only when y-prosemirror replaced the article from Yjs (a remote edit, an undo).
import { Plugin, type EditorState, type Transaction } from 'prosemirror-state';
import { DecorationSet, type EditorView } from 'prosemirror-view';
import { ySyncPluginKey } from 'y-prosemirror';
import type * as Y from 'yjs';
import { articleText, pmDocText, resolveAnnotation, resolveAnnotations } from '../../../shared/anchoring';
import { getAnnotation, getPerson, listAnnotations } from '../../../shared/model';
import { ANNOTATIONS, PEOPLE } from '../../../shared/model/roots';
import { highlightsKey } from '../keys';
import { buildDecorations, highlightsOf, reselect, type Highlight, type HighlightSpec } from './decorations';

/** The plugin's state. */
export interface HighlightState {
  readonly set: DecorationSet;
  /** The annotation shown as selected, or null. */
  readonly selected: string | null;
}

/** What a transaction can tell the plugin (as `tr.setMeta(highlightsKey, action)`). */
export type HighlightAction =
  | { readonly type: 'patch'; readonly ids: readonly string[] }
  | { readonly type: 'rebuild' }
  | { readonly type: 'select'; readonly id: string | null };

/** Options of the highlight plugin. */
export interface HighlightOptions {
  /** Called with the annotation the user clicked (the shortest highlight under the pointer). */
  onClick?(id: string): void;
  /** Called with the annotation under the pointer, or null when it leaves highlights. */
  onHover?(id: string | null): void;
}

function allHighlights(ydoc: Y.Doc): Highlight[] {
  const annotations = listAnnotations(ydoc);
  return highlightsOf(annotations, resolveAnnotations(ydoc, annotations), (id) => getPerson(ydoc, id));
}

function rebuild(ydoc: Y.Doc, state: EditorState, selected: string | null): DecorationSet {
  return DecorationSet.create(state.doc, buildDecorations(allHighlights(ydoc), pmDocText(state.doc), selected));
}

function patch(ydoc: Y.Doc, state: EditorState, set: DecorationSet, ids: readonly string[], selected: string | null): DecorationSet {
  const wanted = new Set(ids);
  const stale = set.find(undefined, undefined, (spec) => wanted.has((spec as HighlightSpec).id));
  const text = articleText(ydoc);
  const fresh: Highlight[] = [];
  for (const id of wanted) {
    const a = getAnnotation(ydoc, id);
    if (!a) continue;
    fresh.push(...highlightsOf([a], new Map([[id, resolveAnnotation(ydoc, a, text)]]), (p) => getPerson(ydoc, p)));
  }
  return set.remove(stale).add(state.doc, buildDecorations(fresh, pmDocText(state.doc), selected));
}

function select(state: EditorState, set: DecorationSet, from: string | null, to: string | null): DecorationSet {
  const ids = new Set([from, to].filter((id): id is string => id !== null));
  if (ids.size === 0) return set;
  const old = set.find(undefined, undefined, (spec) => ids.has((spec as HighlightSpec).id));
  // (Made before `remove`, which clears the entries of the array it is given.)
  const fresh = old.map((d) => reselect(d, (d.spec as HighlightSpec).id === to));
  return set.remove(old).add(state.doc, fresh);
}

function highlightAt(view: EditorView, pos: number): string | null {
  const state = highlightsKey.getState(view.state);
  if (!state) return null;
  const under = state.set.find(pos, pos).filter((d) => d.from < pos || (d.from === pos && d.to > pos) || d.to === pos);
  under.sort((a, b) => a.to - a.from - (b.to - b.from));
  return under[0] ? (under[0].spec as HighlightSpec).id : null;
}

/** The highlight plugin for a reader of `ydoc`. */
export function highlightPlugin(ydoc: Y.Doc, options: HighlightOptions = {}): Plugin<HighlightState> {
  return new Plugin<HighlightState>({
    key: highlightsKey,
    state: {
      init: (_, state) => ({ set: rebuild(ydoc, state, null), selected: null }),
      apply(tr: Transaction, value: HighlightState, _old: EditorState, state: EditorState): HighlightState {
        const action = tr.getMeta(highlightsKey) as HighlightAction | undefined;
        const fromYjs = (tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin === true;
        // y-prosemirror replaces the whole document when Yjs changed it: mapping would lose everything.
        if ((fromYjs && tr.docChanged) || action?.type === 'rebuild') return { set: rebuild(ydoc, state, value.selected), selected: value.selected };
        const set = tr.docChanged ? value.set.map(tr.mapping, tr.doc) : value.set;
        if (action?.type === 'patch') return { set: patch(ydoc, state, set, action.ids, value.selected), selected: value.selected };
        if (action?.type === 'select' && action.id !== value.selected) return { set: select(state, set, value.selected, action.id), selected: action.id };
        return set === value.set ? value : { set, selected: value.selected };
      },
    },
    props: {
      decorations: (state) => highlightsKey.getState(state)?.set,
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
        const action: HighlightAction = peopleChanged ? { type: 'rebuild' } : { type: 'patch', ids };
        changed = new Set();
        peopleChanged = false;
        view.dispatch(view.state.tr.setMeta(highlightsKey, action).setMeta('addToHistory', false));
      };
      annotations.observeDeep(onAnnotations);
      people.observe(onPeople);
      ydoc.on('afterTransaction', flush);
      return {
        destroy() {
          annotations.unobserveDeep(onAnnotations);
          people.unobserve(onPeople);
          ydoc.off('afterTransaction', flush);
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
  const found = highlightsKey.getState(state)?.set.find(undefined, undefined, (spec) => (spec as HighlightSpec).id === id) ?? [];
  if (found.length === 0) return null;
  return { from: Math.min(...found.map((d) => d.from)), to: Math.max(...found.map((d) => d.to)) };
}
