// The reader: a ProseMirror view of the article bound to the Y.Doc with y-prosemirror.
// Corrections typed here go into the Y.Doc (undoable with the Yjs undo manager); the
// view is a projection of the document, never the other way round.
import { EditorState, Plugin } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { keymap } from 'prosemirror-keymap';
import { baseKeymap } from 'prosemirror-commands';
import { search } from 'prosemirror-search';
import { initProseMirrorDoc, redoCommand, undoCommand, ySyncPlugin, yUndoPlugin } from 'y-prosemirror';
import type * as Y from 'yjs';
import { schema } from '../../shared/schema';
import { ARTICLE } from '../../shared/model/roots';
import { outlineKey } from './keys';
import { outlinePlugin } from './outline-plugin';
import { typingPlugin } from './typing';
import type { OutlineEntry } from './outline-entries';
import type { PreparedBinding } from './load-reading';

/** Called after the view shows a new state. */
export type ReaderListener = (view: EditorView, previous: EditorState) => void;

/** A mounted reader. */
export interface Reader {
  /** The ProseMirror view (for commands and coordinates). */
  readonly view: EditorView;
  /** The document it is bound to. */
  readonly ydoc: Y.Doc;
  /** The title and headings, in order. */
  outline(): readonly OutlineEntry[];
  /** The reading's title, or null if it has none. */
  title(): string | null;
  /** Calls `listener` after every update of the view; returns the unsubscribe function. */
  onUpdate(listener: ReaderListener): () => void;
  /** Unmounts the view; the Y.Doc stays as it is. */
  destroy(): void;
}

/** Options of a reader. */
export interface ReaderOptions {
  /** The `lang` of the reading, for hyphenation and the spell checker. */
  lang?: string;
  /** The document and mapping of a Y.Doc just written (see load-reading.ts), to bind without rebuilding. */
  prepared?: PreparedBinding;
  /** The user's undo manager, shared with annotation edits so one Ctrl+Z history covers both. */
  undoManager?: Y.UndoManager;
  /** More plugins (highlights, presence…), after the reader's own. */
  plugins?: Plugin[];
  /** The view's accessible name (default "Reading"). */
  label?: string;
}

/** Mounts a reader of `ydoc`'s article into `place`. */
export function mountReader(place: HTMLElement, ydoc: Y.Doc, options: ReaderOptions = {}): Reader {
  const listeners = new Set<ReaderListener>();
  const fragment = ydoc.getXmlFragment(ARTICLE);
  // Start from a document with its mapping, so the binding need not render it again.
  const { doc, mapping } = options.prepared ?? initProseMirrorDoc(fragment, schema);
  const notify = new Plugin({
    view: () => ({
      update: (view, previous) => {
        for (const listener of listeners) listener(view, previous);
      },
    }),
  });
  const state = EditorState.create({
    schema,
    doc,
    plugins: [
      ySyncPlugin(fragment, { mapping }),
      yUndoPlugin(options.undoManager ? { undoManager: options.undoManager } : {}),
      keymap({ 'Mod-z': undoCommand, 'Mod-y': redoCommand, 'Mod-Shift-z': redoCommand }),
      keymap(baseKeymap),
      typingPlugin(),
      outlinePlugin(),
      search(),
      ...(options.plugins ?? []),
      notify,
    ],
  });
  const view = new EditorView(place, {
    state,
    attributes: {
      class: 'crux-reading',
      lang: options.lang ?? 'en',
      spellcheck: 'false',
      'aria-label': options.label ?? 'Reading',
    },
  });

  return {
    view,
    ydoc,
    outline: () => outlineKey.getState(view.state)?.entries ?? [],
    title() {
      const first = view.state.doc.firstChild;
      return first?.type.name === 'title' ? first.textContent.replace(/\s+/g, ' ').trim() || null : null;
    },
    onUpdate(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    destroy() {
      listeners.clear();
      view.destroy();
    },
  };
}
