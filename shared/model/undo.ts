// Undo and redo of this user's own changes: their tags, notes, links, comments, hub
// edits, text corrections and restored versions, never a colleague's (those arrive with another origin).
import { ySyncPluginKey } from 'y-prosemirror';
import * as Y from 'yjs';
import { restoreOriginOf, type LocalOrigin } from './origin';
import { ANNOTATIONS, ARTICLE, CLAIMS, COMMENTS, EDGES, HUBS, POSITIONS } from './roots';

/**
 * The map roots undo covers besides the article text: a dragged node or a deleted claim
 * comes back with Ctrl+Z. People (names, colours) are not undone.
 */
export const UNDO_ROOTS: readonly string[] = Object.freeze([ANNOTATIONS, COMMENTS, EDGES, HUBS, CLAIMS, POSITIONS]);

/** Options of `createUndoManager`. */
export interface UndoOptions {
  /** Changes closer together than this (ms) undo as one step, as typing does. Default 500. */
  readonly captureTimeout?: number;
}

/**
 * An undo manager over the article and the annotation, comment, link and hub roots
 * that tracks `origin` (this user's model writes), the restores this user makes
 * (`restoreOriginOf(origin)`, one step each) and y-prosemirror's sync origin (this
 * user's typing, which the editor binding writes to Yjs). Hand it to y-prosemirror's
 * `yUndoPlugin({ undoManager })` so Ctrl+Z in the editor and in the panel walk one
 * history. Transactions that ProseMirror marked `addToHistory: false` are skipped, as
 * y-prosemirror's own undo manager does.
 */
export function createUndoManager(doc: Y.Doc, origin: LocalOrigin, options: UndoOptions = {}): Y.UndoManager {
  return new Y.UndoManager([doc.getXmlFragment(ARTICLE), ...UNDO_ROOTS.map((name) => doc.getMap(name))], {
    trackedOrigins: new Set<unknown>([origin, restoreOriginOf(origin), ySyncPluginKey]),
    captureTransaction: (tr) => tr.meta.get('addToHistory') !== false,
    ...(options.captureTimeout !== undefined ? { captureTimeout: options.captureTimeout } : {}),
  });
}
