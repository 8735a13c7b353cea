import { PDFDocument, StandardFonts, type PDFPage } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { describeWithCorpus, readSeed } from '../test-support/corpus';
import { expectImportError, fixture, makePdf, type PdfTextLine } from '../test-support/import-fixtures';
import { extractPdfText, importPdf } from './pdf';
import { reflowText } from './reflow';

/**
 * A three-page article as a journal prints it: a running header with the page number
 * in it, a page number at the foot, paragraphs apart by a gap or by a first-line
 * indent, words hyphenated at line ends, a real hyphen ("Sino-Soviet") at a line end,
 * and a paragraph that runs on over a page break.
 */
const pages: string[][][] = [
  [
    ['The seminar read the article slowly and argued over', 'every claim it made about the recon-', 'struction of the alliance.'],
    ['Moscow and Beijing had signed a treaty, and the Sino-', 'Soviet partnership looked durable for', 'a decade before it came apart in'],
  ],
  [
    ['public polemics that both parties pub-', 'lished in their newspapers.'],
    ['Realists point to national interests and to the', 'border, while others stress ideology.'],
  ],
  [
    ['Mao used the dispute at home to push his', 'rivals aside, a domestic reading that the', 'author weighs against the rest.'],
    ['The conclusion returns to the ideological dilemma.'],
  ],
];

/** Page content as the PDF draws it, plus the text expected back without debris. */
function layout(): { pdf: PdfTextLine[][]; clean: string } {
  const pdf: PdfTextLine[][] = [];
  const clean: string[] = [];
  pages.forEach((paragraphs, p) => {
    const lines: PdfTextLine[] = [{ text: `Journal of Seminar Studies 7 (2025) ${41 + p}`, y: 750, size: 9 }];
    let y = 700;
    paragraphs.forEach((para, i) => {
      // Page 2's second paragraph is marked by an indent only, no gap.
      const indentOnly = p === 1 && i === 1;
      if (i > 0 && !indentOnly) y -= 12;
      para.forEach((text, j) => {
        lines.push({ text, y, x: j === 0 && indentOnly ? 90 : 72 });
        y -= 15;
      });
    });
    lines.push({ text: String(41 + p), x: 300, y: 40, size: 9 });
    pdf.push(lines);
  });
  const blocks = [pages[0]![0]!, [...pages[0]![1]!, ...pages[1]![0]!], pages[1]![1]!, pages[2]![0]!, pages[2]![1]!];
  clean.push(...blocks.map((b) => b.join('\n')));
  return { pdf, clean: clean.join('\n\n') };
}

describe('importPdf', () => {
  it('extracts the text of every page without running headers or page numbers', async () => {
    const { pdf, clean } = layout();
    const seen: string[] = [];
    const text = await extractPdfText(await makePdf(pdf), 'article.pdf', (done, total) => seen.push(`${done}/${total}`));
    expect(text).toBe(clean);
    expect(text).not.toMatch(/Journal of Seminar Studies|^4[123]$/m);
    // Line-end hyphens stay at line ends, for the reflow to rejoin or keep.
    expect(text).toContain('recon-\nstruction');
    expect(text).toContain('Sino-\nSoviet');
    expect(seen).toEqual(['1/3', '2/3', '3/3']);
  });

  it('hands exactly that clean text to the reflow', async () => {
    const { pdf, clean } = layout();
    const doc = await importPdf(await makePdf(pdf), 'article.pdf');
    doc.check();
    expect(doc.toJSON()).toEqual(reflowText(clean).toJSON());
    expect(doc.textContent).not.toMatch(/Journal of Seminar Studies|\b4[123]\b/);
  });

  it('rejects a password-protected PDF', async () => {
    await expectImportError(() => importPdf(fixture('encrypted.pdf'), 'x.pdf'), 'encrypted', [
      '“x.pdf” is password-protected. Remove the password (print to PDF without protection) and open it again.',
    ]);
  });

  it('opens a PDF that has only an owner password (restrictions, no password to open)', async () => {
    const doc = await importPdf(fixture('restricted.pdf'), 'restricted.pdf');
    expect(doc.textContent).toBe('A secret reading.');
  });

  it('rejects a PDF whose structure is broken', async () => {
    const broken = new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog >>\nthis is not a pdf body\n%%EOF\n');
    await expectImportError(() => importPdf(broken, 'broken.pdf'), 'malformed', [
      '“broken.pdf” is damaged',
      'could not read it as a PDF',
      'save or print it to a new PDF',
    ]);
  });

  it('rejects a PDF cut off half-way (an interrupted download)', async () => {
    const whole = await makePdf([[{ text: 'Some text on a page.', y: 700 }]]);
    await expectImportError(() => importPdf(whole.slice(0, whole.length / 2), 'cut.pdf'), 'malformed', ['“cut.pdf” is damaged']);
  });

  it('rejects a PDF without any text (a scan) with a hint about OCR', async () => {
    const doc = await PDFDocument.create();
    doc.addPage([200, 200]).drawRectangle({ x: 10, y: 10, width: 50, height: 50 });
    await expectImportError(async () => importPdf(await doc.save(), 'scan.pdf'), 'empty', [
      '“scan.pdf” has no readable text',
      'text recognition (OCR)',
    ]);
  });

  it('sets a large-type heading apart from the text under it', async () => {
    const bytes = await makePdf([
      [
        { text: 'Introduction', y: 720, size: 18 },
        { text: 'The body text starts right under the', y: 696 },
        { text: 'heading without any extra gap.', y: 681 },
      ],
    ]);
    expect(await extractPdfText(bytes, 'h.pdf')).toBe('Introduction\n\nThe body text starts right under the\nheading without any extra gap.');
  });
});

describeWithCorpus('importPdf on the seed article typeset as a PDF', () => {
  it('gives back every line of the article and none of the page debris', async () => {
    // Typeset the seed at test time: 10 pt Times, 12 pt leading, a blank line as a gap,
    // a running header with the page number and a folio at the foot of every page.
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.TimesRoman);
    const drawable = (c: string) => {
      try {
        font.encodeText(c);
        return true;
      } catch {
        return false;
      }
    };
    const expected: string[] = [];
    let page: PDFPage | null = null;
    let y = 0;
    let pageCount = 0;
    for (const raw of readSeed().split('\n')) {
      if (!page || y < 60) {
        page = doc.addPage([612, 792]);
        pageCount++;
        page.drawText(`Cold War History, vol. 7, page ${pageCount}`, { x: 72, y: 750, size: 9, font });
        page.drawText(String(pageCount), { x: 300, y: 30, size: 9, font });
        y = 710;
      }
      // Times in a PDF without embedded fonts cannot show every character of the seed.
      const line = [...raw].filter(drawable).join('').replace(/\s+/g, ' ').trim();
      if (line) {
        page.drawText(line, { x: 72, y, size: 10, font });
        expected.push(line);
      }
      y -= 12;
    }
    const text = await extractPdfText(await doc.save(), 'seed.pdf');
    expect(pageCount).toBeGreaterThan(10);
    expect(text.split('\n').filter(Boolean)).toEqual(expected);
  });
});
