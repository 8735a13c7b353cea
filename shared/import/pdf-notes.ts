// Footnote definitions at the foot of a page: lines in smaller type than the body, below
// the last line of body type, the first of them starting with the note's number. They
// leave the page's text and become the reading's notes.
import type { PdfLine } from './pdf-layout';

/** A footnote definition: its number as printed and its lines (number removed). */
export interface PdfNote {
  label: string;
  lines: PdfLine[];
}

/** A note's number at the start of a line: "1The older…", "12 See…", "3. Ibid.". */
const label = /^(\d{1,3})(?!\d)(?:[.)]\s*|\s*)(?=\S)/;

/**
 * Splits a page (its debris removed) into its body lines and the notes at its foot.
 * `bodySize` is the body's type size.
 */
export function splitPageNotes(lines: PdfLine[], bodySize: number): { body: PdfLine[]; notes: PdfNote[] } {
  const small = (l: PdfLine) => l.size < bodySize * 0.92;
  const lowestBody = Math.min(...lines.filter((l) => !small(l) && !l.mono).map((l) => l.y));
  // The note area: every line below the lowest line of body type, all of them small.
  const area = lines.filter((l) => l.y < lowestBody);
  if (!area.length || !area.every(small)) return { body: lines, notes: [] };
  area.sort((a, b) => b.y - a.y);
  if (!label.test(area[0]!.text)) return { body: lines, notes: [] };
  const notes: PdfNote[] = [];
  const left = Math.min(...area.map((l) => l.x));
  for (const line of area) {
    const m = label.exec(line.text);
    // A new note starts at the next number in the note margin; any other line continues
    // the note above it.
    const starts = m && (notes.length === 0 || (line.x - left < bodySize * 2.5 && Number(m[1]) === Number(notes.at(-1)!.label) + 1));
    if (starts) notes.push({ label: m[1]!, lines: [{ ...line, text: line.text.slice(m[0].length) }] });
    else if (notes.length) notes.at(-1)!.lines.push(line);
  }
  const inArea = new Set(area);
  return { body: lines.filter((l) => !inArea.has(l)), notes };
}
