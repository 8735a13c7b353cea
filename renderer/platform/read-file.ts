// Reads a DOM File (from a file input or a drop) into the OpenedFile shape the import
// pipeline takes, refusing files over the size limit before reading a byte of them.
import { MAX_IMPORT_BYTES } from '../../shared/import/types';
import type { OpenedFile } from '../../shared/ipc';
import { formatMegabytes } from '../import/format-size';
import { OpenFileError } from './open-file-error';

/** Reads `file` into memory; `path` is where it lives on disk, when the platform knows. */
export async function readFileObject(file: File, path: string | null): Promise<OpenedFile> {
  if (file.size > MAX_IMPORT_BYTES) {
    throw new OpenFileError(
      file.name,
      `The file is ${formatMegabytes(file.size)}; Crux opens files of up to ${formatMegabytes(MAX_IMPORT_BYTES)}.`,
    );
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  return { name: file.name, path, bytes };
}
