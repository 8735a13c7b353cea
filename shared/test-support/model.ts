// Fixtures for model tests: a reading with the default hubs, anchors on given words,
// and a check that refused input changed nothing.
import { expect } from 'vitest';
import * as Y from 'yjs';
import { articleText, createAnchor, type Anchor } from '../anchoring/anchor';
import { ensureDefaultHubs, InputError } from '../model';
import { docWithParagraphs } from './article';

/** A short reading of made-up sentences. */
export const SENTENCES = [
  'In the spring the two parties exchanged long letters about strategy.',
  'Each side accused the other of betraying the common cause.',
  'By the autumn the exchange had turned into open polemics in the press.',
];

/** A document with a reading of SENTENCES and the default hubs. */
export function seminarDoc(options: { gc?: boolean } = {}): Y.Doc {
  const doc = docWithParagraphs(SENTENCES, options);
  ensureDefaultHubs(doc);
  return doc;
}

/** The anchor of the `occurrence`-th appearance of `words` in `doc`'s reading. */
export function anchorOn(doc: Y.Doc, words: string, occurrence = 0): Anchor {
  const text = articleText(doc).text;
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(words, at + 1);
  if (at < 0) throw new Error(`"${words}" is not in the text`);
  return createAnchor(doc, { start: at, end: at + words.length });
}

/** Runs `write`, expects an InputError that left `doc` as it was, and returns its message. */
export function refusal(doc: Y.Doc, write: () => unknown): string {
  const before = Y.encodeStateAsUpdate(doc);
  try {
    write();
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
    return error.message;
  }
  throw new Error('the write was accepted');
}
