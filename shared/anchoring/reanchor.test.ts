import { describe, expect, it } from 'vitest';
import { matchQuote, similarity } from './match-quote';
import { reanchor, type ReanchorResult } from './reanchor';
import { TextPositionAnchor, TextQuoteAnchor, type Selectors } from './selectors';

const TEXT =
  'In the spring the two parties exchanged long letters about strategy. ' +
  'Each side accused the other of betraying the common cause, and each ' +
  'insisted that its own reading of the doctrine was the faithful one. ' +
  'By the autumn the exchange had turned into open polemics in the press.';

function selectorsFor(text: string, words: string, occurrence = 0): Selectors {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(words, at + 1);
  const range = { start: at, end: at + words.length };
  return { quote: TextQuoteAnchor.fromRange(text, range).toSelector(), position: TextPositionAnchor.fromRange(range).toSelector() };
}

function found(text: string, result: ReanchorResult): string {
  return result.status === 'anchored' ? text.slice(result.start, result.end) : result.status;
}

describe('selectors', () => {
  it('quote 32 characters of context on each side, as W3C TextQuoteSelectors', () => {
    const { quote, position } = selectorsFor(TEXT, 'accused the other');
    expect(quote).toEqual({
      type: 'TextQuoteSelector',
      exact: 'accused the other',
      prefix: TEXT.slice(position!.start - 32, position!.start),
      suffix: TEXT.slice(position!.end, position!.end + 32),
    });
    expect(quote.prefix).toHaveLength(32);
    expect(quote.suffix).toHaveLength(32);
    expect(position).toEqual({ type: 'TextPositionSelector', start: TEXT.indexOf('accused'), end: TEXT.indexOf('accused') + 17 });
  });

  it('keep shorter context at the ends of the text', () => {
    const quote = TextQuoteAnchor.fromRange(TEXT, { start: 0, end: 6 }).toSelector();
    expect(quote.prefix).toBe('');
    expect(quote.exact).toBe('In the');
  });

  it('round-trip between ranges and selectors', () => {
    const range = { start: 7, end: 13 };
    expect(TextPositionAnchor.fromSelector(TextPositionAnchor.fromRange(range).toSelector()).toRange(TEXT)).toEqual(range);
    expect(TextPositionAnchor.fromRange({ start: 7, end: TEXT.length + 1 }).toRange(TEXT)).toBeNull();
    const quote = TextQuoteAnchor.fromSelector(TextQuoteAnchor.fromRange(TEXT, range).toSelector());
    expect(quote.toRange(TEXT)).toEqual({ status: 'anchored', ...range, score: 1 });
  });
});

describe('reanchor', () => {
  it('takes the remembered position when the quote is still exactly there', () => {
    expect(reanchor(TEXT, selectorsFor(TEXT, 'open polemics'))).toMatchObject({ status: 'anchored', score: 1 });
  });

  it('finds the words after the text before them changed', () => {
    const s = selectorsFor(TEXT, 'open polemics');
    const edited = 'A new opening sentence. ' + TEXT;
    expect(found(edited, reanchor(edited, s))).toBe('open polemics');
  });

  it('tells two copies of a phrase apart by their context', () => {
    for (const occurrence of [0, 1]) {
      const wanted = selectorsFor(TEXT, 'exchange', occurrence);
      // Without the position, only the context can decide.
      expect(reanchor(TEXT, { quote: wanted.quote })).toMatchObject({ status: 'anchored', start: wanted.position!.start });
    }
  });

  it('asks the user when two copies sit in the same surroundings', () => {
    const sentence = 'The delegates left the hall without a word. ';
    const text = sentence + 'Nothing happened for a while. ' + sentence;
    const { quote } = selectorsFor(sentence, 'without a word');
    const result = reanchor(text, { quote });
    expect(result.status).toBe('uncertain');
    if (result.status === 'uncertain') {
      expect(result.candidates.map((c) => text.slice(c.start, c.end))).toEqual(['without a word', 'without a word']);
    }
  });

  it('finds a passage with a few characters changed, on the right words', () => {
    const s = selectorsFor(TEXT, 'insisted that its own reading of the doctrine was the faithful one');
    const edited = TEXT.replace('insisted that its own', 'insistd that it own').replace('doctrine was', 'doctrines were');
    expect(found(edited, reanchor(edited, s))).toBe('insistd that it own reading of the doctrines were the faithful one');
  });

  it('reports a removed passage as orphaned', () => {
    const s = selectorsFor(TEXT, 'Each side accused the other of betraying the common cause');
    const edited = TEXT.replace('Each side accused the other of betraying the common cause, and each', 'Each');
    expect(reanchor(edited, s)).toEqual({ status: 'orphaned' });
  });

  it('does not take a verbatim copy in other surroundings without asking', () => {
    const s = selectorsFor(TEXT, 'the faithful one');
    const elsewhere = TEXT.replace('its own reading of the doctrine was the faithful one', 'nothing') + ' Only the press called itself the faithful one.';
    const result = reanchor(elsewhere, s);
    expect(result.status).toBe('uncertain');
  });

  it('reports an empty quote as orphaned', () => {
    expect(reanchor(TEXT, { quote: { type: 'TextQuoteSelector', exact: '', prefix: '', suffix: '' } })).toEqual({ status: 'orphaned' });
  });
});

describe('matchQuote', () => {
  it('scores the occurrence in the remembered context best', () => {
    const { quote } = selectorsFor(TEXT, 'the', 3);
    const matches = matchQuote(TEXT, 'the', { prefix: quote.prefix, suffix: quote.suffix });
    expect(matches.length).toBeGreaterThan(3);
    expect(matches[0]!.start).toBe(selectorsFor(TEXT, 'the', 3).position!.start);
    expect(matches[0]!.score).toBe(1);
  });

  it('measures similarity as the share of characters that need no edit', () => {
    expect(similarity('the common cause', 'common')).toBe(1);
    expect(similarity('comon', 'common')).toBeCloseTo(5 / 6);
    expect(similarity('', 'common')).toBe(0);
    expect(similarity('anything', '')).toBe(1);
  });
});
