import {
  Document,
  ExternalHyperlink,
  FootnoteReferenceRun,
  HeadingLevel,
  ImageRun,
  Packer,
  Paragraph,
  TextRun,
} from 'docx';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectImportError, footnoteLabels, markedRuns, outline } from '../test-support/import-fixtures';
import { zipBomb } from '../test-support/zip-bomb';
import { importDocx, MAX_DOCX_UNPACKED_BYTES } from './docx';
import type { DocxImport } from './docx';

/** A 1×1 transparent PNG. */
const png = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='),
  (c) => c.charCodeAt(0),
);

async function build(doc: Document): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}

function article(): Document {
  return new Document({
    styles: { paragraphStyles: [{ id: 'Quote', name: 'Quote', basedOn: 'Normal', run: { italics: true } }] },
    footnotes: {
      1: { children: [new Paragraph('First note text.')] },
      2: { children: [new Paragraph('Second note text.')] },
    },
    sections: [
      {
        children: [
          new Paragraph({ text: 'The Split', heading: HeadingLevel.TITLE }),
          new Paragraph({
            children: [
              new TextRun('Moscow and '),
              new TextRun({ text: 'Beijing', italics: true }),
              new TextRun(' drifted apart, as '),
              new TextRun({ text: 'letters', bold: true }),
              new TextRun(' show.'),
              new FootnoteReferenceRun(1),
            ],
          }),
          new Paragraph({ text: 'Explanations', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ text: 'Realist view', heading: HeadingLevel.HEADING_2 }),
          new Paragraph({
            children: [
              new TextRun('See '),
              new ExternalHyperlink({ link: 'https://example.org/archive', children: [new TextRun('the archive')] }),
              new TextRun(' and a second claim.'),
              new FootnoteReferenceRun(2),
            ],
          }),
          new Paragraph({ text: 'A quoted line.', style: 'Quote' }),
          new Paragraph({ text: 'National interests', bullet: { level: 0 } }),
          new Paragraph({ text: 'Ideology', bullet: { level: 0 } }),
          new Paragraph('Closing words.'),
        ],
      },
    ],
  });
}

describe('importDocx', () => {
  let result: DocxImport;
  beforeAll(async () => {
    result = await importDocx(await build(article()), 'split.docx');
  });

  it('keeps the structure: title, headings, paragraphs, quote, list, notes', () => {
    result.doc.check();
    expect(outline(result.doc)).toEqual([
      'title: The Split',
      'paragraph: Moscow and Beijing drifted apart, as letters show.',
      'heading1: Explanations',
      'heading2: Realist view',
      'paragraph: See the archive and a second claim.',
      'blockquote: A quoted line.',
      'bullet_list: National interestsIdeology',
      'paragraph: Closing words.',
      'heading1: Notes',
      'ordered_list: First note text.Second note text.',
    ]);
  });

  it('keeps italics, bold and web links', () => {
    expect(markedRuns(result.doc)).toEqual(['em Beijing', 'strong letters', 'link:https://example.org/archive the archive']);
  });

  it("turns Word's footnote references into footnote nodes, without the notes' back-arrows", () => {
    expect(footnoteLabels(result.doc)).toEqual(['1', '2']);
    expect(result.doc.textContent).not.toMatch(/[↑[\]]/);
  });

  it('has nothing to warn about in a plain document', () => {
    expect(result.warnings).toEqual([]);
  });
});

describe('importDocx on hostile or unusual documents', () => {
  it('drops javascript: and data: links and images, and says images were left out', async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({
              children: [
                new ExternalHyperlink({ link: 'javascript:alert(1)', children: [new TextRun('js link')] }),
                new TextRun(' and '),
                new ExternalHyperlink({ link: 'data:text/html;base64,PHNjcmlwdD4=', children: [new TextRun('data link')] }),
                new TextRun(' and <script>alert(2)</script> typed as text.'),
              ],
            }),
            new Paragraph({ children: [new ImageRun({ type: 'png', data: png, transformation: { width: 10, height: 10 } })] }),
          ],
        },
      ],
    });
    const { doc: d, warnings } = await importDocx(await build(doc), 'evil.docx');
    d.check();
    expect(markedRuns(d)).toEqual([]);
    const json = JSON.stringify(d.toJSON());
    expect(json).not.toMatch(/javascript|data:|"type":"image"/);
    // Text the author typed stays text: it is shown, never run.
    expect(outline(d)).toEqual(['paragraph: js link and data link and <script>alert(2)</script> typed as text.']);
    expect(warnings).toEqual(['1 image was left out: Crux shows the text only.']);
  });

  it('reports unknown Word styles in plain words', async () => {
    const doc = new Document({
      styles: { paragraphStyles: [{ id: 'Fancy', name: 'Fancy Body', basedOn: 'Normal' }] },
      sections: [
        {
          children: [
            new Paragraph({ text: 'Styled text.', style: 'Fancy' }),
            new Paragraph({ text: 'Undefined style.', style: 'Missing' }),
          ],
        },
      ],
    });
    const { doc: d, warnings } = await importDocx(await build(doc), 'styles.docx');
    expect(outline(d)).toEqual(['paragraph: Styled text.', 'paragraph: Undefined style.']);
    expect(warnings).toEqual(['Paragraphs in the Word styles “Missing”, “Fancy Body” were read as ordinary paragraphs.']);
  });

  it('rejects a truncated document as damaged', async () => {
    const bytes = await build(article());
    await expectImportError(() => importDocx(bytes.slice(0, bytes.length / 2), 'cut.docx'), 'malformed', [
      '“cut.docx”',
      'is damaged',
      'ZIP structure is broken',
      'save it again as .docx',
    ]);
  });

  it('refuses a small file that unpacks to over 256 MB (a zip bomb) before unpacking it', async () => {
    const bomb = zipBomb('word/document.xml', MAX_DOCX_UNPACKED_BYTES / (1024 * 1024) + 8);
    expect(bomb.byteLength).toBeLessThan(2 * 1024 * 1024);
    await expectImportError(() => importDocx(bomb, 'bomb.docx'), 'too-large', [
      '“bomb.docx”',
      'is too large to open',
      'unpacked, its contents come to over 256 MB',
    ]);
  });

  it('rejects a ZIP archive that holds no Word document', async () => {
    await expectImportError(() => importDocx(storedZip('notes.txt', 'hello'), 'archive.docx'), 'malformed', [
      '“archive.docx”',
      'holds no Word document',
    ]);
  });
});

/** A ZIP archive with one uncompressed file (CRC left 0: the reader does not check it). */
function storedZip(name: string, content: string): Uint8Array {
  const enc = new TextEncoder();
  const n = enc.encode(name);
  const c = enc.encode(content);
  const u16 = (v: number) => [v & 0xff, v >> 8];
  const u32 = (v: number) => [v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff, v >>> 24];
  const local = [...u32(0x04034b50), ...u16(20), ...u16(0), ...u16(0), ...u16(0), ...u16(0), ...u32(0), ...u32(c.length), ...u32(c.length), ...u16(n.length), ...u16(0), ...n, ...c];
  const central = [...u32(0x02014b50), ...u16(20), ...u16(20), ...u16(0), ...u16(0), ...u16(0), ...u16(0), ...u32(0), ...u32(c.length), ...u32(c.length), ...u16(n.length), ...u16(0), ...u16(0), ...u16(0), ...u16(0), ...u32(0), ...u32(0), ...n];
  const end = [...u32(0x06054b50), ...u16(0), ...u16(0), ...u16(1), ...u16(1), ...u32(central.length), ...u32(local.length), ...u16(0)];
  return new Uint8Array([...local, ...central, ...end]);
}
