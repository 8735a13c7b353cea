// Reads a file from disk and imports it with the same pipeline the app uses.
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { importFile, MAX_IMPORT_BYTES, type ImportResult } from '../shared/import';

/** Imports the file at `path`; rejects with a message fit for the terminal. */
export async function readDocument(path: string): Promise<ImportResult> {
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new Error(`${path} is not a file`);
    size = info.size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(`no such file: ${path}`, { cause: error });
    throw error;
  }
  // Refuse before reading: a multi-gigabyte file should not be loaded to be refused.
  if (size > MAX_IMPORT_BYTES) {
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    throw new Error(`“${basename(path)}” is ${mb(size)}; Crux opens files up to ${mb(MAX_IMPORT_BYTES)}.`);
  }
  const bytes = new Uint8Array(await readFile(path));
  return importFile({ name: basename(path), bytes });
}
