// The seed article reflowed: what a seminar sees when it opens it. Expectations were
// worked out by reading the source; the text itself is read from ../shared at run time.
import { expect, it } from 'vitest';
import { describeWithCorpus, readSeed } from '../../test-support/corpus';
import { outlineOf } from '../../document/outline';
import { reflowBlocks, reflowText } from './index';

describeWithCorpus('reflow of the seed article', () => {
  const source = readSeed();
  const blocks = reflowBlocks(source);
  const body = blocks.filter((b) => b.kind === 'paragraph' || b.kind === 'blockquote');

  it('finds the title, the author and the six section headings', () => {
    const outline = outlineOf(reflowText(source));
    expect(outline.title).toMatch(/^Ideological dilemma: Mao’s China and the Sino-Soviet split, 1962–63$/);
    expect(blocks.filter((b) => b.kind === 'byline').map((b) => b.text)[0]).toBe('Mingjiang Li');
    const starts = ['Domestic difficulties', 'Chinese efforts', 'The left turn', 'The socialist education movement:', 'Sino-Soviet relations in 1963:', 'Conclusions'];
    expect(outline.headings).toHaveLength(6);
    outline.headings.forEach((h, i) => {
      expect(h.text.startsWith(starts[i]!)).toBe(true);
      expect(h.level).toBe(1);
    });
  });

  it('breaks no paragraph mid-sentence, except the lead-in to a block quote', () => {
    blocks.forEach((b, i) => {
      if (b.kind !== 'paragraph') return;
      const endsSentence = /[.?!][’'”]?$/.test(b.text);
      const leadsIntoQuote = blocks[i + 1]?.kind === 'blockquote';
      expect(endsSentence || leadsIntoQuote, `paragraph ${i} ends “…${b.text.slice(-40)}”`).toBe(true);
    });
  });

  it('starts every paragraph as a sentence starts (a quote may start mid-sentence)', () => {
    for (const b of body.filter((x) => x.kind === 'paragraph')) expect(b.text, b.text.slice(0, 40)).toMatch(/^[‘“'"(]?[\p{Lu}\d]/u);
  });

  it('recognises the quoted speeches as block quotes', () => {
    expect(blocks.filter((b) => b.kind === 'blockquote')).toHaveLength(6);
  });

  it('rejoins words hyphenated across lines and keeps real hyphens', () => {
    const text = body.map((b) => b.text).join('\n');
    expect(source).toMatch(/reconstruc-\n/);
    expect(text).toContain('reconstruction');
    expect(text).not.toMatch(/\p{L}- \p{L}/u);
    expect(text).toContain('Sino-Soviet');
    expect(text).toContain('single-handedly');
    expect(text).toContain('counter-revolution');
  });

  it('drops stray leading spaces and double spaces', () => {
    for (const b of blocks) {
      expect(b.text).toBe(b.text.trim());
      expect(b.text).not.toMatch(/ {2}/);
    }
  });

  it('turns all 117 footnote numbers into markers, in order', () => {
    const labels = body.flatMap((b) => b.notes.map((n) => Number(n.label)));
    expect(labels).toEqual(Array.from({ length: 117 }, (_, i) => i + 1));
    // The marker replaced the digits: nothing like "decade.12" is left in the text.
    expect(body.map((b) => b.text).join(' ')).not.toMatch(/\p{Ll}[.,’]\d{1,3}(?:\s|$)/u);
  });

  it('splits the words the extraction glued together', () => {
    const text = body.map((b) => b.text).join('\n');
    for (const glued of ['andMoscow', 'campwere', 'makesmore', 'withMoscow', 'theCCPat', 'legitimacyof', 'InMay1961', 'understandable.During']) {
      expect(source).toContain(glued);
      expect(text).not.toContain(glued);
    }
    expect(text).toContain('between Beijing and Moscow');
    // Lower-to-upper case changes left in a word are names like MiG, or glue whose
    // capitalised half the text never writes alone ("Pacific", "Open", "Weekly"): too
    // little evidence to split, as for a brand name like "JavaScript".
    const camel = [...text.matchAll(/\b\p{L}*\p{Ll}\p{Lu}\p{L}*/gu)].map((m) => m[0]);
    expect(new Set(camel)).toEqual(new Set(['MiG', 'SovietPacificfleet', 'SovietOpenLetter', 'BeijingWeekly']));
  });

  it('keeps every word of the source (nothing lost in reflow)', () => {
    const letters = (s: string) => s.replace(/[^\p{L}]/gu, '');
    const out = blocks.map((b) => b.text).join('');
    expect(letters(out)).toBe(letters(source));
  });
});
