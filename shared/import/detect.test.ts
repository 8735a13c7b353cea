import { describe, expect, it } from 'vitest';
import { bytesOf, expectImportError } from '../test-support/import-fixtures';
import { decodeText, detectFormat, formatFromName } from './detect';
import { MAX_IMPORT_BYTES } from './types';

/** Deterministic pseudo-random bytes: what a corrupted or binary file looks like. */
function junk(length: number, seed = 7): Uint8Array {
  const out = new Uint8Array(length);
  let s = seed;
  for (let i = 0; i < length; i++) {
    s = (s * 1103515245 + 12345) >>> 0;
    out[i] = s >>> 24;
  }
  return out;
}

describe('formatFromName', () => {
  it('maps every supported extension, in any case', () => {
    expect(['a.txt', 'a.md', 'a.html', 'a.htm', 'a.pdf', 'a.docx', 'B.PDF', 'dir/x.Docx'].map(formatFromName)).toEqual([
      'txt', 'md', 'html', 'html', 'pdf', 'docx', 'pdf', 'docx',
    ]);
  });

  it('knows no other type', () => {
    expect(['a.xls', 'a', '.md', 'a.pdf.exe'].map(formatFromName)).toEqual([null, null, null, null]);
  });
});

describe('detectFormat', () => {
  it('accepts a real file of each kind', () => {
    expect(detectFormat({ name: 'a.txt', bytes: bytesOf('Some text.') })).toBe('txt');
    expect(detectFormat({ name: 'a.pdf', bytes: bytesOf('%PDF-1.7\n...') })).toBe('pdf');
    expect(detectFormat({ name: 'a.docx', bytes: new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]) })).toBe('docx');
  });

  it('rejects an unknown extension, naming the file and the supported types', async () => {
    await expectImportError(() => detectFormat({ name: 'budget.xls', bytes: bytesOf('x') }), 'unknown-type', [
      '“budget.xls”',
      "Crux doesn’t read .xls files",
      '.txt, .md, .html, .htm, .pdf or .docx',
    ]);
    await expectImportError(() => detectFormat({ name: 'README', bytes: bytesOf('x') }), 'unknown-type', [
      '“README”',
      'no file extension',
      '.txt, .md, .html, .htm, .pdf or .docx',
    ]);
  });

  it('rejects a file over the size limit before reading it, stating both sizes', async () => {
    const bytes = new Uint8Array(3 * 1024 * 1024);
    await expectImportError(() => detectFormat({ name: 'big.pdf', bytes }, { maxBytes: 2 * 1024 * 1024 }), 'too-large', [
      '“big.pdf”',
      'is 3 MB',
      'up to 2 MB',
      /Split the document/,
    ]);
  });

  it('rejects an empty file and one of blank space only', async () => {
    await expectImportError(() => detectFormat({ name: 'none.md', bytes: new Uint8Array() }), 'empty', ['“none.md”', 'is empty (0 bytes)']);
    await expectImportError(() => detectFormat({ name: 'blank.txt', bytes: bytesOf(' \n\t \r\n') }), 'empty', [
      '“blank.txt”',
      'only blank space',
    ]);
    await expectImportError(() => detectFormat({ name: 'blank.pdf', bytes: bytesOf('\n\n') }), 'empty', ['“blank.pdf”', 'only blank space']);
  });

  it('rejects binary junk named as text', async () => {
    await expectImportError(() => detectFormat({ name: 'notes.txt', bytes: junk(4096) }), 'binary', [
      '“notes.txt”',
      'named as a text file but holds binary data',
    ]);
    const controls = bytesOf('text\u0001\u0002\u0003\u0004\u0005\u0006 more');
    await expectImportError(() => detectFormat({ name: 'ctl.md', bytes: controls }), 'binary', ['“ctl.md”', 'binary data']);
  });

  it('rejects a file whose magic number contradicts its extension', async () => {
    await expectImportError(() => detectFormat({ name: 'paper.txt', bytes: bytesOf('%PDF-1.4\n1 0 obj') }), 'binary', [
      '“paper.txt”',
      'is really a PDF',
      'rename it to end in .pdf',
    ].map((p) => new RegExp(p, 'i')));
    const zip = new Uint8Array([0x50, 0x4b, 3, 4, ...bytesOf('word/document.xml')]);
    await expectImportError(() => detectFormat({ name: 'paper.pdf', bytes: zip }), 'binary', ['“paper.pdf”', 'really a ZIP archive', '.docx']);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    await expectImportError(() => detectFormat({ name: 'page.html', bytes: png }), 'binary', ['“page.html”', 'really a PNG image']);
  });

  it('catches a .pdf that is really text, and one that is junk', async () => {
    await expectImportError(() => detectFormat({ name: 'article.pdf', bytes: bytesOf('Just some plain text.\n') }), 'malformed', [
      '“article.pdf”',
      'is not a PDF: it contains plain text',
      'rename the file to end in .txt',
    ]);
    await expectImportError(() => detectFormat({ name: 'article.pdf', bytes: junk(2048, 3) }), 'binary', [
      '“article.pdf”',
      'not a PDF',
      'unreadable binary data',
    ]);
  });

  it('accepts a PDF header after a little leading junk, as PDF readers do', () => {
    expect(detectFormat({ name: 'a.pdf', bytes: bytesOf('\r\n\r\n%PDF-1.3\n') })).toBe('pdf');
  });

  it('tells an old-style .doc and a password-protected Word file apart', async () => {
    const ole = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
    await expectImportError(() => detectFormat({ name: 'old.docx', bytes: new Uint8Array([...ole, 0, 0]) }), 'binary', [
      '“old.docx”',
      'old-style Word document (.doc)',
      'save it as .docx',
    ]);
    const stream = [...'EncryptedPackage'].flatMap((c) => [c.charCodeAt(0), 0]);
    await expectImportError(() => detectFormat({ name: 'locked.docx', bytes: new Uint8Array([...ole, 0, ...stream, 0]) }), 'encrypted', [
      '“locked.docx”',
      'is password-protected',
      'remove the password',
    ]);
  });

  it('catches a .docx that is text', async () => {
    await expectImportError(() => detectFormat({ name: 'memo.docx', bytes: bytesOf('Dear all,\nthe seminar moves.') }), 'malformed', [
      '“memo.docx”',
      'is not a Word document: it contains plain text',
    ]);
  });

  it('uses 50 MB as the limit users get', () => {
    expect(MAX_IMPORT_BYTES).toBe(50 * 1024 * 1024);
  });
});

describe('decodeText', () => {
  it('decodes UTF-8 and drops a byte-order mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...bytesOf('Café – “quoted”')]);
    expect(decodeText({ name: 'a.txt', bytes })).toBe('Café – “quoted”');
  });

  it('rejects invalid UTF-8, naming the line with the bad bytes', async () => {
    const latin1 = new Uint8Array([...bytesOf('first line\nsecond caf'), 0xe9, ...bytesOf('\nthird')]);
    await expectImportError(() => decodeText({ name: 'latin.txt', bytes: latin1 }), 'invalid-utf8', [
      '“latin.txt”',
      'is not valid UTF-8 text',
      'line 2',
      'Save it again with the encoding set to UTF-8',
    ]);
  });

  it('rejects UTF-16 text with a clear hint', async () => {
    const utf16 = new Uint8Array([0xff, 0xfe, 0x48, 0x00, 0x69, 0x00]);
    await expectImportError(() => decodeText({ name: 'wide.txt', bytes: utf16 }), 'invalid-utf8', ['“wide.txt”', 'saved as UTF-16']);
  });

  it('rejects text that is only white space once decoded', async () => {
    const nbsp = bytesOf('\u00a0\u2003\n');
    await expectImportError(() => decodeText({ name: 'spaces.md', bytes: nbsp }), 'empty', ['“spaces.md”', 'only blank space']);
  });

  it('decodes a web page in the legacy charset it declares', () => {
    const page = new Uint8Array([...bytesOf('<meta charset="windows-1252"><p>caf'), 0xe9, ...bytesOf('</p>')]);
    expect(decodeText({ name: 'old.html', bytes: page }, { html: true })).toContain('café');
    // The same bytes in a .txt (no charset to go by) are not UTF-8.
    expect(() => decodeText({ name: 'old.txt', bytes: page })).toThrow(/not valid UTF-8/);
  });
});
