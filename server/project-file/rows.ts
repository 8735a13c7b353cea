// The rows of a `.crux` file as TypeScript sees them, and the checksum of each kind, so
// writing, checking on open and salvaging a damaged file all agree on what "intact" means.
import { createHash } from 'node:crypto';
import { checksum } from './format';

/** A row of `meta`. */
export interface MetaRow {
  key: string;
  value: string;
  crc: number;
}

/** A row of `updates`: one Yjs update as it arrived. */
export interface UpdateRow {
  id: number;
  /** When it was appended, milliseconds since the epoch. */
  at: number;
  /** Who sent it ('' when unknown). */
  origin: string;
  data: Uint8Array;
  crc: number;
}

/** The one row of `state`: every update up to `through` folded into one. */
export interface StateRow {
  /** Id of the last update folded in. */
  through: number;
  at: number;
  doc: Uint8Array;
  state_vector: Uint8Array;
  crc: number;
}

/** A row of `versions`. */
export interface VersionRow {
  id: number;
  name: string;
  created: number;
  author: string;
  /** `Y.encodeSnapshot` of the document when the version was made. */
  snapshot: Uint8Array;
  /** The whole document then, as one update, so the version opens even after gc. */
  doc: Uint8Array;
  crc: number;
}

/** The one row of `original`: the file the project was imported from. */
export interface OriginalRow {
  name: string;
  media_type: string;
  added: number;
  sha256: string;
  bytes: Uint8Array;
  crc: number;
}

/** Checksum of a meta row's fields. */
export const metaCrc = (r: Omit<MetaRow, 'crc'>): number => checksum(r.key, r.value);

/** Checksum of an update row's fields (the id is the row's address, not its content). */
export const updateCrc = (r: Omit<UpdateRow, 'id' | 'crc'>): number => checksum(r.at, r.origin, r.data);

/** Checksum of the state row's fields. */
export const stateCrc = (r: Omit<StateRow, 'crc'>): number => checksum(r.through, r.at, r.doc, r.state_vector);

/** Checksum of a version row's fields. */
export const versionCrc = (r: Omit<VersionRow, 'id' | 'crc'>): number =>
  checksum(r.name, r.created, r.author, r.snapshot, r.doc);

/** Checksum of the original's fields; its bytes are covered by `sha256`. */
export const originalCrc = (r: Omit<OriginalRow, 'bytes' | 'crc'>): number =>
  checksum(r.name, r.media_type, r.added, r.sha256);

/** Hex SHA-256 of some bytes. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Whether an original row is intact: its fields match their checksum and its bytes their hash. */
export function originalIntact(r: OriginalRow): boolean {
  return r.crc === originalCrc(r) && sha256Hex(r.bytes) === r.sha256;
}

/** Columns to select for each row type, in the order their interfaces list them. */
export const COLUMNS = {
  meta: 'key, value, crc',
  updates: 'id, at, origin, data, crc',
  state: 'through, at, doc, state_vector, crc',
  versions: 'id, name, created, author, snapshot, doc, crc',
  original: 'name, media_type, added, sha256, bytes, crc',
} as const;

/** The row type of each table. */
export interface RowOf {
  meta: MetaRow;
  updates: UpdateRow;
  state: StateRow;
  versions: VersionRow;
  original: OriginalRow;
}

const INTACT: { readonly [T in keyof RowOf]: (row: RowOf[T]) => boolean } = {
  meta: (r) => r.crc === metaCrc(r),
  updates: (r) => r.crc === updateCrc(r),
  state: (r) => r.crc === stateCrc(r),
  versions: (r) => r.crc === versionCrc(r),
  original: originalIntact,
};

/** Whether a row of `table` still matches its checksum (and an original its hash): the one check the file check, opening and salvage share. */
export function rowIntact<T extends keyof RowOf>(table: T, row: RowOf[T]): boolean {
  return INTACT[table](row);
}
