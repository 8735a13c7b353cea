// The on-disk shape of a `.crux` project file: an SQLite database with a Crux application
// id, this schema, and a checksum on every row. Everything else in project-file/ reads and
// writes through these constants, so the format is described in one place.
import { crc32 } from 'node:zlib';

/** `PRAGMA application_id` of every Crux project: the ASCII bytes "CRUX". */
export const APPLICATION_ID = 0x43525558;

/** The file format this code writes (`PRAGMA user_version` and meta `format_version`). */
export const FORMAT_VERSION = 1;

/** The first 16 bytes of every SQLite database file. */
export const SQLITE_MAGIC = 'SQLite format 3\0';

/** Size of the SQLite file header, in bytes. */
export const HEADER_BYTES = 100;

/**
 * The schema of format 1. Every row carries `crc`, a CRC-32 of its fields (see
 * `checksum`), because SQLite checks the structure of its pages but not the bytes of
 * the values inside them: a flipped bit in a blob is only caught by the checksum.
 */
export const SCHEMA = `
CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  crc INTEGER NOT NULL
) STRICT;
CREATE TABLE updates (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at INTEGER NOT NULL,
  origin TEXT NOT NULL,
  data BLOB NOT NULL,
  crc INTEGER NOT NULL
) STRICT;
CREATE TABLE state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  through INTEGER NOT NULL,
  at INTEGER NOT NULL,
  doc BLOB NOT NULL,
  state_vector BLOB NOT NULL,
  crc INTEGER NOT NULL
) STRICT;
CREATE TABLE versions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL,
  created INTEGER NOT NULL,
  author TEXT NOT NULL,
  snapshot BLOB NOT NULL,
  doc BLOB NOT NULL,
  crc INTEGER NOT NULL
) STRICT;
CREATE TABLE original (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  name TEXT NOT NULL,
  media_type TEXT NOT NULL,
  added INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  bytes BLOB NOT NULL,
  crc INTEGER NOT NULL
) STRICT;
`;

/** The tables of format 1, as `sqlite_schema` lists them. */
export const TABLES = ['meta', 'original', 'state', 'updates', 'versions'] as const;

/** Keys of the `meta` table. */
export const META_KEYS = {
  formatVersion: 'format_version',
  appVersion: 'app_version',
  created: 'created',
  title: 'title',
  sourceName: 'source_name',
  sourceFormat: 'source_format',
  recoveredFrom: 'recovered_from',
} as const;

/** A value that goes into a row checksum. */
export type ChecksumPart = Uint8Array | string | number;

const encoder = new TextEncoder();

/** CRC-32 over the fields of a row, in column order (strings as UTF-8, numbers in decimal). */
export function checksum(...parts: ChecksumPart[]): number {
  let crc = 0;
  for (const part of parts) {
    const bytes = part instanceof Uint8Array ? part : encoder.encode(String(part));
    crc = crc32(bytes, crc);
  }
  return crc;
}

/** What the 100-byte SQLite header of a file says. */
export interface SqliteHeader {
  /** Page size in bytes. */
  pageSize: number;
  /** Database size in pages, or null when the header's count is not valid. */
  pageCount: number | null;
  /** `PRAGMA user_version`. */
  userVersion: number;
  /** `PRAGMA application_id`. */
  applicationId: number;
}

/** Reads the SQLite header; null if `bytes` does not start like an SQLite database. */
export function parseHeader(bytes: Uint8Array): SqliteHeader | null {
  if (bytes.byteLength < HEADER_BYTES) return null;
  const magic = new TextDecoder('latin1').decode(bytes.subarray(0, 16));
  if (magic !== SQLITE_MAGIC) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, HEADER_BYTES);
  const rawPageSize = view.getUint16(16);
  const changeCounter = view.getUint32(24);
  const validFor = view.getUint32(92);
  const count = view.getUint32(28);
  return {
    pageSize: rawPageSize === 1 ? 65536 : rawPageSize,
    // SQLite trusts the in-header size only when it was written by a version that keeps it.
    pageCount: count > 0 && changeCounter === validFor ? count : null,
    userVersion: view.getUint32(60),
    applicationId: view.getUint32(68),
  };
}

/** Whether `bytes` start with the SQLite magic string (possibly a header cut short). */
export function startsLikeSqlite(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.byteLength, SQLITE_MAGIC.length);
  if (n < 6) return false;
  return new TextDecoder('latin1').decode(bytes.subarray(0, n)) === SQLITE_MAGIC.slice(0, n);
}
