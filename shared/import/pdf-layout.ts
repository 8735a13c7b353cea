// Turns the positioned text runs of PDF pages into plain text for the reflow: runs
// become lines by their baselines, vertical gaps, first-line indents, short last lines
// and changes of type size become blank lines, and page debris (running headers and
// footers, bare page numbers) goes. The output keeps the line ends (a hyphen at a line's
// end stays there) so `reflowText` can rejoin words and lines by its own rules.
import { fontTraits, type FontTraits } from './pdf-fonts';

/** Put before a raised footnote number in a line's text (a private-use character). */
export const NOTE_MARK = '\uE000';

/** One run of text on a page, as pdf.js reports it (in PDF units, y growing upward). */
export interface PdfTextRun {
  /** The text. */
  str: string;
  /** Left edge of the run. */
  x: number;
  /** Baseline of the run. */
  y: number;
  /** Advance width of the run. */
  width: number;
  /** Type size. */
  size: number;
  /** Whether pdf.js saw a line end after this run. */
  hasEOL: boolean;
  /** The font's name, when known ("BQZBNR+CMR10"). */
  font?: string;
}

/** One line of a page. */
export interface PdfLine {
  /** The line's text, runs joined. */
  text: string;
  /** Left edge. */
  x: number;
  /** Right edge. */
  right: number;
  /** Baseline. */
  y: number;
  /** Type size of most of its characters. */
  size: number;
  /** Whether most of its characters are bold, italic or monospace type. */
  bold?: boolean;
  italic?: boolean;
  mono?: boolean;
  /** Share of its characters set in a maths font, when any are. */
  math?: number;
}

type Traits = Record<keyof FontTraits, number>;

/** Joins a page's runs into lines, in the order the page draws them. */
export function linesOfPage(runs: PdfTextRun[]): PdfLine[] {
  const lines: (PdfLine & { weights: Map<number, number>; traits: Traits; chars: number })[] = [];
  let line: (typeof lines)[number] | null = null;
  let eol = false;
  for (const run of runs) {
    const blank = run.str.trim() === '';
    const same = line !== null && !eol && Math.abs(run.y - line.y) <= 0.5 * Math.max(run.size, line.size, 1);
    if (blank) {
      if (same && line && !line.text.endsWith(' ') && run.str) line.text += ' ';
      if (run.hasEOL) eol = true;
      continue;
    }
    // A raised footnote number drawn after its line was ended belongs to that line.
    const raisedOn = !same && run.size < (line?.size ?? 0) * 0.85 ? lines.slice(-3).find((l) => isRaisedAfter(run, l)) : undefined;
    if (raisedOn) {
      raisedOn.text += NOTE_MARK + run.str.trim();
      raisedOn.right = Math.max(raisedOn.right, run.x + run.width);
      continue;
    }
    if (!same || !line) {
      line = { text: '', x: run.x, right: run.x, y: run.y, size: run.size, weights: new Map(), traits: { bold: 0, italic: 0, mono: 0, math: 0 }, chars: 0 };
      lines.push(line);
    } else if (run.x - line.right > 0.15 * run.size && !line.text.endsWith(' ') && !run.str.startsWith(' ') && !/^[-‐]$/.test(run.str)) {
      // A gap wider than a thin space between runs is a word space the PDF did not draw
      // (but not before a hyphen drawn on its own at a justified line's end).
      line.text += ' ';
    }
    // A small number raised above the text is a footnote marker: flag it for the reading.
    const raised = line.text !== '' && /^\d{1,3}$/.test(run.str.trim()) && run.size < line.size * 0.85 && run.y - line.y > 0.1 * line.size;
    line.text += raised ? NOTE_MARK + run.str.trim() : run.str;
    line.right = Math.max(line.right, run.x + run.width);
    line.x = Math.min(line.x, run.x);
    const key = Math.round(run.size * 10) / 10;
    line.weights.set(key, (line.weights.get(key) ?? 0) + run.str.length);
    line.size = [...line.weights].reduce((a, b) => (b[1] > a[1] ? b : a))[0];
    const traits = fontTraits(run.font ?? '');
    const letters = run.str.replace(/\s/g, '').length;
    line.chars += letters;
    for (const t of ['bold', 'italic', 'mono', 'math'] as const) if (traits[t]) line.traits[t] += letters;
    eol = run.hasEOL;
  }
  return lines
    .map(({ text, x, right, y, size, traits, chars }) => {
      // A hyphen drawn apart from its word at a justified line's end ("re -") joins it.
      const clean = composeAccents(text.replace(/\s+/g, ' ').trim()).replace(/(\p{L}) [-‐]$/u, '$1-');
      const out: PdfLine = { text: clean, x, right, y, size };
      for (const t of ['bold', 'italic', 'mono'] as const) if (traits[t] > chars / 2) out[t] = true;
      if (traits.math > 0) out.math = traits.math / Math.max(1, chars);
      return out;
    })
    .filter((l) => l.text !== '');
}

/** Whether a small run sits just after the end of a line, on or above its baseline. */
function isRaisedAfter(run: PdfTextRun, line: PdfLine): boolean {
  const dy = run.y - line.y;
  return /^\d{1,3}$/.test(run.str.trim()) && dy >= -0.1 * line.size && dy < 0.6 * line.size && run.x >= line.right - 1 && run.x - line.right < line.size;
}

/** Spacing accents that TeX's old fonts draw as a glyph of their own before the letter. */
const spacingAccents: Record<string, string> = { '¨': '\u0308', 'ˆ': '\u0302', '˜': '\u0303', 'ˇ': '\u030C', '˘': '\u0306', '˚': '\u030A', '¯': '\u0304', '˙': '\u0307' };

/**
 * "Pr¨ ufsumme" → "Prüfsumme": an accent glyph before a letter and the letter become one
 * character. (Acute and cedilla are left alone: "´" often stands for an apostrophe, and TeX
 * draws a cedilla after its letter.)
 */
export function composeAccents(text: string): string {
  return text
    .replace(/(?<=^|[\s\p{L}(“‘"'])([¨ˆ˜ˇ˘˚¯˙]) ?(\p{L})/gu, (_, accent: string, letter: string) => letter + spacingAccents[accent])
    .normalize('NFC');
}

/** A bare page number: "12", "- 12 -", "[12]", "Page 12", "12 of 30". */
const pageNumber = /^(?:[-–—([]\s*)?(?:page\s+)?\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?(?:\s*[-–—)\]])?$/i;
/** A front-matter page number in lower-case roman numerals: "xii". */
const romanPageNumber = /^(?=[ivxlcdm])m{0,3}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})$/;

/** The lines of each page with running headers, footers and page numbers removed. */
export function removePageDebris(pages: PdfLine[][]): PdfLine[][] {
  const edgeKeys = new Map<string, number>();
  const edges = pages.map((lines) => edgeLines(lines));
  for (const edge of edges) {
    for (const key of new Set(edge.map((l) => debrisKey(l.text)))) edgeKeys.set(key, (edgeKeys.get(key) ?? 0) + 1);
  }
  const isDebris = (line: PdfLine): boolean =>
    pageNumber.test(line.text) || romanPageNumber.test(line.text) || (pages.length > 1 && (edgeKeys.get(debrisKey(line.text)) ?? 0) >= 2);
  return pages.map((lines) => {
    const drop = new Set<PdfLine>();
    const byHeight = [...lines].sort((a, b) => b.y - a.y);
    // Peel debris off the top and the bottom, stopping at the first line of body text.
    for (const order of [byHeight, [...byHeight].reverse()]) {
      for (const line of order.slice(0, 3)) {
        if (!isDebris(line)) break;
        drop.add(line);
      }
    }
    return lines.filter((l) => !drop.has(l));
  });
}

/** Up to three lines from the top and three from the bottom of a page. */
function edgeLines(lines: PdfLine[]): PdfLine[] {
  const byHeight = [...lines].sort((a, b) => b.y - a.y);
  return byHeight.length <= 6 ? byHeight : [...byHeight.slice(0, 3), ...byHeight.slice(-3)];
}

/** A running header's identity: case, spacing and its changing page number ignored. */
function debrisKey(text: string): string {
  return text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
}

/** Statistics of the body text, for telling paragraphs and headings apart. */
export interface BodyMetrics {
  /** Most common type size. */
  size: number;
  /** Most common distance between baselines of body lines. */
  leading: number;
}

/** The key counted most often (`fallback` if none). */
export function mostCommon<T>(counts: Map<T, number>, fallback: T): T {
  return [...counts].reduce((a, b) => (b[1] > a[1] ? b : a), [fallback, 0] as [T, number])[0];
}

/** Type size (by characters, monospace aside) and leading of the body, from the lines of every page. */
export function measureBody(pages: PdfLine[][]): BodyMetrics {
  const sizes = new Map<number, number>();
  for (const l of pages.flat()) if (!l.mono) sizes.set(l.size, (sizes.get(l.size) ?? 0) + l.text.length);
  const size = mostCommon(sizes, 12);
  const gaps: number[] = [];
  for (const lines of pages) {
    for (let i = 1; i < lines.length; i++) {
      const d = lines[i - 1]!.y - lines[i]!.y;
      if (d > 0 && Math.abs(lines[i]!.size - size) < 0.5 && Math.abs(lines[i - 1]!.size - size) < 0.5) gaps.push(d);
    }
  }
  gaps.sort((a, b) => a - b);
  return { size, leading: gaps[Math.floor(gaps.length / 2)] ?? size * 1.2 };
}

/** The x most lines start at, and the right edge full lines reach. */
function pageColumn(lines: PdfLine[]): { left: number; right: number } {
  const lefts = new Map<number, number>();
  for (const l of lines) lefts.set(Math.round(l.x), (lefts.get(Math.round(l.x)) ?? 0) + 1);
  const left = [...lefts].reduce((a, b) => (b[1] > a[1] ? b : a), [0, 0])[0];
  const rights = lines.map((l) => l.right).sort((a, b) => a - b);
  return { left, right: rights[Math.floor(rights.length * 0.8)] ?? 0 };
}

const endsSentence = /[.!?:;'"’”)\]]$/;

/**
 * The text of a document's pages (debris already removed): one line per PDF line, a
 * blank line wherever the layout shows a new paragraph or a heading.
 */
export function pagesToText(pages: PdfLine[][]): string {
  const body = measureBody(pages);
  const isBig = (l: PdfLine) => l.size > body.size * 1.15;
  const isSmall = (l: PdfLine) => l.size < body.size * 0.85;
  let out = '';
  let prev: PdfLine | null = null;
  let prevColumn = { left: 0, right: 0 };
  for (const lines of pages) {
    const column = pageColumn(lines);
    lines.forEach((line, i) => {
      if (prev) {
        const samePage = i > 0;
        const gap = prev.y - line.y;
        const indent = (l: PdfLine | undefined, c: { left: number }) => !!l && l.x - c.left > body.size * 0.8 && l.x - c.left < body.size * 6;
        const next = lines[i + 1];
        const newParagraph =
          (samePage && gap > body.leading * 1.6) ||
          isBig(line) !== isBig(prev) ||
          (isSmall(line) && !isSmall(prev)) ||
          (indent(line, column) && !indent(next, column) && !(samePage && indent(prev, column))) ||
          (endsSentence.test(prev.text) && prev.right < (samePage ? column.right : prevColumn.right) - body.size * 2);
        out += newParagraph ? '\n\n' : '\n';
      }
      out += line.text.replaceAll(NOTE_MARK, '');
      prev = line;
    });
    prevColumn = column;
  }
  return out;
}
