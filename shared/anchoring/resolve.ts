// Where an annotation is in the current reading, or that its words are gone. The
// highlights, the panel and the map all ask this one question the same way.
import type * as Y from 'yjs';
import { articleText, resolveLiveRange, type Anchor } from './anchor';
import type { YDocText } from './y-doc-text';

/**
 * An annotation's place in the document text. `via` says how it was found: `live`
 * through its Yjs positions (the normal case), `quote` by its exact quote in its exact
 * context after its live positions lost it (y-prosemirror re-creates the text of two
 * paragraphs it joins, so their positions die while the words stay): call
 * `reattachAnnotation` to make that permanent. Orphaned: its words were deleted.
 */
export type Resolution =
  | { readonly status: 'anchored'; readonly start: number; readonly end: number; readonly via: 'live' | 'quote' }
  | { readonly status: 'orphaned'; readonly quote: string };

/**
 * Resolves an annotation's anchor against the current reading. Pass `text` (from
 * `articleText(doc)`) when resolving many, so it is read once.
 *
 * Anchored if its live range still holds something besides whitespace. Otherwise only
 * the very same words in the very same surroundings (prefix + quote + suffix, once in
 * the whole text) bring it back; anything less certain leaves it orphaned, for the
 * user to re-attach (see `reanchor`), never silently moved to a look-alike.
 */
export function resolveAnnotation(doc: Y.Doc, annotation: { readonly anchor: Anchor }, text: YDocText = articleText(doc)): Resolution {
  const { anchor } = annotation;
  const live = resolveLiveRange(doc, anchor, text);
  if (live && live.start < live.end && /\S/.test(text.text.slice(live.start, live.end))) {
    return { status: 'anchored', start: live.start, end: live.end, via: 'live' };
  }
  const { prefix, exact, suffix } = anchor.quote;
  const needle = prefix + exact + suffix;
  const at = text.text.indexOf(needle);
  if (at !== -1 && text.text.indexOf(needle, at + 1) === -1) {
    return { status: 'anchored', start: at + prefix.length, end: at + prefix.length + exact.length, via: 'quote' };
  }
  return { status: 'orphaned', quote: exact };
}

/** Resolves many annotations against one reading of the text, by id. */
export function resolveAnnotations<A extends { readonly id: string; readonly anchor: Anchor }>(
  doc: Y.Doc,
  annotations: readonly A[],
): ReadonlyMap<string, Resolution> {
  const text = articleText(doc);
  return new Map(annotations.map((a) => [a.id, resolveAnnotation(doc, a, text)]));
}
