// Types of the import pipeline: what goes in (bytes and a file name), what comes out
// (a ProseMirror document in Crux's schema) and how it fails (an ImportError with a code
// and a message fit to show a user).
import type { Node as PMNode } from 'prosemirror-model';
import { CodedError } from '../ipc/errors';

/** Largest file Crux imports, in bytes (stated to users in the error message). */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** The formats Crux reads. */
export type ImportFormat = 'txt' | 'md' | 'html' | 'docx' | 'pdf';

/** A file to import: its name (for the type) and its raw bytes. */
export interface ImportSource {
  /** File name with extension, e.g. `article.pdf`. */
  name: string;
  /** The file's raw contents. */
  bytes: Uint8Array;
}

/** Options of an import. */
export interface ImportOptions {
  /** Called with a fraction in [0, 1] and a short stage label as the import proceeds. */
  onProgress?: (fraction: number, stage: string) => void;
}

/** A finished import. */
export interface ImportResult {
  /** The reading, in Crux's schema. */
  doc: PMNode;
  /** The format the file was read as. */
  format: ImportFormat;
  /** Things the user may want to know (e.g. "2 images were left out"). */
  warnings: string[];
}

/** Why an import failed. */
export type ImportErrorCode =
  | 'empty'
  | 'binary'
  | 'invalid-utf8'
  | 'unknown-type'
  | 'too-large'
  | 'encrypted'
  | 'malformed'
  | 'too-complex'
  /** The user stopped the import (Cancel, or a newer file was opened). */
  | 'cancelled';

/** An import that failed, with a message meant for the user. Nothing was changed. */
export class ImportError extends CodedError<ImportErrorCode> {
  constructor(code: ImportErrorCode, message: string) {
    super('ImportError', code, message);
  }
}
