// Page furniture the repeated-line rule of pdf-layout.ts misses: a running head whose text
// changes from page to page (LaTeX's `headings` style prints the current section's title)
// but that carries the page's printed number at one end. The printed numbers follow the
// page order, so the offset between printed number and page index is the same on every page.
import type { PdfLine } from './pdf-layout';

/** The number at either end of a line ("2 3 SYSTEM OVERVIEW" → 2 and nothing, "Title 7" → 7). */
function endNumbers(text: string): number[] {
  const out: number[] = [];
  const first = /^(\d{1,4})\s/.exec(text);
  const last = /\s(\d{1,4})$/.exec(text);
  if (first) out.push(Number(first[1]));
  if (last) out.push(Number(last[1]));
  return out;
}

/** The top and bottom line of a page, by baseline. */
function edges(lines: PdfLine[]): PdfLine[] {
  if (lines.length < 3) return [];
  const byHeight = [...lines].sort((a, b) => b.y - a.y);
  return [byHeight[0]!, byHeight.at(-1)!];
}

/**
 * Drops a page's top or bottom line when it is set apart from the text by a wide gap and
 * carries the page's printed number at one end. `leading` is the body's line spacing.
 */
export function removeNumberedHeads(pages: PdfLine[][], leading: number): PdfLine[][] {
  const offsets = new Map<number, number>();
  pages.forEach((lines, p) => {
    for (const line of edges(lines)) for (const n of endNumbers(line.text)) offsets.set(n - p, (offsets.get(n - p) ?? 0) + 1);
  });
  const [offset, votes] = [...offsets].reduce((a, b) => (b[1] > a[1] ? b : a), [0, 0]);
  if (votes < 2) return pages;
  return pages.map((lines, p) => {
    const byHeight = [...lines].sort((a, b) => b.y - a.y);
    const drop = new Set<PdfLine>();
    const [top, second] = [byHeight[0], byHeight[1]];
    const [bottom, above] = [byHeight.at(-1), byHeight.at(-2)];
    const numbered = (l: PdfLine) => endNumbers(l.text).includes(p + offset);
    if (top && second && numbered(top) && top.y - second.y > leading * 1.4) drop.add(top);
    if (bottom && above && numbered(bottom) && above.y - bottom.y > leading * 1.4) drop.add(bottom);
    return drop.size ? lines.filter((l) => !drop.has(l)) : lines;
  });
}
