// The storage contract of the sync server: documents as an append-only log of Yjs
// updates folded now and then into one state, plus the per-document access tokens.
// SQLite and PostgreSQL implement it; nothing else in the server knows which is used.
import type { Role } from '../../shared/sync/roles';

/** A token as stored: never the secret itself, only its SHA-256 hash. */
export interface StoredToken {
  /** Public id, used to list and revoke the token. */
  id: string;
  /** The document the token opens. */
  doc: string;
  role: Role;
  /** Hex SHA-256 of the secret. */
  hash: string;
  /** What the owner called it ("seminar group B"). */
  label: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
  /** When it was revoked, or null while it is valid. */
  revokedAt: number | null;
}

/** What a compaction did. */
export interface CompactionResult {
  /** Updates folded into the state (0 when there was nothing to do). */
  merged: number;
  /** Size of the state afterwards, in bytes. */
  stateBytes: number;
}

/** How much a document occupies in the store. */
export interface DocStats {
  /** Updates appended since the last compaction. */
  updates: number;
  /** Size of the compacted state, in bytes. */
  stateBytes: number;
}

/** Persistent storage for documents and tokens. Every method is safe to call concurrently. */
export interface DocStore {
  /** Which backend this is, for logs. */
  readonly kind: 'sqlite' | 'postgres' | 'crux-file';
  /** Registers a new document; resolves false if it already exists. */
  createDocument(name: string, at: number): Promise<boolean>;
  /** Whether a document of that name exists. */
  hasDocument(name: string): Promise<boolean>;
  /** The document's whole state as one Yjs update, or null if nothing was stored. */
  load(name: string): Promise<Uint8Array | null>;
  /** Durably appends one Yjs update to the document's log before resolving. */
  append(name: string, update: Uint8Array): Promise<void>;
  /** Folds the appended updates into the stored state, atomically. */
  compact(name: string): Promise<CompactionResult>;
  /** Size figures of a document, or null if it does not exist. */
  stats(name: string): Promise<DocStats | null>;
  /** Stores a new token (its document must exist). */
  insertToken(token: StoredToken): Promise<void>;
  /** The token with that secret hash, revoked or not, or null. */
  findTokenByHash(hash: string): Promise<StoredToken | null>;
  /** Every token of a document, oldest first. */
  listTokens(doc: string): Promise<StoredToken[]>;
  /** Marks a token revoked; resolves to it, or null if the document has no such token. */
  revokeToken(doc: string, id: string, at: number): Promise<StoredToken | null>;
  /**
   * Binds `person` of `doc` to `keyHash` (hex SHA-256 of the person key) if the person is
   * new, atomically; resolves true if the person is (now) bound to that hash, false if it
   * is bound to another one (someone else claims the name).
   */
  bindPerson(doc: string, person: string, keyHash: string, at: number): Promise<boolean>;
  /** Closes the connection to the database. */
  close(): Promise<void>;
}
