// Readings for tests: write a ProseMirror document into a Y.Doc's article the way
// y-prosemirror does, and edit its text in place the way y-prosemirror's binding does
// when a user corrects a typo (delete, then insert, in the block's Y.XmlText).
import type { Node as PMNode } from 'prosemirror-model';
import { prosemirrorToYXmlFragment } from 'y-prosemirror';
import * as Y from 'yjs';
import { articleText } from '../anchoring/anchor';
import { ARTICLE } from '../model/roots';
import { schema } from '../schema';

/** A reading of plain paragraphs. */
export function paragraphs(blocks: readonly string[]): PMNode {
  return schema.node(
    'doc',
    null,
    blocks.map((b) => schema.node('paragraph', null, b ? schema.text(b) : [])),
  );
}

/** Writes `reading` into `doc`'s (empty) article fragment, as importing a file does. */
export function writeArticle(doc: Y.Doc, reading: PMNode): Y.XmlFragment {
  return prosemirrorToYXmlFragment(reading, doc.getXmlFragment(ARTICLE));
}

/** A new Y.Doc holding a reading of plain paragraphs. */
export function docWithParagraphs(blocks: readonly string[], options: { gc?: boolean } = {}): Y.Doc {
  const doc = new Y.Doc(options);
  writeArticle(doc, paragraphs(blocks));
  return doc;
}

/**
 * Replaces the document text in [from, to) with `insert` (no line breaks: blocks stay
 * as they are; a range over a block boundary empties the text on both sides of it).
 */
export function replaceText(doc: Y.Doc, from: number, to: number, insert: string, origin: unknown = null): void {
  if (insert.includes('\n')) throw new Error('replaceText edits text within blocks; it cannot insert line breaks');
  doc.transact(() => {
    const before = articleText(doc);
    if (from < 0 || to > before.text.length || from > to) throw new Error(`replaceText: bad range ${from}–${to}`);
    // Delete right to left, so offsets still to visit stay valid.
    for (let end = to; end > from; ) {
      const at = before.positionAt(end, -1);
      const start = Math.max(from, end - at.index);
      if (at.type instanceof Y.XmlText && at.index > 0) {
        at.type.delete(at.index - (end - start), end - start);
        end = start;
      } else {
        end -= 1; // a block separator or an atom: not deletable here
      }
    }
    if (insert) {
      const at = articleText(doc).positionAt(from, 1);
      if (at.type instanceof Y.XmlText) at.type.insert(at.index, insert);
      else {
        const text = new Y.XmlText();
        text.insert(0, insert);
        at.type.insert(at.index, [text]);
      }
    }
  }, origin);
}
