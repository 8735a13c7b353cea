import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { bytesOf, expectImportError, fixture, makePdf, outline } from '../test-support/import-fixtures';
import { MAX_IMPORT_BYTES, importFile, type ImportErrorCode, type ImportSource } from './index';

/** Runs an import, recording its progress reports. */
async function run(source: ImportSource, maxBytes?: number) {
  const progress: [number, string][] = [];
  const result = await importFile(source, { onProgress: (f, s) => progress.push([f, s]) }, maxBytes ? { maxBytes } : {});
  return { result, progress };
}

async function docxBytes(): Promise<Uint8Array> {
  const doc = new Document({
    sections: [{ children: [new Paragraph({ text: 'Word Title', heading: HeadingLevel.TITLE }), new Paragraph('Word body.')] }],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}

describe('importFile', () => {
  it('reads each format by its extension', async () => {
    const pdf = await makePdf([[{ text: 'PDF body.', y: 700 }]]);
    const cases: [ImportSource, string, string[]][] = [
      [{ name: 'a.txt', bytes: bytesOf('Text body,\nwrapped.\n') }, 'txt', ['paragraph: Text body, wrapped.']],
      [{ name: 'a.md', bytes: bytesOf('# MD Title\n\nMD body.') }, 'md', ['title: MD Title', 'paragraph: MD body.']],
      [{ name: 'a.HTM', bytes: bytesOf('<h1>HTML Title</h1><p>HTML body.</p>') }, 'html', ['title: HTML Title', 'paragraph: HTML body.']],
      [{ name: 'a.docx', bytes: await docxBytes() }, 'docx', ['title: Word Title', 'paragraph: Word body.']],
      [{ name: 'a.pdf', bytes: pdf }, 'pdf', ['paragraph: PDF body.']],
    ];
    for (const [source, format, blocks] of cases) {
      const { result } = await run(source);
      result.doc.check();
      expect(result.format).toBe(format);
      expect(outline(result.doc)).toEqual(blocks);
    }
  });

  it('reports progress from "Checking the file" to "Done", and each page of a PDF', async () => {
    const pdf = await makePdf([[{ text: 'Page one.', y: 700 }], [{ text: 'Page two.', y: 700 }]]);
    const { progress } = await run({ name: 'two.pdf', bytes: pdf });
    expect(progress[0]).toEqual([0, 'Checking the file']);
    expect(progress[progress.length - 1]).toEqual([1, 'Done']);
    expect(progress.map(([, s]) => s)).toContain('Reading page 1 of 2');
    expect(progress.map(([, s]) => s)).toContain('Reading page 2 of 2');
    const fractions = progress.map(([f]) => f);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
  });

  it("accepts Node's Buffer (a pooled view into a larger buffer), as the CLI passes", async () => {
    const pool = Buffer.concat([Buffer.from('junk before'), Buffer.from(await docxBytes()), Buffer.from('junk after')]);
    const docx = pool.subarray(11, pool.length - 10);
    expect(outline((await run({ name: 'b.docx', bytes: docx })).result.doc)).toEqual(['title: Word Title', 'paragraph: Word body.']);
    const pdf = Buffer.from(await makePdf([[{ text: 'Buffered.', y: 700 }]]));
    expect(outline((await run({ name: 'b.pdf', bytes: pdf })).result.doc)).toEqual(['paragraph: Buffered.']);
  });

  it('passes warnings through', async () => {
    const { result } = await run({ name: 'img.html', bytes: bytesOf('<p>Text <img src="a.png"></p>') });
    expect(result.warnings).toEqual(['1 image was left out: Crux shows the text only.']);
  });

  describe('rejects bad input with a message that names the file and says what is wrong', () => {
    const bad: [string, () => Promise<ImportSource> | ImportSource, ImportErrorCode, string, number?][] = [
      ['an empty file', () => ({ name: 'empty.txt', bytes: new Uint8Array() }), 'empty', 'is empty'],
      ['white space only', () => ({ name: 'blank.md', bytes: bytesOf('  \n\n\t') }), 'empty', 'only blank space'],
      ['binary junk', () => ({ name: 'junk.txt', bytes: new Uint8Array([0x00, 0xff, 0x10, 0x00, 0x7f, 0x03]) }), 'binary', 'holds binary data'],
      ['UTF-16 text', () => ({ name: 'wide.txt', bytes: new Uint8Array([0xff, 0xfe, 0x41, 0x00]) }), 'invalid-utf8', 'saved as UTF-16'],
      ['invalid UTF-8', () => ({ name: 'latin1.html', bytes: new Uint8Array([0x3c, 0x70, 0x3e, 0xe9, 0xe8]) }), 'invalid-utf8', 'not valid UTF-8'],
      ['an unknown type', () => ({ name: 'sheet.xlsx', bytes: bytesOf('x') }), 'unknown-type', "doesn’t read .xlsx files"],
      ['a file over the size limit', () => ({ name: 'huge.txt', bytes: bytesOf('x'.repeat(2048)) }), 'too-large', 'too large to open', 1024],
      ['a password-protected PDF', () => ({ name: 'locked.pdf', bytes: fixture('encrypted.pdf') }), 'encrypted', 'is password-protected'],
      ['a malformed PDF', () => ({ name: 'bad.pdf', bytes: bytesOf('%PDF-1.7\ngarbage without objects\n') }), 'malformed', 'is damaged'],
      ['a malformed DOCX', () => ({ name: 'bad.docx', bytes: new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3, 4, 5]) }), 'malformed', 'is damaged'],
      ['a .pdf that is text', () => ({ name: 'text.pdf', bytes: bytesOf('Just words, no PDF.') }), 'malformed', 'contains plain text'],
    ];
    for (const [what, source, code, phrase, maxBytes] of bad) {
      it(what, async () => {
        const src = await source();
        const progress: string[] = [];
        await expectImportError(
          () => importFile(src, { onProgress: (_, s) => progress.push(s) }, maxBytes ? { maxBytes } : {}),
          code,
          [`“${src.name}”`, phrase],
        );
        expect(progress).not.toContain('Done');
      });
    }
  });

  it('rejects a file over the limit users get (50 MB), stating both sizes', async () => {
    // Zero-filled memory is mapped lazily and the size check runs before any byte is
    // read, so this costs next to nothing.
    const bytes = new Uint8Array(MAX_IMPORT_BYTES + 1);
    await expectImportError(() => importFile({ name: 'book.pdf', bytes }), 'too-large', ['“book.pdf”', 'it is just over 50 MB', 'files of up to 50 MB']);
  });
});
