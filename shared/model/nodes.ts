// The nodes of the argument map that other records point at (links, comments): the
// annotations, the explanation hubs and the free-standing claims.
import type * as Y from 'yjs';
import { ANNOTATIONS, CLAIMS, HUBS } from './roots';

/** Whether `id` names an annotation, a hub or a claim in `doc`. */
export function nodeExists(doc: Y.Doc, id: string): boolean {
  return doc.getMap(ANNOTATIONS).has(id) || doc.getMap(HUBS).has(id) || doc.getMap(CLAIMS).has(id);
}
