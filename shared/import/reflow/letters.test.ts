import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forEachHyphenatedWord, forEachLetterRun } from './letters';

function runs(text: string, each: typeof forEachLetterRun): string[] {
  const out: string[] = [];
  each(text, (start, end) => out.push(text.slice(start, end)));
  return out;
}

/** Strings mixing ASCII, accented and non-Latin letters, digits, hyphens, marks, astral letters and lone surrogates. */
const mixed = fc
  .array(fc.constantFrom('a', 'Z', 'é', 'ß', 'İ', 'ж', '中', 'ـ', '\u0301', '-', '--', ' ', '.', '7', '’', '\u{1D400}', '\u{1F600}', '\uD800', '\uDC00', '\n'), { maxLength: 40 })
  .map((parts) => parts.join(''));

describe('letter runs', () => {
  it('finds what /\\p{L}+/gu finds', () => {
    fc.assert(fc.property(fc.oneof(mixed, fc.string({ unit: 'binary' })), (text) => {
      expect(runs(text, forEachLetterRun)).toEqual(text.match(/\p{L}+/gu) ?? []);
    }));
  });

  it('finds hyphenated words as /\\p{L}+(?:-\\p{L}+)*/gu does', () => {
    fc.assert(fc.property(fc.oneof(mixed, fc.string({ unit: 'binary' })), (text) => {
      expect(runs(text, forEachHyphenatedWord)).toEqual(text.match(/\p{L}+(?:-\p{L}+)*/gu) ?? []);
    }));
  });

  it('keeps compounds whole and leaves dashes, digits and marks out', () => {
    expect(runs('the Sino-Soviet split -- 1962, well-known, café\u0301 𝐀x', forEachHyphenatedWord)).toEqual(['the', 'Sino-Soviet', 'split', 'well-known', 'café', '𝐀x']);
  });
});
