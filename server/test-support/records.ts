// Records as a raw Yjs client writes them (no model functions: an attacker does not use
// them either), in the shapes of shared/model/stored-shapes.ts unless a test bends them.
import * as Y from 'yjs';
import { COMMENTS, PEOPLE } from '../../shared/model/roots';

/** Fields of a comment record; anything left out gets a valid default. */
export interface RawComment {
  author: string;
  text: string;
  target?: string;
  thread?: string;
  parent?: string | null;
}

/** Writes a well-formed comment record at `key` of `doc`'s comments and returns it. */
export function writeComment(doc: Y.Doc, key: string, comment: RawComment): Y.Map<unknown> {
  const record = new Y.Map<unknown>();
  doc.transact(() => {
    doc.getMap(COMMENTS).set(key, record);
    record.set('target', comment.target ?? 'a1');
    record.set('thread', comment.thread ?? key);
    record.set('parent', comment.parent ?? null);
    record.set('author', comment.author);
    record.set('text', comment.text);
    record.set('created', 1_700_000_000_000);
    record.set('edited', null);
    record.set('deleted', false);
  });
  return record;
}

/** Writes `person`'s people entry. */
export function writePerson(doc: Y.Doc, person: string, name: string, colour = '#0072b2'): void {
  doc.getMap(PEOPLE).set(person, { name, colour });
}

/** The text of comment `key` in `doc`, or undefined. */
export function commentText(doc: Y.Doc, key: string): unknown {
  const record = doc.getMap(COMMENTS).get(key);
  return record instanceof Y.Map ? record.get('text') : record;
}
