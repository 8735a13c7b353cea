// Puts an imported reading into a fresh Y.Doc: the Y.Doc is the source of truth and the
// editor is bound to it afterwards, so the import is one Yjs transaction with its own
// origin (never on the undo stack, recognisable by observers).
import * as Y from 'yjs';
import { updateYFragment, type initProseMirrorDoc } from 'y-prosemirror';
import type { Node as PMNode } from 'prosemirror-model';
import { ARTICLE } from '../../shared/model/roots';
import { importOrigin } from './keys';

/** y-prosemirror's map from Y types to the ProseMirror nodes they render as. */
export type YMapping = ReturnType<typeof initProseMirrorDoc>['mapping'];

/**
 * A ProseMirror document that is known to equal the Y.Doc's article, with the mapping
 * between the two. Binding a view through it skips rebuilding the document from Yjs
 * (for a 2 MB book, a good part of the time to open it). Valid only until the Y.Doc
 * changes; after that, bind from the Y.Doc itself.
 */
export interface PreparedBinding {
  doc: PMNode;
  mapping: YMapping;
}

/** A reading loaded into its own Y.Doc. */
export interface LoadedReading {
  ydoc: Y.Doc;
  prepared: PreparedBinding;
}

/** A new Y.Doc whose article is `reading`. */
export function createReadingDoc(reading: PMNode): LoadedReading {
  const ydoc = new Y.Doc();
  return { ydoc, prepared: writeReading(ydoc, reading) };
}

/** Replaces the article of `ydoc` with `reading`, in one transaction. */
export function writeReading(ydoc: Y.Doc, reading: PMNode): PreparedBinding {
  const fragment = ydoc.getXmlFragment(ARTICLE);
  const meta = { mapping: new Map() as YMapping, isOMark: new Map() };
  ydoc.transact(() => {
    if (fragment.length > 0) fragment.delete(0, fragment.length);
    // What prosemirrorToYXmlFragment does, keeping the mapping it builds on the way.
    updateYFragment(ydoc, fragment, reading, meta);
  }, importOrigin);
  return { doc: reading, mapping: meta.mapping };
}
