// Checks on what callers hand a project file, each failing with a message that says what
// was wrong and that nothing was saved.
import { accessSync, constants } from 'node:fs';
import { dirname } from 'node:path';
import * as Y from 'yjs';
import { formatMegabytes } from '../../shared/import/errors';
import { MAX_IMPORT_BYTES, type ImportFormat } from '../../shared/import/types';
import { invalidInputError, readOnlyError } from './errors';
import { META_KEYS } from './format';
import type { UpdateRow } from './rows';
import type { AppendEntry, ProjectDetails } from './types';

/** The formats a project's reading can have been imported from. */
const IMPORT_FORMATS: readonly ImportFormat[] = ['txt', 'md', 'html', 'pdf', 'docx'];
/** Longest name, title, author or origin, in characters. */
const MAX_NAME_LENGTH = 500;

/** Throws `read-only` unless `path` and the folder of `target` can be written. */
export function requireWritable(target: string, path: string): void {
  try {
    accessSync(path, constants.W_OK);
    // The write-ahead log is created beside the file.
    accessSync(dirname(target), constants.W_OK);
  } catch (error) {
    throw readOnlyError(target, String(error));
  }
}

/**
 * Checks an update before it is appended (`index` names it in the message): it must
 * decode as a Yjs update, with a short origin and a valid time. Throws `invalid-input`.
 */
export function checkAppendEntry(entry: AppendEntry, index = 0): Omit<UpdateRow, 'id' | 'crc'> {
  const { update, origin = '', at = Date.now() } = entry;
  const where = `Update ${index + 1}`;
  if (!(update instanceof Uint8Array) || update.byteLength === 0) throw invalidInputError(`${where} is empty: nothing was saved.`);
  try {
    Y.decodeUpdate(update);
  } catch {
    throw invalidInputError(`${where} is not a Yjs update (${update.byteLength} bytes that do not decode): nothing was saved.`);
  }
  if (typeof origin !== 'string' || origin.length > MAX_NAME_LENGTH) {
    throw invalidInputError(`${where} has an origin that is not a short text: nothing was saved.`);
  }
  if (!Number.isSafeInteger(at) || at < 0) throw invalidInputError(`${where} has no valid time: nothing was saved.`);
  return { at, origin, data: update };
}

/** Checks and trims project details; throws `invalid-input`. */
export function validDetails(details: ProjectDetails): ProjectDetails {
  const out: ProjectDetails = {};
  if (details.title !== undefined) {
    if (typeof details.title !== 'string' || details.title.length > MAX_NAME_LENGTH) {
      throw invalidInputError(`A project title is a text of up to ${MAX_NAME_LENGTH} characters.`);
    }
    out.title = details.title.trim();
  }
  if (details.sourceName !== undefined) {
    out.sourceName = details.sourceName === null ? null : requireText('A source file name', details.sourceName);
  }
  if (details.sourceFormat !== undefined) {
    if (details.sourceFormat !== null && !IMPORT_FORMATS.includes(details.sourceFormat)) {
      throw invalidInputError(`“${String(details.sourceFormat)}” is not a format Crux imports (${IMPORT_FORMATS.join(', ')}).`);
    }
    out.sourceFormat = details.sourceFormat;
  }
  return out;
}

/** The meta table entries for some details (null deletes a key). */
export function metaEntries(details: ProjectDetails): Record<string, string | null> {
  const entries: Record<string, string | null> = {};
  if (details.title !== undefined) entries[META_KEYS.title] = details.title;
  if (details.sourceName !== undefined) entries[META_KEYS.sourceName] = details.sourceName;
  if (details.sourceFormat !== undefined) entries[META_KEYS.sourceFormat] = details.sourceFormat;
  return entries;
}

/** A trimmed, non-empty, short text; throws `invalid-input` naming `what`. */
export function requireText(what: string, value: string): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (!text) throw invalidInputError(`${what} can’t be empty.`);
  if (text.length > MAX_NAME_LENGTH) throw invalidInputError(`${what} is too long (over ${MAX_NAME_LENGTH} characters).`);
  return text;
}

/** Checks an original file before it is stored; returns its trimmed name. Throws `invalid-input`. */
export function checkOriginal(bytes: Uint8Array, name: string, mediaType: string): string {
  if (!(bytes instanceof Uint8Array) || bytes.byteLength === 0) {
    throw invalidInputError('The original file is empty: there is nothing to keep.');
  }
  if (bytes.byteLength > MAX_IMPORT_BYTES) {
    const limit = formatMegabytes(MAX_IMPORT_BYTES);
    const size = formatMegabytes(bytes.byteLength);
    throw invalidInputError(`The original file is ${size === limit ? `just over ${size}` : size}, over the ${limit} Crux imports.`);
  }
  if (typeof mediaType !== 'string' || !/^[a-z0-9][\w.+-]*\/[\w.+-]+$/i.test(mediaType)) {
    throw invalidInputError(`“${String(mediaType)}” is not a media type (such as application/pdf).`);
  }
  return requireText('The original file’s name', name);
}
