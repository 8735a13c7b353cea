// Turns raw extracted text into lines with the little layout it still carries: whether
// a blank line came before, whether the line opened a new page. Page debris (bare page
// numbers, running heads repeated on every page) is removed here.
import { composeAccents } from './accents';
import { PAGE_NUMBER } from './pages';

/** One non-blank line of the source. */
export interface SourceLine {
  /** The line's text, trimmed. */
  text: string;
  /** A blank line (or several) separated it from the line before. */
  blankBefore: boolean;
  /** It opened a page: it had stray leading white space or followed a form feed. */
  pageStart: boolean;
}

/** Normalises line ends, spaces, invisible characters and spacing accents of extracted text. */
export function normaliseText(text: string): string {
  return composeAccents(text)
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00AD\u200B\u2060]/g, '')
    .replace(/[\t\u00A0\u2000-\u200A\u202F\u205F\u3000]/g, ' ')
    .replace(/\u2028|\u2029/g, '\n');
}

/** Splits text into non-blank lines, dropping page numbers and repeated running heads. */
export function toLines(text: string): SourceLine[] {
  const raw = normaliseText(text).split('\n');
  const counts = new Map<string, number>();
  for (const line of raw) {
    const t = line.replace(/\f/g, '').trim();
    if (t && t.length <= 80) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  const pageBreaks = raw.filter((l) => l.includes('\f')).length;
  const lines: SourceLine[] = [];
  let blank = false;
  let newPage = false;
  for (const line of raw) {
    if (line.includes('\f')) newPage = true;
    const t = line.replace(/\f/g, '').trimEnd();
    const trimmed = t.trim();
    if (!trimmed) {
      blank = lines.length > 0;
      continue;
    }
    if (PAGE_NUMBER.test(trimmed) || isRunningHead(trimmed, counts.get(trimmed) ?? 0, pageBreaks)) {
      // Debris sits at a page edge: what follows starts a page, and the blank lines
      // around the debris say nothing about paragraphs.
      newPage = true;
      continue;
    }
    lines.push({ text: trimmed, blankBefore: blank, pageStart: newPage || /^\s/.test(t) });
    blank = false;
    newPage = false;
  }
  return lines;
}

/** A short line repeated on many pages, with no sentence in it: a running head or foot. */
function isRunningHead(line: string, count: number, pageBreaks: number): boolean {
  // Without form feeds there is no page count to compare with, so ask for more repeats.
  const needed = pageBreaks > 0 ? Math.max(3, Math.floor(pageBreaks / 2)) : 5;
  return count >= needed && line.length <= 80 && /\p{L}/u.test(line) && !/[.?!:]$/.test(line);
}
