// Re-anchoring on the seed article: passages picked at random (with a fixed seed) are
// found again in a copy of the reflowed text with 2% of its characters changed, the way
// another extraction or an OCR pass would differ. Expectations are computed from the
// file at run time; none of its text is written here.
import { expect, it } from 'vitest';
import { reflowText } from '../import/reflow';
import { describeWithCorpus, readSeed } from '../test-support/corpus';
import { seededRandom } from '../test-support/random';
import { pmDocText } from './pm-doc-text';
import { reanchor } from './reanchor';
import { TextPositionAnchor, TextQuoteAnchor, type Selectors } from './selectors';
import type { TextRange } from './text-conventions';

/** Passages of 40–200 characters starting and ending on word boundaries, within one block. */
function pickPassages(text: string, count: number, random: () => number): TextRange[] {
  const picked: TextRange[] = [];
  while (picked.length < count) {
    let start = Math.floor(random() * (text.length - 250));
    while (start > 0 && /\S/.test(text[start - 1]!)) start--;
    let end = start + 40 + Math.floor(random() * 160);
    while (end < text.length && /\S/.test(text[end]!)) end++;
    const words = text.slice(start, end);
    if (!words.includes('\n') && /^\S/.test(words)) picked.push({ start, end });
  }
  return picked;
}

/**
 * A copy of `text` with about `rate` of its characters substituted, deleted or preceded
 * by an inserted one, and where each original offset went.
 */
function mutate(text: string, rate: number, random: () => number): { copy: string; moved: (offset: number) => number; changes: number } {
  const letters = 'abcdefghijklmnopqrstuvwxyz ,.';
  const pick = () => letters[Math.floor(random() * letters.length)]!;
  const out: string[] = [];
  const newOffset: number[] = [];
  let length = 0;
  let changes = 0;
  for (const ch of text) {
    newOffset.push(length);
    const r = random();
    const add = (...s: string[]) => {
      out.push(...s);
      length += s.length;
    };
    if (r < rate / 3) add(pick());
    else if (r < (2 * rate) / 3) add(pick(), ch);
    else if (r >= rate) add(ch);
    if (r < rate) changes++;
  }
  newOffset.push(length);
  return { copy: out.join(''), moved: (offset) => newOffset[offset]!, changes };
}

function selectors(text: string, range: TextRange): Selectors {
  return { quote: TextQuoteAnchor.fromRange(text, range).toSelector(), position: TextPositionAnchor.fromRange(range).toSelector() };
}

/** Shared length over combined length of two ranges. */
function overlap(a: TextRange, b: TextRange): number {
  const shared = Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
  return shared / (Math.max(a.end, b.end) - Math.min(a.start, b.start));
}

describeWithCorpus('re-anchoring on the seed article', () => {
  const text = pmDocText(reflowText(readSeed())).text;
  const passages = pickPassages(text, 30, seededRandom(20261127));
  const { copy, moved, changes } = mutate(text, 0.02, seededRandom(42));

  it('changes about 2% of the characters of the copy', () => {
    expect(changes / text.length).toBeGreaterThan(0.015);
    expect(changes / text.length).toBeLessThan(0.025);
  });

  it('puts all 30 passages back on their words, with or without the remembered position', () => {
    for (const passage of passages) {
      const truth = { start: moved(passage.start), end: moved(passage.end) };
      const withPosition = reanchor(copy, selectors(text, passage));
      const quoteOnly = reanchor(copy, { quote: selectors(text, passage).quote });
      for (const result of [withPosition, quoteOnly]) {
        expect(result.status, text.slice(passage.start, passage.start + 20)).toBe('anchored');
        if (result.status === 'anchored') expect(overlap(result, truth)).toBeGreaterThanOrEqual(0.9);
      }
    }
  });

  it('reports a passage removed from the copy as orphaned', () => {
    for (const passage of passages) {
      const without = copy.slice(0, moved(passage.start)) + copy.slice(moved(passage.end));
      expect(reanchor(without, selectors(text, passage)).status, text.slice(passage.start, passage.start + 20)).toBe('orphaned');
    }
  });

  it('tells apart the two places of a phrase the article uses twice, by their context', () => {
    // The first run of three words (18+ characters) that occurs exactly twice.
    const words = [...text.matchAll(/\S+ \S+ \S+/g)].map((m) => m[0]).filter((w) => w.length >= 18);
    const twice = words.find((w) => text.split(w).length === 3);
    expect(twice).toBeDefined();
    const first = text.indexOf(twice!);
    const second = text.indexOf(twice!, first + 1);
    for (const start of [first, second]) {
      const passage = { start, end: start + twice!.length };
      const result = reanchor(copy, { quote: selectors(text, passage).quote });
      expect(result.status).toBe('anchored');
      if (result.status === 'anchored') expect(overlap(result, { start: moved(passage.start), end: moved(passage.end) })).toBeGreaterThanOrEqual(0.9);
    }
  });
});
