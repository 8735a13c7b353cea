// Imports plain-text files (.txt): checks the bytes are readable text, decodes them and
// reflows them with shared/import/reflow.ts. The renderer uses it through run-import.ts
// until the shared importers (shared/import/index.ts) take over every format.
import { reflowText } from '../../shared/import/reflow';
import {
  ImportError,
  MAX_IMPORT_BYTES,
  type ImportOptions,
  type ImportResult,
  type ImportSource,
} from '../../shared/import/types';
import { formatMegabytes } from './format-size';

/** File extensions this importer reads. */
export const PLAIN_TEXT_EXTENSIONS: readonly string[] = ['txt', 'text'];

/** Reads a plain-text file into a reading, or throws an ImportError saying why not. */
export async function importPlainText(source: ImportSource, options: ImportOptions = {}): Promise<ImportResult> {
  const { bytes } = source;
  const progress = options.onProgress ?? (() => {});
  if (bytes.byteLength > MAX_IMPORT_BYTES) {
    throw new ImportError(
      'too-large',
      `The file is ${formatMegabytes(bytes.byteLength)}; Crux opens files of up to ${formatMegabytes(MAX_IMPORT_BYTES)}.`,
    );
  }
  const extension = extensionOf(source.name);
  if (!PLAIN_TEXT_EXTENSIONS.includes(extension)) {
    throw new ImportError(
      'unknown-type',
      extension
        ? `Crux cannot read “.${extension}” files. Open a plain-text (.txt) file.`
        : 'The file name has no extension, so Crux cannot tell what kind of file it is. Open a plain-text (.txt) file.',
    );
  }
  if (bytes.byteLength === 0) throw new ImportError('empty', 'The file is empty.');
  if (looksBinary(bytes)) {
    throw new ImportError('binary', 'This is a binary file, not text. Crux opens text you can read.');
  }
  progress(0.1, 'Decoding text');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ImportError(
      'invalid-utf8',
      `The file is not valid UTF-8 text (the first bad byte is at position ${firstInvalidUtf8(bytes)}). Save it as UTF-8 and open it again.`,
    );
  }
  if (text.trim() === '') throw new ImportError('empty', 'The file contains only blank space.');
  progress(0.3, 'Reflowing text');
  const doc = reflowText(text);
  progress(1, 'Done');
  return { doc, format: 'txt', warnings: [] };
}

/** The lower-case extension of a file name, without the dot ('' if none). */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 && dot < name.length - 1 ? name.slice(dot + 1).toLowerCase() : '';
}

/**
 * Whether bytes are binary rather than text: a NUL byte, or many control characters,
 * in the first 8 KB (the test `file` and Git use).
 */
export function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    // Tab, line feed, form feed and carriage return are text; other C0 controls are not.
    if (b < 32 && b !== 9 && b !== 10 && b !== 12 && b !== 13) control++;
  }
  return control > sample.length * 0.1;
}

/** The 1-based position of the first byte that breaks UTF-8 (0 if the bytes are valid). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i + 1;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i + 1;
    }
    // Overlong three- and four-byte forms, surrogates and code points past U+10FFFF.
    const c1 = need > 1 ? (bytes[i + 1] as number) : 0;
    if ((b === 0xe0 && c1 < 0xa0) || (b === 0xed && c1 > 0x9f) || (b === 0xf0 && c1 < 0x90) || (b === 0xf4 && c1 > 0x8f)) {
      return i + 1;
    }
    i += need + 1;
  }
  return 0;
}
