// Groups the lines of extracted text into the blocks of a reading: title, byline,
// headings, paragraphs and block quotes. It decides, for every line end, whether the
// text runs on or a block ends — the heart of reflowing text that came out of a PDF.
import { codeLines, isFormula } from './code-lines';
import { MAX_FRONT_LINES, splitFront } from './front';
import { headingLevels } from './headings';
import type { SourceLine } from './lines';
import { columnWidth, FULL_CHARS, FULL_SHARE, lineWidth } from './widths';
import {
  endsSentence,
  endsWithColon,
  endsWithFunctionWord,
  startsLikeSentence,
  startsLowerCase,
  wordCount,
} from './text-rules';

/** The kinds of block reflow produces. */
export type BlockKind = 'title' | 'byline' | 'heading' | 'paragraph' | 'blockquote' | 'code';

/** A block of the reading, still as the source lines it joins. */
export interface LineBlock {
  kind: BlockKind;
  /** Heading level (1 = section), for headings only. */
  level?: number;
  /** The source lines, in order, to be joined into the block's text. */
  lines: string[];
}

/** Longest heading, in characters and words. */
const MAX_HEADING_CHARS = 100;
const MAX_HEADING_WORDS = 14;
/** Longest block quote, in lines. */
const MAX_QUOTE_LINES = 14;

/**
 * Groups lines into blocks. Every boundary between two lines is either a join (the
 * text runs on) or a break; breaks come from blank lines after finished sentences, short
 * last lines, page starts after finished sentences, headings and block quotes. Blank
 * lines in the middle of a sentence are page debris and are joined over.
 */
export function toBlocks(lines: SourceLine[]): LineBlock[] {
  const blocks: LineBlock[] = [];
  const full = fullLineLength(lines);
  const column = columnWidth(lines.map((l) => l.text));
  const code = codeLines(lines);
  const levels = headingLevels(lines, full, (k) => isHeading(lines, k)).map((lv, k) => (code.has(k) ? undefined : lv));
  let i = takeFrontMatter(lines, blocks, levels.findIndex((lv) => lv !== undefined));
  const heading = lines.map((_, k) => k >= i && levels[k] !== undefined);
  const formula = lines.map((l, k) => k >= i && !code.has(k) && !heading[k] && isFormula(l.text, full));
  // Headings, formulas and runs of code stand apart from the text around them.
  const apart = (k: number) => heading[k] === true || formula[k] === true;
  const codeEdge = (k: number) => code.has(k) !== code.has(k - 1);
  const breakBefore = lines.map((_, k) => k === i || apart(k) || (k > 0 && (apart(k - 1) || codeEdge(k))));
  const quoteStart = new Set<number>();
  const quoteEnd = new Set<number>();

  for (let k = i + 1; k < lines.length; k++) {
    const a = lines[k - 1]!;
    const b = lines[k]!;
    if (breakBefore[k] || code.has(k)) continue;
    if (b.blankBefore) {
      if (endsSentence(a.text)) breakBefore[k] = true;
      else if (isDisplacedFirstLine(lines, k - 1)) {
        // The first line of an indented paragraph often comes out on its own, with the
        // blank line after it instead of before: the break belongs before it.
        breakBefore[k - 1] = true;
      } else {
        const end = quoteEndFrom(lines, k);
        if (end !== null && (endsWithColon(a.text) || runLength(lines, k - 1) >= 2)) {
          breakBefore[k] = true;
          quoteStart.add(k);
          quoteEnd.add(end);
          if (end + 1 < lines.length) breakBefore[end + 1] = true;
        } else if (endsWithColon(a.text)) breakBefore[k] = true;
      }
    } else if (endsSentence(a.text) && (b.pageStart || (lineWidth(a.text) < column * FULL_SHARE && a.text.length < full * FULL_CHARS))) {
      breakBefore[k] = true;
    }
  }

  let current: LineBlock | null = null;
  let inQuote = false;
  for (; i < lines.length; i++) {
    if (quoteStart.has(i)) inQuote = true;
    if (breakBefore[i] || !current) {
      current = { kind: heading[i] ? 'heading' : code.has(i) ? 'code' : inQuote ? 'blockquote' : 'paragraph', lines: [] };
      if (heading[i]) current.level = levels[i];
      blocks.push(current);
    }
    current.lines.push(lines[i]!.text);
    if (quoteEnd.has(i)) inQuote = false;
  }
  return blocks;
}

/**
 * Takes the title and byline off the top: a first block of at most three lines that
 * are not sentences, then a block of short name/affiliation lines. Returns the index
 * of the first line left.
 */
function takeFrontMatter(lines: SourceLine[], blocks: LineBlock[], firstHeading: number): number {
  const first = runAt(lines, 0);
  if (first > firstHeading && firstHeading > 0 && firstHeading <= MAX_FRONT_LINES) {
    // No blank line sets the front matter apart: it is the lines above the first heading.
    const front = splitFront(lines.slice(0, firstHeading).map((l) => l.text));
    if (front) {
      blocks.push({ kind: 'title', lines: front.title });
      for (const l of front.byline) blocks.push({ kind: 'byline', lines: [l] });
      return firstHeading;
    }
  }
  const titleLines = lines.slice(0, first);
  const text = titleLines.map((l) => l.text).join(' ');
  const isTitle =
    titleLines.length > 0 &&
    titleLines.length <= 3 &&
    text.length <= 200 &&
    !/[.,;:]$/.test(text) &&
    titleLines.every((l) => !endsSentence(l.text)) &&
    !endsWithFunctionWord(text) &&
    first < lines.length &&
    !startsLowerCase(lines[first]!.text) &&
    startsLikeSentence(text);
  if (!isTitle) return 0;
  blocks.push({ kind: 'title', lines: titleLines.map((l) => l.text) });
  const end = runAt(lines, first);
  const by = lines.slice(first, end);
  const isByline =
    end < lines.length &&
    by.length <= 4 &&
    by.every((l) => l.text.length <= 80 && !endsSentence(l.text) && wordCount(l.text) <= 10 && startsLikeSentence(l.text));
  if (!isByline) return first;
  for (const l of by) blocks.push({ kind: 'byline', lines: [l.text] });
  return end;
}

/** Index just past the run of lines starting at `start` (up to the next blank line). */
function runAt(lines: SourceLine[], start: number): number {
  let k = start + 1;
  while (k < lines.length && !lines[k]!.blankBefore) k++;
  return k;
}

/** How many lines the run ending at `k` has (back to the last blank line). */
function runLength(lines: SourceLine[], k: number): number {
  let n = 1;
  while (k - n >= 0 && !lines[k - n + 1]!.blankBefore) n++;
  return n;
}

/**
 * Whether line `k` is a paragraph's first line shown apart: it follows a finished
 * sentence with no blank line, a blank line follows it, and it runs on into the next
 * line mid-sentence.
 */
function isDisplacedFirstLine(lines: SourceLine[], k: number): boolean {
  const line = lines[k]!;
  const prev = lines[k - 1];
  return (
    prev !== undefined &&
    !line.blankBefore &&
    endsSentence(prev.text) &&
    startsLikeSentence(line.text) &&
    !endsSentence(line.text) &&
    !endsWithColon(line.text)
  );
}

/**
 * If the run of lines starting at `k` reads as a block quote — two or more lines that
 * end a sentence, closed by a blank line, a page start or the end of the text — the
 * index of its last line; else null.
 */
function quoteEndFrom(lines: SourceLine[], k: number): number | null {
  let end = k;
  for (let j = k + 1; j < lines.length && j - k < MAX_QUOTE_LINES; j++) {
    const line = lines[j]!;
    if (line.blankBefore) break;
    if (line.pageStart && endsSentence(lines[j - 1]!.text)) break;
    end = j;
  }
  const closed = end + 1 >= lines.length || lines[end + 1]!.blankBefore || lines[end + 1]!.pageStart;
  if (end === k || !closed || !endsSentence(lines[end]!.text)) return null;
  return end;
}

/** Whether line `k` is a section heading. */
function isHeading(lines: SourceLine[], k: number): boolean {
  const line = lines[k]!;
  const text = line.text;
  const next = lines[k + 1];
  const prev = lines[k - 1];
  if (next === undefined || !next.blankBefore) return false;
  if (prev !== undefined && !line.blankBefore && !endsSentence(prev.text)) return false;
  return (
    text.length <= MAX_HEADING_CHARS &&
    wordCount(text) <= MAX_HEADING_WORDS &&
    wordCount(text) >= 1 &&
    /^(?:\d+(?:\.\d+)*\.?\s+)?\p{Lu}/u.test(text) &&
    !/[.,;:!?\-–—]$/.test(text) &&
    !/\p{L}[.!?]\s+\p{Lu}/u.test(text) &&
    !/(?<=[\p{L}.,’'])\d{1,3}$/u.test(text) &&
    !endsWithFunctionWord(text) &&
    !startsLowerCase(next.text)
  );
}

/** The length of a full line of this text: lines this long were wrapped by the layout. */
function fullLineLength(lines: SourceLine[]): number {
  const lengths = lines.map((l) => l.text.length).sort((x, y) => x - y);
  return lengths[Math.floor(lengths.length * 0.75)] ?? 80;
}
