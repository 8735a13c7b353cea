// Removing a node of the argument map (an annotation, a hub, later a claim) with all
// that hangs off it, so nothing is left pointing at a node that is gone.
import type * as Y from 'yjs';
import { removeCommentsOn } from './comments';
import { removeLinksOf } from './links';
import { POSITIONS } from './roots';

/** Deletes node `key` from `records` with its links, comment threads and map position, inside the caller's transaction. */
export function removeNode(doc: Y.Doc, records: Y.Map<Y.Map<unknown>>, key: string): void {
  records.delete(key);
  removeLinksOf(doc, key);
  removeCommentsOn(doc, key);
  doc.getMap(POSITIONS).delete(key);
}
