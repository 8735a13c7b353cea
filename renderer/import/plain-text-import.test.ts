import { describe, expect, it } from 'vitest';
import { ImportError, MAX_IMPORT_BYTES } from '../../shared/import/types';
import { extensionOf, firstInvalidUtf8, importPlainText, looksBinary } from './plain-text-import';

const utf8 = (text: string) => new TextEncoder().encode(text);

async function failure(name: string, bytes: Uint8Array): Promise<ImportError> {
  const error = await importPlainText({ name, bytes }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  return error as ImportError;
}

describe('importPlainText', () => {
  it('turns text into a reading and reports progress up to done', async () => {
    const stages: [number, string][] = [];
    const result = await importPlainText(
      { name: 'Notes.TXT', bytes: utf8('\uFEFFFirst paragraph.\n\nSecond one.') },
      { onProgress: (f, s) => stages.push([f, s]) },
    );
    expect(result.format).toBe('txt');
    expect(result.doc.childCount).toBe(2);
    expect(result.doc.firstChild?.textContent).toBe('First paragraph.');
    expect(stages.at(-1)).toEqual([1, 'Done']);
  });

  it('refuses an empty file', async () => {
    const error = await failure('empty.txt', new Uint8Array());
    expect(error.code).toBe('empty');
    expect(error.message).toBe('The file is empty.');
  });

  it('refuses a file of blank space', async () => {
    const error = await failure('blank.txt', utf8(' \n\n\t \n'));
    expect(error.code).toBe('empty');
    expect(error.message).toMatch(/only blank space/);
  });

  it('refuses binary junk', async () => {
    const error = await failure('junk.txt', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0x14, 0x00]));
    expect(error.code).toBe('binary');
    expect(error.message).toMatch(/binary file, not text/);
  });

  it('refuses text that is not UTF-8 and says where it breaks', async () => {
    const error = await failure('latin1.txt', new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x6f]));
    expect(error.code).toBe('invalid-utf8');
    expect(error.message).toMatch(/not valid UTF-8 text \(the first bad byte is at position 4\)/);
  });

  it('refuses a type it cannot read, naming the extension', async () => {
    const error = await failure('figure.xyz', utf8('hello'));
    expect(error.code).toBe('unknown-type');
    expect(error.message).toMatch(/cannot read “\.xyz” files/);
    const bare = await failure('README', utf8('hello'));
    expect(bare.message).toMatch(/has no extension/);
  });

  it('refuses a file over the size limit before reading it', async () => {
    const error = await failure('huge.txt', new Uint8Array(MAX_IMPORT_BYTES + 1));
    expect(error.code).toBe('too-large');
    expect(error.message).toMatch(/up to 50 MB/);
  });
});

describe('helpers', () => {
  it('finds extensions', () => {
    expect(extensionOf('a.b.TXT')).toBe('txt');
    expect(extensionOf('.bashrc')).toBe('');
    expect(extensionOf('trailing.')).toBe('');
  });

  it('tells text from binary', () => {
    expect(looksBinary(utf8('plain\ttext\r\nwith lines\f'))).toBe(false);
    expect(looksBinary(new Uint8Array([1, 2, 3, 4, 5, 65]))).toBe(true);
  });

  it('locates the first byte that breaks UTF-8', () => {
    expect(firstInvalidUtf8(utf8('Tito’s Yugoslavia – 1948 «ok» 中文'))).toBe(0);
    expect(firstInvalidUtf8(new Uint8Array([0x41, 0xc0, 0x80]))).toBe(2);
    expect(firstInvalidUtf8(new Uint8Array([0x41, 0xe2, 0x80]))).toBe(2);
    expect(firstInvalidUtf8(new Uint8Array([0xed, 0xa0, 0x80]))).toBe(1);
  });
});
