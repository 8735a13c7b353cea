// Editing the article as a user in the editor does: a ProseMirror transform on the
// document y-prosemirror derives from the Y.XmlFragment, written back with
// y-prosemirror's own diffing (`updateYFragment`, under its sync origin), as the
// binding does after every keystroke.
import { Transform } from 'prosemirror-transform';
import type { Node as PMNode } from 'prosemirror-model';
import { initProseMirrorDoc, updateYFragment } from 'y-prosemirror';
import type * as Y from 'yjs';
import { ARTICLE } from '../model/roots';
import { schema } from '../schema';

/** The ProseMirror document of `doc`'s article, as the editor shows it. */
export function proseMirrorDoc(doc: Y.Doc): PMNode {
  return initProseMirrorDoc(doc.getXmlFragment(ARTICLE), schema).doc;
}

/** Applies `edit` to the article through ProseMirror and y-prosemirror. */
export function editInProseMirror(doc: Y.Doc, edit: (tr: Transform) => void): void {
  const fragment = doc.getXmlFragment(ARTICLE);
  const { doc: before, meta } = initProseMirrorDoc(fragment, schema);
  const tr = new Transform(before);
  edit(tr);
  updateYFragment(doc, fragment, tr.doc, meta);
}
