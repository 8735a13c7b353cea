// Reads a file the user asked to open into the contract's OpenedFile, refusing folders,
// devices and files over MAX_OPEN_BYTES before reading a byte, with messages a user
// can act on.
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { MAX_OPEN_BYTES, type OpenedFile } from '../../../shared/ipc/contract';
import { CodedError } from '../../../shared/ipc/errors';

/** Why a file could not be opened. */
export type FileOpenErrorCode = 'not-found' | 'not-a-file' | 'too-large' | 'not-allowed' | 'unreadable';

/** A file that could not be opened, with a message meant for the user. */
export class FileOpenError extends CodedError<FileOpenErrorCode> {
  constructor(code: FileOpenErrorCode, message: string) {
    super('FileOpenError', code, message);
  }
}

/**
 * A byte count as people read it ("820 bytes", "1.5 MB", "60 MB"), rounded up, so a
 * file just over a limit never reads as equal to it.
 */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const rounded = value >= 100 ? Math.ceil(value) : Math.ceil(value * 10) / 10;
  return `${rounded} ${units[unit]}`;
}

function tooLarge(name: string, size: number): FileOpenError {
  return new FileOpenError(
    'too-large',
    `"${name}" is ${formatBytes(size)}; Crux opens files of up to ${formatBytes(MAX_OPEN_BYTES)}.`,
  );
}

function describeFsError(error: unknown, name: string, path: string): FileOpenError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new FileOpenError('not-found', `Crux could not find "${name}" at ${path}. It may have been moved, renamed or deleted.`);
    case 'EACCES':
    case 'EPERM':
      return new FileOpenError('not-allowed', `Crux is not allowed to read "${name}". Check the file's permissions.`);
    case 'EISDIR':
      return new FileOpenError('not-a-file', `"${name}" is a folder, not a file.`);
    default: {
      const detail = error instanceof Error ? error.message : String(error);
      return new FileOpenError('unreadable', `Crux could not read "${name}": ${detail}`);
    }
  }
}

/**
 * Reads `path` (absolute) for opening. Throws a FileOpenError when it is missing, not a
 * regular file, unreadable, or larger than MAX_OPEN_BYTES.
 */
export async function readOpenedFile(path: string): Promise<OpenedFile> {
  const name = basename(path) || path;
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    throw describeFsError(error, name, path);
  }
  if (info.isDirectory()) throw new FileOpenError('not-a-file', `"${name}" is a folder, not a file.`);
  // Pipes and devices could block or never end; only regular files are read.
  if (!info.isFile()) throw new FileOpenError('not-a-file', `"${name}" is not a regular file.`);
  if (info.size > MAX_OPEN_BYTES) throw tooLarge(name, info.size);
  let buffer: Buffer;
  try {
    buffer = await readFile(path);
  } catch (error) {
    throw describeFsError(error, name, path);
  }
  // The file may have grown between stat and read.
  if (buffer.byteLength > MAX_OPEN_BYTES) throw tooLarge(name, buffer.byteLength);
  // A plain Uint8Array view (not a Buffer) of readFile's own, never shared, ArrayBuffer.
  const bytes = new Uint8Array(buffer.buffer as ArrayBuffer, buffer.byteOffset, buffer.byteLength);
  return { name, path, bytes };
}
