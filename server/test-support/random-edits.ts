// Random edits on a Crux document, in the style of Yjs's applyRandomTests: each call
// makes one plausible change (a paragraph, typing into text, a note record, a concurrent
// edit of a note's text), driven by a seeded generator so failures repeat.
import * as Y from 'yjs';
import { ARTICLE } from '../../shared/model/roots';
import { seededRandom } from '../../shared/test-support/random';

export { seededRandom };

/**
 * Where the note records go: a root of no model shape (the server checks records in the
 * model's roots, and these, with a Y.Text note, are not annotations), so the edits test
 * convergence of nested concurrent changes, not the write policy.
 */
export const SCRATCH = 'scratch-notes';


const WORDS = ['split', 'Moscow', 'Beijing', 'dilemma', 'party', 'ideology', 'interest', 'revision'];

/** Makes one random edit to `doc` as participant `who`. */
export function randomEdit(doc: Y.Doc, who: string, random: () => number): void {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const article = doc.getXmlFragment(ARTICLE);
  const annotations = doc.getMap<Y.Map<unknown>>(SCRATCH);
  const paragraphs = article.toArray().filter((n): n is Y.XmlElement => n instanceof Y.XmlElement);
  const roll = random();
  if (roll < 0.25 || paragraphs.length === 0) {
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText(`${who}: ${pick(WORDS)}`)]);
    article.insert(Math.floor(random() * (article.length + 1)), [paragraph]);
  } else if (roll < 0.55) {
    const text = pick(paragraphs).firstChild;
    if (text instanceof Y.XmlText) text.insert(Math.floor(random() * (text.length + 1)), ` ${pick(WORDS)}`);
  } else if (roll < 0.65 && paragraphs.length > 3) {
    const text = pick(paragraphs).firstChild;
    if (text instanceof Y.XmlText && text.length > 2) text.delete(Math.floor(random() * (text.length - 1)), 1);
  } else if (roll < 0.85 || annotations.size === 0) {
    const annotation = new Y.Map<unknown>();
    annotation.set('author', who);
    annotation.set('role', pick(['evidence', 'claim', 'counter']));
    annotation.set('note', new Y.Text(pick(WORDS)));
    annotations.set(`${who}-${Math.floor(random() * 1e9)}`, annotation);
  } else {
    const note = pick([...annotations.values()]).get('note');
    if (note instanceof Y.Text) note.insert(Math.floor(random() * (note.length + 1)), ` ${who}`);
  }
}

/** A comparable picture of a document's Crux content (map keys sorted: their order is per replica). */
export function contentOf(doc: Y.Doc): string {
  return JSON.stringify({
    article: doc.getXmlFragment(ARTICLE).toString(),
    annotations: sortKeys(doc.getMap(SCRATCH).toJSON()),
  });
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
  );
}
