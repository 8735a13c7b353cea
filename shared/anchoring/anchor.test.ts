import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { docWithParagraphs, replaceText } from '../test-support/article';
import { anchorOn, refusal } from '../test-support/model';
import { anchorSchema, articleText, createAnchor, resolveLiveRange, type Anchor } from './anchor';

function words(doc: Y.Doc, anchor: Anchor): string {
  const text = articleText(doc);
  const range = resolveLiveRange(doc, anchor, text)!;
  return text.text.slice(range.start, range.end);
}

describe('createAnchor', () => {
  it('stores live positions as JSON and the W3C selectors of the words', () => {
    const doc = docWithParagraphs(['Letters went back and forth all spring.', 'Then came the open break.']);
    const anchor = anchorOn(doc, 'open break');
    expect(anchorSchema.safeParse(JSON.parse(JSON.stringify(anchor))).success).toBe(true);
    expect(anchor.quote).toEqual({ type: 'TextQuoteSelector', exact: 'open break', prefix: 'forth all spring.\nThen came the ', suffix: '.' });
    expect(anchor.position).toEqual({ type: 'TextPositionSelector', start: 54, end: 64 });
    expect(anchor.start.assoc).toBe(1);
    expect(anchor.end.assoc).toBe(-1);
  });

  it('leaves whitespace and paragraph breaks at either end out', () => {
    const doc = docWithParagraphs(['First one.', 'Second one.']);
    const anchor = createAnchor(doc, { start: 5, end: 12 });
    expect(anchor.quote.exact).toBe('one.\nS');
    expect(createAnchor(doc, { start: 10, end: 17 }).quote.exact).toBe('Second');
  });

  it('refuses ranges outside the text, empty or holding only whitespace', () => {
    const doc = docWithParagraphs(['Some words here.']);
    expect(refusal(doc, () => createAnchor(doc, { start: 3, end: 99 }))).toBe('createAnchor: range 3–99 is not a non-empty range of the 16-character text');
    expect(refusal(doc, () => createAnchor(doc, { start: 4, end: 4 }))).toBe('createAnchor: range 4–4 is not a non-empty range of the 16-character text');
    expect(refusal(doc, () => createAnchor(doc, { start: -1, end: 4 }))).toBe('createAnchor: range -1–4 is not a non-empty range of the 16-character text');
    expect(refusal(doc, () => createAnchor(doc, { start: 0.5, end: 4 }))).toBe('createAnchor: range 0.5–4 is not a non-empty range of the 16-character text');
    expect(refusal(doc, () => createAnchor(doc, { start: 4, end: 5 }))).toBe('createAnchor: the range holds only whitespace');
  });
});

describe('live positions', () => {
  it('keep typing at either edge outside a highlight and typing inside within it', () => {
    const doc = docWithParagraphs(['The quick brown fox jumps.']);
    const anchor = anchorOn(doc, 'brown fox');
    const at = (s: string) => articleText(doc).text.indexOf(s);
    replaceText(doc, at('brown'), at('brown'), 'very ');
    replaceText(doc, at(' jumps'), at(' jumps'), 'es');
    replaceText(doc, at('n fox') + 1, at('n fox') + 1, ',');
    expect(articleText(doc).text).toBe('The quick very brown, foxes jumps.');
    expect(words(doc, anchor)).toBe('brown, fox');
  });

  it('shrink when edge characters are deleted; retyped first characters stay in, retyped last ones out', () => {
    const doc = docWithParagraphs(['The quick brown fox jumps.']);
    const anchor = anchorOn(doc, 'brown fox');
    const at = (s: string) => articleText(doc).text.indexOf(s);
    replaceText(doc, at('brown'), at('brown') + 1, 'B');
    replaceText(doc, at('fox') + 2, at('fox') + 3, 'X');
    expect(articleText(doc).text).toBe('The quick Brown foX jumps.');
    expect(words(doc, anchor)).toBe('Brown fo');
  });

  it('follow concurrent edits by two peers to the same words', () => {
    const a = docWithParagraphs(['Both parties claimed to defend the doctrine.']);
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const anchor = anchorOn(a, 'claimed to defend');
    const at = (doc: Y.Doc, s: string) => articleText(doc).text.indexOf(s);
    replaceText(a, at(a, 'to defend'), at(a, 'to defend'), 'loudly ');
    replaceText(b, 0, at(b, 'parties'), 'The ');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    for (const doc of [a, b]) {
      expect(articleText(doc).text).toBe('The parties claimed loudly to defend the doctrine.');
      expect(words(doc, anchor)).toBe('claimed loudly to defend');
    }
  });
});

describe('articleText', () => {
  it('reads the text again after any change to the article, also one deep in a paragraph, and not after other changes', () => {
    const doc = docWithParagraphs(['Letters went back and forth.', 'Then came the break.']);
    const first = articleText(doc);
    doc.getMap('elsewhere').set('k', 1);
    expect(articleText(doc)).toBe(first);
    const at = first.text.indexOf('came');
    replaceText(doc, at, at + 4, 'went');
    expect(articleText(doc).text).toBe('Letters went back and forth.\nThen went the break.');
  });

  it('reads the text as it is inside a transaction that changed it', () => {
    const doc = docWithParagraphs(['One line.']);
    articleText(doc);
    doc.transact(() => {
      replaceText(doc, 0, 3, 'Single');
      expect(articleText(doc).text).toBe('Single line.');
    });
    expect(articleText(doc).text).toBe('Single line.');
  });
});
