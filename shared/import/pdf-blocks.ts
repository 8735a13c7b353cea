// Groups the lines of a PDF's pages into the blocks of a reading by their geometry: the
// title and byline by size and place on the first page, headings by type size and weight
// (ranked into levels), code by monospace type (never a heading), display maths by maths
// fonts in a centred line (never a heading), and paragraph ends by vertical gaps, first-line
// indents and short last lines.
import { mostCommon, type BodyMetrics, type PdfLine } from './pdf-layout';

/** A block found on the pages, still as its lines. */
export interface PdfBlock {
  kind: 'title' | 'byline' | 'heading' | 'paragraph' | 'code' | 'math';
  /** Heading level (1 = section). */
  level?: number;
  lines: string[];
}

/** The left edge most lines of a page start at, and the right edge full lines reach. */
function column(lines: PdfLine[], body: BodyMetrics): { left: number; right: number } {
  const lefts = new Map<number, number>();
  const text = lines.filter((l) => Math.abs(l.size - body.size) < 0.5);
  for (const l of text) lefts.set(Math.round(l.x), (lefts.get(Math.round(l.x)) ?? 0) + 1);
  const rights = text.map((l) => l.right).sort((a, b) => a - b);
  return { left: mostCommon(lefts, 0), right: rights[Math.floor(rights.length * 0.8)] ?? 0 };
}

interface Placed {
  line: PdfLine;
  page: number;
  /** Gap to the line above on the same page (Infinity at a page's top). */
  gapAbove: number;
  col: { left: number; right: number };
  style: 'text' | 'heading' | 'code' | 'math';
}

const sentenceEnd = /[.!?:;'"’”)\]]$/;

/** A heading's type, as a key for ranking: size, then bold before italic before plain. */
function headingKey(l: PdfLine): number {
  return Math.round(l.size * 2) * 10 + (l.bold ? 2 : 0) + (l.italic ? 1 : 0);
}

function isHeadingLine(l: PdfLine, body: BodyMetrics, col: { right: number }): boolean {
  if (l.mono || (l.math ?? 0) > 0.2 || l.text.length > 120 || !/\p{L}/u.test(l.text)) return false;
  if (/[,;]$/.test(l.text)) return false;
  const big = l.size > body.size * 1.12;
  const boldShort = !!l.bold && l.size > body.size * 0.95 && (l.right < col.right - body.size * 3 || /^\d+(?:\.\d+)*\.?\s/.test(l.text));
  return big || boldShort;
}

function isDisplayMath(l: PdfLine, col: { left: number; right: number }, body: BodyMetrics): boolean {
  const centred = l.x - col.left > body.size * 2 && col.right - l.right > body.size * 2 && Math.abs(l.x - col.left - (col.right - l.right)) < body.size * 3;
  return (l.math ?? 0) > 0.5 || ((l.math ?? 0) > 0 && centred);
}

function place(pages: PdfLine[][], body: BodyMetrics): Placed[] {
  const out: Placed[] = [];
  pages.forEach((lines, page) => {
    const col = column(lines, body);
    lines.forEach((line, i) => {
      const gapAbove = i > 0 ? lines[i - 1]!.y - line.y : Infinity;
      const style = line.mono ? 'code' : isDisplayMath(line, col, body) ? 'math' : isHeadingLine(line, body, col) && gapAbove > body.leading * 1.15 ? 'heading' : 'text';
      out.push({ line, page, gapAbove, col, style });
    });
  });
  // A heading line is followed by more lines of the same heading, or by text set apart.
  for (let i = 0; i < out.length; i++) {
    const p = out[i]!;
    if (p.style === 'heading' || !out[i - 1] || out[i - 1]!.style !== 'heading') continue;
    const h = out[i - 1]!.line;
    if (isHeadingLine(p.line, body, p.col) && headingKey(p.line) === headingKey(h) && p.gapAbove < h.size * 1.6) p.style = 'heading';
  }
  return out;
}

/** Whether a new paragraph starts at `cur`, given the line before it. */
function breaksBefore(prev: Placed, cur: Placed, body: BodyMetrics): boolean {
  if (prev.style !== cur.style) return true;
  if (cur.style === 'code') return cur.page === prev.page && cur.gapAbove > body.leading * 1.6;
  const indent = (p: Placed) => p.line.x - p.col.left > body.size * 0.8 && p.line.x - p.col.left < body.size * 4;
  const shortEnd = sentenceEnd.test(prev.line.text) && prev.line.right < prev.col.right - body.size * 1.5;
  if (Math.abs(cur.line.size - prev.line.size) > body.size * 0.1) return true;
  if (cur.page === prev.page && cur.gapAbove > body.leading * 1.3) return true;
  return (indent(cur) && !indent(prev)) || shortEnd;
}

/** The blocks of a document's pages (furniture and footnotes already removed). */
export function pdfBlocks(pages: PdfLine[][], body: BodyMetrics): PdfBlock[] {
  const placed = place(pages, body);
  const blocks: PdfBlock[] = [];
  const start = takeFrontMatter(placed, body, blocks);
  const headingKeys = [...new Set(placed.filter((p) => p.style === 'heading').map((p) => headingKey(p.line)))].sort((a, b) => b - a);
  let current: PdfBlock | null = null;
  let codeLeft = 0;
  for (let i = start; i < placed.length; i++) {
    const p = placed[i]!;
    const prev = placed[i - 1];
    if (!current || !prev || i === start || breaksBefore(prev, p, body)) {
      const kind = p.style === 'text' ? 'paragraph' : p.style;
      current = { kind, lines: [] };
      if (kind === 'heading') current.level = Math.min(6, headingKeys.indexOf(headingKey(p.line)) + 1);
      if (kind === 'code') codeLeft = Math.min(...placed.slice(i).filter((q, k) => k === 0 || q.style === 'code').slice(0, 60).map((q) => q.line.x));
      blocks.push(current);
    }
    // Code keeps its indentation, in character widths of its monospace type.
    const pad = p.style === 'code' ? ' '.repeat(Math.max(0, Math.round((p.line.x - codeLeft) / (p.line.size * 0.525)))) : '';
    current.lines.push(pad + (p.style === 'code' ? p.line.text.replaceAll('\uE000', '') : p.line.text));
  }
  return blocks;
}

/**
 * The title (the largest type at the top of the first page) and the byline (short
 * lines under it, before the first heading or paragraph). Returns the index of the
 * first line left.
 */
function takeFrontMatter(placed: Placed[], body: BodyMetrics, blocks: PdfBlock[]): number {
  const first = placed.filter((p) => p.page === 0);
  if (!first.length) return 0;
  const top = first[0]!.line;
  const biggest = Math.max(...first.map((p) => p.line.size));
  if (top.size < biggest || top.size < body.size * 1.3) return 0;
  let i = 0;
  const title: string[] = [];
  while (i < first.length && Math.abs(first[i]!.line.size - top.size) < 0.5 && title.length < 4) title.push(first[i++]!.line.text);
  blocks.push({ kind: 'title', lines: title });
  // Byline lines are short and centred (a heading or the text starts at the left edge).
  const centred = (p: Placed) => p.line.x - p.col.left > body.size * 2 && Math.abs(p.line.x - p.col.left - (p.col.right - p.line.right)) < body.size * 2;
  while (i < first.length && (first[i]!.style === 'text' || first[i]!.style === 'heading') && centred(first[i]!) && first[i]!.line.text.length < 80 && !sentenceEnd.test(first[i]!.line.text) && blocks.length < 5) {
    blocks.push({ kind: 'byline', lines: [first[i]!.line.text] });
    i++;
  }
  for (const p of placed.slice(0, i)) p.style = 'text';
  return i;
}
