// Headings in text without blank lines around them (pdftotext output): a numbered title
// on its own short line ("2.1. Stream Header", "IV. Results") between a finished sentence
// and body text, its level from the numbering's depth; and, in a text whose other headings
// are numbered, a short unnumbered line that sits the same way.
import type { SourceLine } from './lines';
import { endsSentence, endsWithColon, endsWithFunctionWord, wordCount } from './text-rules';

/** A section number and the capital that follows it: "2 ", "2.1 ", "2.1.3. ", "IV. ". */
const NUMBERING = /^(?:(\d{1,2}(?:\.\d{1,2})*)\.?|([IVXLC]{1,7})\.)\s+(?=[‘“"'(]?\p{Lu})/u;

/** Longest numbered heading, in words; longest unnumbered one. */
const MAX_WORDS = 12;
const MAX_PLAIN_WORDS = 8;

/** Whether a line opens with a capital letter (maybe after an opening quote). */
const startsCapital = (text: string) => /^[‘“"'(]?\p{Lu}/u.test(text);

/** Depth of a line's section number (1 for "3." and "III.", 2 for "3.1"…), or 0 if none. */
export function numberingDepth(text: string): number {
  const m = NUMBERING.exec(text);
  if (!m) return 0;
  return m[1] ? Math.min(6, m[1].split('.').length) : 1;
}

/** Level of a heading: the depth of its numbering, 1 without. */
export function headingLevel(text: string): number {
  return numberingDepth(text) || 1;
}

/** A line that could be a title: short, no sentence in it, no final stop, no code or maths. */
function titleLike(text: string, full: number, maxWords: number): boolean {
  return (
    text.length <= Math.max(40, full * 0.8) &&
    wordCount(text) <= maxWords &&
    !/[.,;:!?\-–—]$/.test(text) &&
    !/\p{L}[.!?]\s+\p{Lu}/u.test(text) &&
    !/[=<>{}\\;|]/.test(text) &&
    !/(?<=[\p{L}.,’'])\d{1,3}$/u.test(text) &&
    !endsWithFunctionWord(text)
  );
}

/** The level of line `k` as a numbered heading, or undefined if it is none. */
export function numberedHeading(lines: SourceLine[], k: number, full: number): number | undefined {
  const line = lines[k]!;
  const depth = numberingDepth(line.text);
  if (!depth || !titleLike(line.text.replace(NUMBERING, ''), full, MAX_WORDS)) return undefined;
  const prev = lines[k - 1];
  const next = lines[k + 1];
  // Body text follows (or a subsection's number); a sibling number next to it makes a list.
  if (next === undefined) return undefined;
  const nextDepth = numberingDepth(next.text);
  if (nextDepth ? nextDepth <= depth : !startsCapital(next.text)) return undefined;
  if (prev !== undefined && numberingDepth(prev.text) === depth) return undefined;
  // It stands on its own line: after a finished sentence, a colon, a short line or a break.
  const apart = prev === undefined || line.blankBefore || line.pageStart || endsSentence(prev.text) || endsWithColon(prev.text) || prev.text.length < full * 0.7;
  return apart ? depth : undefined;
}

/** Whether line `k` is an unnumbered heading: a short title line between a finished sentence and body text. */
function plainHeading(lines: SourceLine[], k: number, full: number): boolean {
  const text = lines[k]!.text;
  const prev = lines[k - 1];
  const next = lines[k + 1];
  if (prev === undefined || next === undefined || numberingDepth(text) || !startsCapital(text)) return false;
  if (text.length > full * 0.6 || !titleLike(text, full, MAX_PLAIN_WORDS)) return false;
  return endsSentence(prev.text) && startsCapital(next.text) && (next.text.length >= full * 0.7 || endsSentence(next.text));
}

/**
 * The heading level of every line (undefined for lines that are no heading). `apart(k)`
 * says whether blank lines set line `k` apart as a heading. Unnumbered lines without blank
 * lines count only where at least two numbered headings show that the text has headings;
 * they rank one below the numbered heading before them.
 */
export function headingLevels(lines: SourceLine[], full: number, apart: (k: number) => boolean): (number | undefined)[] {
  const levels = lines.map((l, k) => (apart(k) ? headingLevel(l.text) : numberedHeading(lines, k, full)));
  const numbered = levels.filter((lv, k) => lv !== undefined && numberingDepth(lines[k]!.text) > 0).length;
  if (numbered < 2) return levels;
  let last = 0;
  return levels.map((lv, k) => {
    if (lv !== undefined) {
      if (numberingDepth(lines[k]!.text)) last = lv;
      return lv;
    }
    return plainHeading(lines, k, full) ? Math.min(6, last + 1) : undefined;
  });
}
