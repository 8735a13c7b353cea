// The PDF path's layout rules on hand-made lines; the corpus PDFs (bench/reading) test them
// on real LaTeX and LibreOffice output.
import { describe, expect, it } from 'vitest';
import { pdfBlocks } from './pdf-blocks';
import { fontTraits } from './pdf-fonts';
import { removeNumberedHeads } from './pdf-furniture';
import { composeAccents, measureBody, type PdfLine } from './pdf-layout';
import { splitPageNotes } from './pdf-notes';

const line = (text: string, y: number, extra: Partial<PdfLine> = {}): PdfLine => ({ text, x: 50, right: 350, y, size: 10, ...extra });
const body = (y: number, n: number) => Array.from({ length: n }, (_, i) => line(`Body text line ${i} of the page that runs on and on`, y - 12 * i));

describe('fontTraits', () => {
  it('reads bold, monospace and maths from TeX and ordinary font names', () => {
    expect(fontTraits('TSGNGQ+CMBX12')).toMatchObject({ bold: true, mono: false });
    expect(fontTraits('LBLTDL+CMTT10')).toMatchObject({ mono: true, bold: false });
    expect(fontTraits('ABCDEF+CMMI10')).toMatchObject({ math: true, mono: false });
    expect(fontTraits('CAAAAA+LiberationSans-Bold')).toMatchObject({ bold: true });
    expect(fontTraits('LiberationMono')).toMatchObject({ mono: true });
    expect(fontTraits('BQZBNR+CMR10')).toEqual({ bold: false, italic: false, mono: false, math: false });
  });
});

describe('composeAccents', () => {
  it('puts an umlaut drawn apart back on its letter, in NFC', () => {
    expect(composeAccents('Pr¨ ufsumme, Universit¨at, ¨Uber')).toBe('Prüfsumme, Universität, Über');
    expect(composeAccents('don´t')).toBe('don´t');
  });
});

describe('splitPageNotes', () => {
  it('takes numbered small lines under the text off the page as notes', () => {
    const lines = [...body(700, 5), line('1The first note, which runs', 90, { size: 8 }), line('on to a second line.', 80, { size: 8 }), line('2 A second note.', 70, { size: 8 })];
    const { body: kept, notes } = splitPageNotes(lines, 10);
    expect(kept).toHaveLength(5);
    expect(notes.map((n) => [n.label, n.lines.map((l) => l.text).join(' ')])).toEqual([
      ['1', 'The first note, which runs on to a second line.'],
      ['2', 'A second note.'],
    ]);
  });

  it('leaves small type that is not numbered (a caption) in the text', () => {
    const lines = [...body(700, 5), line('Figure caption in small type', 90, { size: 8 })];
    expect(splitPageNotes(lines, 10).notes).toEqual([]);
  });
});

describe('removeNumberedHeads', () => {
  it('drops a running head that changes with the section but carries the page number', () => {
    const pages = [2, 3, 4].map((n, p) => [line(p % 2 ? `${n.toString()} SECTION ${p}` : `Section ${p} ${n}`, 780, { size: 9 }), ...body(740, 4)]);
    const clean = removeNumberedHeads(pages, 12);
    expect(clean.every((lines) => lines.length === 4)).toBe(true);
  });
});

describe('pdfBlocks', () => {
  it('ranks headings by size and weight, keeps code apart and never makes it a heading', () => {
    const lines = [
      line('A Title of the Article', 800, { size: 17, x: 120, right: 280 }),
      line('1 Introduction', 740, { size: 14, bold: true, right: 150 }),
      ...body(715, 3),
      line('1.1 Details', 660, { size: 12, bold: true, right: 130 }),
      ...body(640, 2),
      line('int main(void)', 600, { mono: true, right: 150 }),
      line('  return 0;', 588, { mono: true, x: 60, right: 140 }),
      ...body(560, 2),
    ];
    const blocks = pdfBlocks([lines], measureBody([lines]));
    expect(blocks.map((b) => [b.kind, b.level ?? 0, b.lines.length])).toEqual([
      ['title', 0, 1],
      ['heading', 1, 1],
      ['paragraph', 0, 3],
      ['heading', 2, 1],
      ['paragraph', 0, 2],
      ['code', 0, 2],
      ['paragraph', 0, 2],
    ]);
  });
});
