// Where annotations are in a reader's document, read from the Y.Doc: the one place the
// highlight plugin reads annotations, anchors and people. The results travel to the
// plugin's state as a transaction's `HighlightAction`, so its `apply` stays a pure
// function of the transaction.
import type { Node as PMNode } from 'prosemirror-model';
import type * as Y from 'yjs';
import { articleText, pmDocText, resolveAnnotation, resolveAnnotations } from '../../../shared/anchoring';
import { getAnnotation, getPerson, listAnnotations } from '../../../shared/model';
import { anchoredRange, highlightOf, type AuthorLook, type Placed } from './decorations';
import type { HighlightAction } from './highlight-state';

/** Every anchored annotation of `ydoc`, placed in `doc` (the reader's document, in step with the Y.Doc). */
export function placeAll(ydoc: Y.Doc, doc: PMNode): Map<string, Placed> {
  const annotations = listAnnotations(ydoc);
  const placed = new Map<string, Placed>();
  // A reading just opened has none: don't read its whole text before its first frame.
  if (annotations.length === 0) return placed;
  const resolutions = resolveAnnotations(ydoc, annotations);
  const text = pmDocText(doc);
  for (const a of annotations) {
    const range = anchoredRange(resolutions.get(a.id));
    if (!range) continue;
    placed.set(a.id, { highlight: highlightOf(a, getPerson(ydoc, a.author)), ...text.rangeToPm(range) });
  }
  return placed;
}

/** Annotations `ids` placed in `doc`: null for one deleted or orphaned. Reads the article's text once. */
export function placeSome(ydoc: Y.Doc, doc: PMNode, ids: Iterable<string>): Map<string, Placed | null> {
  const out = new Map<string, Placed | null>();
  let text: ReturnType<typeof articleText> | null = null;
  let pm: ReturnType<typeof pmDocText> | null = null;
  for (const id of ids) {
    const a = getAnnotation(ydoc, id);
    text ??= a ? articleText(ydoc) : null;
    const range = a && text ? anchoredRange(resolveAnnotation(ydoc, a, text)) : null;
    if (!a || !range) {
      out.set(id, null);
      continue;
    }
    pm ??= pmDocText(doc);
    out.set(id, { highlight: highlightOf(a, getPerson(ydoc, a.author)), ...pm.rangeToPm(range) });
  }
  return out;
}

/** The action that places annotations `ids` anew in `doc`. */
export function patchAction(ydoc: Y.Doc, doc: PMNode, ids: Iterable<string>): HighlightAction {
  return { type: 'patch', placed: placeSome(ydoc, doc, ids) };
}

/** The action after people changed: the look of each of `authors`, and annotations `ids` placed anew. */
export function peopleAction(ydoc: Y.Doc, doc: PMNode, authors: Iterable<string>, ids: Iterable<string>): HighlightAction {
  const looks = new Map<string, AuthorLook | undefined>();
  for (const author of authors) looks.set(author, getPerson(ydoc, author));
  return { type: 'people', looks, placed: placeSome(ydoc, doc, ids) };
}
