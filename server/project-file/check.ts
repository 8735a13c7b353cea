// The checks a `.crux` file passes before Crux trusts it: its first bytes (is it SQLite at
// all, a Crux project, cut short?), then SQLite's own structure check, then the checksum
// of every row. Each failure becomes a CruxFileError with a message for the user.
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import type { DatabaseSync } from 'node:sqlite';
import {
  CruxFileError,
  damagedError,
  emptyError,
  lockedError,
  notCruxError,
  notFoundError,
  readOnlyError,
  tooNewError,
  writeFailedError,
  type LockHolder,
} from './errors';
import { APPLICATION_ID, FORMAT_VERSION, HEADER_BYTES, TABLES, parseHeader, startsLikeSqlite } from './format';
import { thisHost } from './lock';
import { COLUMNS, rowIntact, type RowOf } from './rows';

/** How many bytes of a file are read to tell text from binary. */
const SNIFF_BYTES = 4096;

/**
 * Checks a file's first bytes before SQLite touches it, so a text file, another program's
 * database, a newer format or a file cut short is named as such. Throws a CruxFileError.
 */
export function checkHeader(path: string): void {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw notFoundError(path);
  }
  if (size === 0) throw emptyError(path);
  const head = readHead(path, Math.max(SNIFF_BYTES, HEADER_BYTES));
  if (!startsLikeSqlite(head)) throw notCruxError(path, looksLikeText(head) ? 'text' : 'binary');
  const header = parseHeader(head);
  if (!header) throw damagedError(path, `it is cut off: only its first ${size} bytes are left`);
  if (header.applicationId !== APPLICATION_ID) throw notCruxError(path, 'other-database');
  if (header.userVersion > FORMAT_VERSION) throw tooNewError(path, header.userVersion, FORMAT_VERSION);
  const { pageSize, pageCount } = header;
  if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0) {
    throw damagedError(path, 'its header is garbled', `page size ${pageSize}`);
  }
  // With a write-ahead log beside it the file may legitimately lag behind its header
  // (a checkpoint cut off by a crash); the log then completes it, and SQLite checks that.
  if (existsSync(`${path}-wal`)) return;
  const expected = pageCount === null ? null : pageCount * pageSize;
  if (size % pageSize !== 0 || (expected !== null && size < expected)) {
    const should = expected === null ? '' : ` of the ${expected} it should have`;
    throw damagedError(path, `it is cut off: it has ${size} bytes${should}`);
  }
}

/**
 * Checks an open database: SQLite's quick_check, the Crux tables, and the checksum of
 * every row (SQLite checks the structure of its pages, not the bytes inside them).
 */
export function checkDatabase(path: string, db: DatabaseSync): void {
  const problems = (db.prepare('PRAGMA quick_check').all() as { quick_check: string }[]).map((r) => r.quick_check);
  if (problems.length !== 1 || problems[0] !== 'ok') {
    throw damagedError(path, 'its internal structure is broken', problems.slice(0, 10).join('; '));
  }
  const appId = (db.prepare('PRAGMA application_id').get() as { application_id: number }).application_id;
  if (appId !== APPLICATION_ID) throw notCruxError(path, 'other-database');
  const tables = new Set(
    (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name),
  );
  const missing = TABLES.filter((t) => !tables.has(t));
  if (missing.length > 0) throw damagedError(path, 'parts of the project are missing', `no table ${missing.join(', ')}`);

  const bad: string[] = [];
  const count = (n: number, one: string, many: string) => n > 0 && bad.push(`${n} ${n === 1 ? one : many}`);
  const state = db.prepare(`SELECT ${COLUMNS.state} FROM state WHERE id = 1`).get() as RowOf['state'] | undefined;
  if (!state) bad.push('the saved state is missing');
  else if (!rowIntact('state', state)) bad.push('the saved state');
  count(countBad(db, 'updates'), 'recent change', 'recent changes');
  count(countBad(db, 'versions'), 'named version', 'named versions');
  count(countBad(db, 'meta'), 'project detail', 'project details');
  if (countBad(db, 'original') > 0) bad.push('the original imported file');
  if (bad.length > 0) {
    throw damagedError(path, `parts of it no longer read back as they were saved (${bad.join(', ')})`);
  }
}

/** Turns an error SQLite raised on a project file into a CruxFileError for the user. */
export function toCruxError(error: unknown, path: string, holder: LockHolder | null = null): unknown {
  if (error instanceof CruxFileError) return error;
  const err = error as { errcode?: number; message?: string };
  if (typeof err.errcode !== 'number') return error;
  const detail = err.message ?? String(error);
  switch (err.errcode & 0xff) {
    case 5: // SQLITE_BUSY
    case 6: // SQLITE_LOCKED
      return lockedError(path, holder, thisHost);
    case 11: // SQLITE_CORRUPT
    case 26: // SQLITE_NOTADB
      return damagedError(path, 'its internal structure is broken', detail);
    case 8: // SQLITE_READONLY
    case 14: // SQLITE_CANTOPEN
    case 23: // SQLITE_AUTH
      return readOnlyError(path, detail);
    case 13: // SQLITE_FULL
      return writeFailedError(path, 'the disk is full', detail);
    case 10: // SQLITE_IOERR
      return err.errcode === 522 // SQLITE_IOERR_SHORT_READ: the file ends before its data does
        ? damagedError(path, 'it is cut off', detail)
        : writeFailedError(path, 'the disk reported an error', detail);
    default:
      return error;
  }
}

function countBad<T extends keyof RowOf>(db: DatabaseSync, table: T): number {
  let bad = 0;
  for (const row of db.prepare(`SELECT ${COLUMNS[table]} FROM ${table}`).iterate()) {
    if (!rowIntact(table, row as unknown as RowOf[T])) bad++;
  }
  return bad;
}

function readHead(path: string, length: number): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const buffer = new Uint8Array(length);
    const n = readSync(fd, buffer, 0, length, 0);
    return buffer.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

function looksLikeText(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    // `stream`: a multi-byte character cut at the end of the sample is still text.
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}
