// Puts an imported reading into a fresh Y.Doc: the Y.Doc is the source of truth and the
// editor is bound to it afterwards, so the import is one Yjs transaction with its own
// origin (never on the undo stack, recognisable by observers).
import * as Y from 'yjs';
import { prosemirrorToYXmlFragment } from 'y-prosemirror';
import type { Node as PMNode } from 'prosemirror-model';
import { ARTICLE } from '../../shared/model/roots';
import { importOrigin } from './keys';

/** A new Y.Doc whose article is `reading`. */
export function createReadingDoc(reading: PMNode): Y.Doc {
  const ydoc = new Y.Doc();
  writeReading(ydoc, reading);
  return ydoc;
}

/** Replaces the article of `ydoc` with `reading`, in one transaction. */
export function writeReading(ydoc: Y.Doc, reading: PMNode): void {
  const fragment = ydoc.getXmlFragment(ARTICLE);
  ydoc.transact(() => {
    if (fragment.length > 0) fragment.delete(0, fragment.length);
    prosemirrorToYXmlFragment(reading, fragment);
  }, importOrigin);
}
