// The stores' tables, written once for both SQL dialects: the SQLite and PostgreSQL stores
// hold the same documents, update log, tokens and person keys, and differ only in
// column types and (in a shared PostgreSQL database) a table prefix.
import { isRole } from '../../shared/sync/roles';
import type { StoredToken } from './types';

/** How a dialect spells the few things that differ. */
export interface SqlDialect {
  /** Prefix of every table and index name. */
  readonly prefix: string;
  /** Column type of binary data. */
  readonly bytes: string;
  /** Column type of a millisecond time. */
  readonly time: string;
  /** The update log's auto-incrementing key column. */
  readonly serialKey: string;
}

/** SQLite's spelling. */
export const SQLITE: SqlDialect = { prefix: '', bytes: 'BLOB', time: 'INTEGER', serialKey: 'INTEGER PRIMARY KEY AUTOINCREMENT' };
/** PostgreSQL's spelling; its tables are prefixed, as the database may hold others. */
export const POSTGRES: SqlDialect = { prefix: 'crux_', bytes: 'BYTEA', time: 'BIGINT', serialKey: 'BIGSERIAL PRIMARY KEY' };

/** The statements that create the store's tables in `d` if they are missing. */
export function storeSchema(d: SqlDialect): string {
  const t = (name: string) => `${d.prefix}${name}`;
  return `
CREATE TABLE IF NOT EXISTS ${t('documents')} (
  name TEXT PRIMARY KEY,
  state ${d.bytes},
  created_at ${d.time} NOT NULL,
  compacted_at ${d.time}
);
CREATE TABLE IF NOT EXISTS ${t('updates')} (
  seq ${d.serialKey},
  name TEXT NOT NULL REFERENCES ${t('documents')}(name) ON DELETE CASCADE,
  data ${d.bytes} NOT NULL,
  at ${d.time} NOT NULL
);
CREATE INDEX IF NOT EXISTS ${t('updates_by_doc')} ON ${t('updates')}(name, seq);
CREATE TABLE IF NOT EXISTS ${t('tokens')} (
  id TEXT PRIMARY KEY,
  doc TEXT NOT NULL REFERENCES ${t('documents')}(name) ON DELETE CASCADE,
  role TEXT NOT NULL,
  hash TEXT NOT NULL UNIQUE,
  label TEXT NOT NULL DEFAULT '',
  created_at ${d.time} NOT NULL,
  revoked_at ${d.time}
);
CREATE INDEX IF NOT EXISTS ${t('tokens_by_doc')} ON ${t('tokens')}(doc, created_at);
CREATE TABLE IF NOT EXISTS ${t('persons')} (
  doc TEXT NOT NULL REFERENCES ${t('documents')}(name) ON DELETE CASCADE,
  person TEXT NOT NULL,
  key_hash TEXT NOT NULL,
  bound_at ${d.time} NOT NULL,
  PRIMARY KEY (doc, person)
);
`;
}

/** A tokens row as either driver returns it (pg gives BIGINT columns as strings). */
export interface TokenRow {
  id: string;
  doc: string;
  role: string;
  hash: string;
  label: string;
  created_at: number | string;
  revoked_at: number | string | null;
}

/** The token a row holds; throws on a role this server does not know. */
export function toToken(row: TokenRow): StoredToken {
  if (!isRole(row.role)) throw new Error(`token ${row.id} has an unknown role "${row.role}"`);
  return {
    id: row.id,
    doc: row.doc,
    role: row.role,
    hash: row.hash,
    label: row.label,
    createdAt: Number(row.created_at),
    revokedAt: row.revoked_at === null ? null : Number(row.revoked_at),
  };
}
