// Restoring a named version as a new change, not a rewrite: one transaction makes the
// live document equal to the version, touching only what differs, so colleagues receive
// it like any edit, unchanged text keeps its Yjs items (and the anchors on it), and the
// user who restored can undo it in one step. The list of versions is left as it is.
import { updateYFragment, yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror';
import * as Y from 'yjs';
import { articleText, createAnchor } from '../anchoring/anchor';
import { reanchor } from '../anchoring/reanchor';
import { resolveAnnotation } from '../anchoring/resolve';
import type { TextRange } from '../anchoring/text-conventions';
import { schema } from '../schema';
import { listAnnotations } from './annotations';
import { restoreOriginOf, type LocalOrigin } from './origin';
import { ANNOTATIONS, ARTICLE, CLAIMS, COMMENTS, EDGES, HUBS, META, PEOPLE, POSITIONS } from './roots';
import { versionDoc } from './versions';

/** The map roots a restore brings back key by key (everything but the versions list). */
export const RESTORED_ROOTS: readonly string[] = Object.freeze([META, ANNOTATIONS, COMMENTS, HUBS, CLAIMS, EDGES, POSITIONS, PEOPLE]);

/**
 * Makes `doc` as it was at version `key`, as one new change with the origin
 * `restoreOriginOf(origin)` (undone in one step by `origin`'s undo manager): the reading
 * through y-prosemirror's diffing update, the map roots key by key (people who joined
 * since keep their entry), and every annotation of the version on the words it was on
 * then. Throws an InputError, and
 * changes nothing, if there is no such version or it cannot be rebuilt here.
 */
export function restoreVersion(doc: Y.Doc, key: string, origin: LocalOrigin): void {
  const old = versionDoc(doc, key, 'restoreVersion');
  try {
    const reading = yXmlFragmentToProseMirrorRootNode(old.getXmlFragment(ARTICLE), schema);
    const oldText = articleText(old);
    const places = new Map<string, TextRange>();
    for (const annotation of listAnnotations(old)) {
      const place = resolveAnnotation(old, annotation, oldText);
      if (place.status === 'anchored') places.set(annotation.id, { start: place.start, end: place.end });
    }
    doc.transact(() => {
      updateYFragment(doc, doc.getXmlFragment(ARTICLE), reading, { mapping: new Map(), isOMark: new Map() });
      // People who joined after the version keep their entry: their name and colour go
      // with their presence and any later work, and a restore has nothing to gain by
      // making them nameless.
      for (const name of RESTORED_ROOTS) syncMap(doc.getMap(name), old.getMap(name), name !== PEOPLE);
      reanchorRestored(doc, places, oldText.text);
    }, restoreOriginOf(origin));
  } finally {
    old.destroy();
  }
}

/**
 * Puts each restored annotation back on the words it was on in the version. Text that
 * was deleted after the version and has just been typed back is made of new Yjs items,
 * so the anchors of that time point at deleted ones: those get a fresh anchor.
 */
function reanchorRestored(doc: Y.Doc, places: ReadonlyMap<string, TextRange>, oldText: string): void {
  const text = articleText(doc);
  const records = doc.getMap<Y.Map<unknown>>(ANNOTATIONS);
  // Inside the transaction reads are fresh, so this sees the restored records.
  const byId = new Map(listAnnotations(doc).map((a) => [a.id, a]));
  for (const [id, place] of places) {
    const annotation = byId.get(id);
    const record = records.get(id);
    if (!annotation || !record) continue;
    const now = resolveAnnotation(doc, annotation, text);
    if (now.status === 'anchored' && now.via === 'live' && now.start === place.start && now.end === place.end) continue;
    let range: TextRange | null = place;
    // The diff makes the text equal to the version's; should it ever not, find the quote.
    if (text.text !== oldText) {
      const found = reanchor(text.text, annotation.anchor);
      range = found.status === 'anchored' ? { start: found.start, end: found.end } : null;
    }
    if (range) record.set('anchor', createAnchor(doc, range, text));
  }
}

/**
 * Makes `target` hold what `source` (a map of another document) holds, changing only
 * what differs; keys `source` lacks are deleted if `prune`.
 */
function syncMap(target: Y.Map<unknown>, source: Y.Map<unknown>, prune = true): void {
  if (prune) for (const key of [...target.keys()]) if (!source.has(key)) target.delete(key);
  for (const [key, value] of source) {
    const current = target.get(key);
    if (value instanceof Y.Map && current instanceof Y.Map) syncMap(current, value);
    else if (value instanceof Y.AbstractType) target.set(key, value.clone());
    else if (!target.has(key) || !sameValue(current, value)) target.set(key, value);
  }
}

/** Deep equality of plain stored values (JSON and byte arrays). */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a instanceof Uint8Array || b instanceof Uint8Array) {
    return a instanceof Uint8Array && b instanceof Uint8Array && a.length === b.length && a.every((byte, i) => byte === b[i]);
  }
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || a instanceof Y.AbstractType) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((k) => Object.hasOwn(b, k) && sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
