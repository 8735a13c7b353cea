import { describe, expect, it } from 'vitest';
import { NOTE_MARK, linesOfPage, pagesToText, removePageDebris, type PdfLine, type PdfTextRun } from './pdf-layout';

/** A run as pdf.js reports it; width from a rough half-em per character. */
function run(str: string, x: number, y: number, size = 12, hasEOL = false): PdfTextRun {
  return { str, x, y, size, width: str.length * size * 0.5, hasEOL };
}

/** A line at the left margin, full width unless `right` says otherwise. */
function line(text: string, y: number, opts: Partial<PdfLine> = {}): PdfLine {
  return { text, x: 72, right: 540, y, size: 12, ...opts };
}

describe('linesOfPage', () => {
  it('joins runs on one baseline and breaks where the baseline moves', () => {
    const lines = linesOfPage([run('The first', 72, 700), run(' line', 126, 700), run('The second line', 72, 686)]);
    expect(lines.map((l) => l.text)).toEqual(['The first line', 'The second line']);
  });

  it('keeps a raised footnote number on its line, flagged as a marker', () => {
    const lines = linesOfPage([run('solidarity', 72, 700), run('1', 132, 704, 7), run(' and more', 136, 700)]);
    expect(lines.map((l) => l.text)).toEqual([`solidarity${NOTE_MARK}1 and more`]);
    expect(lines[0]!.size).toBe(12);
  });

  it('adds the word space a PDF leaves out between runs, and none inside a word', () => {
    const lines = linesOfPage([run('Sino', 72, 700), run('Soviet', 72 + 24 + 6, 700), run('ism', 72 + 24 + 6 + 36, 700)]);
    expect(lines[0]!.text).toBe('Sino Sovietism');
  });

  it("follows pdf.js's end-of-line marks", () => {
    const lines = linesOfPage([run('one', 72, 700, 12, true), run('two', 100, 700)]);
    expect(lines.map((l) => l.text)).toEqual(['one', 'two']);
  });

  it('drops runs of white space only', () => {
    expect(linesOfPage([run('   ', 72, 700), run('', 72, 690, 12, true)])).toEqual([]);
  });
});

describe('removePageDebris', () => {
  const page = (n: number, header: string, body: string[], footer?: string): PdfLine[] => [
    line(header, 750, { size: 9 }),
    ...body.map((t, i) => line(t, 700 - i * 14)),
    ...(footer === undefined ? [] : [line(footer, 40, { size: 9 })]),
  ];

  it('drops running headers whose page number changes, and bare page numbers', () => {
    const pages = [
      page(1, 'Journal of Studies 12 (2004) 101', ['Alpha body line one.', 'Alpha body line two.'], '101'),
      page(2, 'Journal of Studies 12 (2004) 102', ['Beta body line one.', 'Beta body line two.'], '102'),
      page(3, 'Journal of Studies 12 (2004) 103', ['Gamma body line one.'], '- 103 -'),
    ];
    expect(removePageDebris(pages).map((p) => p.map((l) => l.text))).toEqual([
      ['Alpha body line one.', 'Alpha body line two.'],
      ['Beta body line one.', 'Beta body line two.'],
      ['Gamma body line one.'],
    ]);
  });

  it('drops alternating author and title headers and "Page n of m" footers', () => {
    const pages = [1, 2, 3, 4].map((n) => page(n, n % 2 ? 'Short Title' : 'A. Author', [`Body ${'abcd'[n - 1]} text.`], `Page ${n} of 4`));
    expect(removePageDebris(pages).map((p) => p.map((l) => l.text))).toEqual([['Body a text.'], ['Body b text.'], ['Body c text.'], ['Body d text.']]);
  });

  it('keeps body lines that are not at a page edge, even numbers and repeats', () => {
    const body = ['Top line differs A.', 'Table:', '1962', 'Same middle line.', 'End line A.'];
    const pages = [
      [line('Top line differs A.', 700), ...body.slice(1, 4).map((t, i) => line(t, 680 - i * 14)), line('End line A.', 600)],
      [line('Top line differs B.', 700), ...body.slice(1, 4).map((t, i) => line(t, 680 - i * 14)), line('End line B.', 600)],
    ];
    // Edges are the top three and bottom three lines: "Table:" and "Same middle line."
    // repeat there, but peeling stops at the first body line from each end.
    expect(removePageDebris(pages).map((p) => p.length)).toEqual([5, 5]);
  });

  it('drops a page number even in a one-page document, and lower-case roman numbers', () => {
    expect(removePageDebris([[line('Only body.', 700), line('1', 40)]])[0]!.map((l) => l.text)).toEqual(['Only body.']);
    expect(removePageDebris([[line('xii', 750), line('Preface body.', 700)]])[0]!.map((l) => l.text)).toEqual(['Preface body.']);
  });

  it('keeps a heading that is a capital roman numeral', () => {
    expect(removePageDebris([[line('IV', 750), line('Body.', 700)]])[0]!.map((l) => l.text)).toEqual(['IV', 'Body.']);
  });
});

describe('pagesToText', () => {
  it('keeps line ends and marks paragraph gaps with a blank line', () => {
    const text = pagesToText([
      [line('The first paragraph runs over a recon-', 700), line('struction of events.', 686, { right: 300 }), line('A second paragraph after a gap.', 650)],
    ]);
    expect(text).toBe('The first paragraph runs over a recon-\nstruction of events.\n\nA second paragraph after a gap.');
  });

  it('starts a paragraph at a first-line indent', () => {
    const text = pagesToText([
      [
        line('ends here without a full', 700),
        line('line.', 686, { right: 120 }),
        line('Indented start of the next', 672, { x: 90 }),
        line('paragraph continues at the margin', 658),
        line('and on.', 644),
      ],
    ]);
    expect(text).toBe('ends here without a full\nline.\n\nIndented start of the next\nparagraph continues at the margin\nand on.');
  });

  it('does not split an indented block quote line by line', () => {
    const text = pagesToText([
      [line('Before the quote it says that', 700), line('quoted words, one', 686, { x: 100 }), line('more quoted words', 672, { x: 100 }), line('and after.', 658)],
    ]);
    expect(text.split('\n\n')).toHaveLength(1);
  });

  it('continues a paragraph across a page break unless the page ended one', () => {
    const running = pagesToText([[line('a sentence that goes on and', 700)], [line('on over the page.', 700)]]);
    expect(running).toBe('a sentence that goes on and\non over the page.');
    const ended = pagesToText([[line('a full line of text on the page', 700), line('ends here.', 686, { right: 150 })], [line('New paragraph.', 700)]]);
    expect(ended).toBe('a full line of text on the page\nends here.\n\nNew paragraph.');
  });

  it('sets headings in larger type apart', () => {
    const text = pagesToText([[line('Introduction', 720, { size: 16 }), line('Body text follows the', 700), line('heading directly.', 686)]]);
    expect(text).toBe('Introduction\n\nBody text follows the\nheading directly.');
  });
});
