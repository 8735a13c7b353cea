// The SQLite store (the default): one file in WAL mode, written with node:sqlite's
// synchronous API so every append is committed before the update is acknowledged.
// Several stores may open the same file (two servers on one machine); SQLite's
// locking and a busy timeout keep them consistent.
import { DatabaseSync } from 'node:sqlite';
import { bytes, compactStored, mergeStored } from './fold';
import { SQLITE, storeSchema, toToken, type TokenRow } from './schema';
import type { CompactionResult, DocStats, DocStore, StoredToken } from './types';

const SCHEMA_VERSION = 2;

const SCHEMA = storeSchema(SQLITE);

/** A DocStore in one SQLite file. */
export class SqliteDocStore implements DocStore {
  readonly kind = 'sqlite';
  private readonly db: DatabaseSync;
  private readonly sql: ReturnType<typeof statements>;

  /** Opens (creating if needed) the database at `path`. */
  constructor(readonly path: string) {
    try {
      this.db = new DatabaseSync(path);
    } catch (error) {
      throw new Error(`cannot open SQLite database ${path}: ${(error as Error).message}`, { cause: error });
    }
    this.db.exec('PRAGMA busy_timeout = 10000');
    this.db.exec('PRAGMA journal_mode = WAL');
    // NORMAL in WAL mode: a commit survives a crash of the process (the test kills the
    // server with SIGKILL); only a power cut can lose the last few commits, never the file.
    this.db.exec('PRAGMA synchronous = NORMAL');
    this.db.exec('PRAGMA foreign_keys = ON');
    this.migrate();
    this.sql = statements(this.db);
  }

  private migrate(): void {
    const row = this.db.prepare('PRAGMA user_version').get() as { user_version: number };
    if (row.user_version > SCHEMA_VERSION) {
      throw new Error(
        `${this.path} was written by a newer Crux server (schema ${row.user_version}, this one knows ${SCHEMA_VERSION})`,
      );
    }
    this.transaction(() => {
      this.db.exec(SCHEMA);
      this.db.exec(`PRAGMA user_version = ${SCHEMA_VERSION}`);
    });
  }

  /** Runs `fn` in one write transaction (BEGIN IMMEDIATE takes the write lock up front). */
  private transaction<T>(fn: () => T): T {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const result = fn();
      this.db.exec('COMMIT');
      return result;
    } catch (error) {
      this.db.exec('ROLLBACK');
      throw error;
    }
  }

  async createDocument(name: string, at: number): Promise<boolean> {
    return Number(this.sql.createDoc.run(name, at).changes) === 1;
  }

  async hasDocument(name: string): Promise<boolean> {
    return this.sql.hasDoc.get(name) !== undefined;
  }

  async load(name: string): Promise<Uint8Array | null> {
    // One read transaction, so a concurrent compaction cannot slip between the two reads.
    this.db.exec('BEGIN');
    try {
      const row = this.sql.state.get(name) as { state: Uint8Array | null } | undefined;
      if (!row) return null;
      const updates = (this.sql.updates.all(name) as { data: Uint8Array }[]).map((u) => bytes(u.data));
      return mergeStored(row.state ? bytes(row.state) : null, updates);
    } finally {
      this.db.exec('COMMIT');
    }
  }

  async append(name: string, update: Uint8Array): Promise<void> {
    this.sql.append.run(name, update, Date.now());
  }

  async compact(name: string): Promise<CompactionResult> {
    return this.transaction(() => {
      const row = this.sql.state.get(name) as { state: Uint8Array | null } | undefined;
      if (!row) throw new Error(`no document named "${name}"`);
      const rows = this.sql.updates.all(name) as { seq: number; data: Uint8Array }[];
      const state = row.state ? bytes(row.state) : null;
      if (rows.length === 0) return { merged: 0, stateBytes: state?.byteLength ?? 0 };
      const compacted = compactStored(
        state,
        rows.map((r) => bytes(r.data)),
      );
      this.sql.setState.run(compacted, Date.now(), name);
      this.sql.dropUpdates.run(name, rows.reduce((max, r) => Math.max(max, Number(r.seq)), 0));
      return { merged: rows.length, stateBytes: compacted.byteLength };
    });
  }

  async stats(name: string): Promise<DocStats | null> {
    const row = this.sql.state.get(name) as { state: Uint8Array | null } | undefined;
    if (!row) return null;
    const { n } = this.sql.countUpdates.get(name) as { n: number };
    return { updates: Number(n), stateBytes: row.state?.byteLength ?? 0 };
  }

  async insertToken(t: StoredToken): Promise<void> {
    this.sql.insertToken.run(t.id, t.doc, t.role, t.hash, t.label, t.createdAt, t.revokedAt);
  }

  async findTokenByHash(hash: string): Promise<StoredToken | null> {
    const row = this.sql.tokenByHash.get(hash) as TokenRow | undefined;
    return row ? toToken(row) : null;
  }

  async listTokens(doc: string): Promise<StoredToken[]> {
    return (this.sql.tokensOfDoc.all(doc) as unknown as TokenRow[]).map(toToken);
  }

  async revokeToken(doc: string, id: string, at: number): Promise<StoredToken | null> {
    this.sql.revoke.run(at, doc, id);
    const row = this.sql.tokenById.get(doc, id) as TokenRow | undefined;
    return row ? toToken(row) : null;
  }

  async bindPerson(doc: string, person: string, keyHash: string, at: number): Promise<boolean> {
    this.sql.bindPerson.run(doc, person, keyHash, at);
    const row = this.sql.personKey.get(doc, person) as { key_hash: string } | undefined;
    return row?.key_hash === keyHash;
  }

  async close(): Promise<void> {
    if (!this.db.isOpen) return;
    // Fold the WAL into the main file so a copied database is complete on its own.
    this.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    this.db.close();
  }
}

function statements(db: DatabaseSync) {
  const p = (text: string) => db.prepare(text);
  return {
    createDoc: p('INSERT INTO documents (name, created_at) VALUES (?, ?) ON CONFLICT(name) DO NOTHING'),
    hasDoc: p('SELECT 1 AS one FROM documents WHERE name = ?'),
    state: p('SELECT state FROM documents WHERE name = ?'),
    updates: p('SELECT seq, data FROM updates WHERE name = ? ORDER BY seq'),
    append: p('INSERT INTO updates (name, data, at) VALUES (?, ?, ?)'),
    setState: p('UPDATE documents SET state = ?, compacted_at = ? WHERE name = ?'),
    dropUpdates: p('DELETE FROM updates WHERE name = ? AND seq <= ?'),
    countUpdates: p('SELECT COUNT(*) AS n FROM updates WHERE name = ?'),
    insertToken: p(
      'INSERT INTO tokens (id, doc, role, hash, label, created_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    tokenByHash: p('SELECT * FROM tokens WHERE hash = ?'),
    tokensOfDoc: p('SELECT * FROM tokens WHERE doc = ? ORDER BY created_at, id'),
    tokenById: p('SELECT * FROM tokens WHERE doc = ? AND id = ?'),
    bindPerson: p('INSERT INTO persons (doc, person, key_hash, bound_at) VALUES (?, ?, ?, ?) ON CONFLICT(doc, person) DO NOTHING'),
    personKey: p('SELECT key_hash FROM persons WHERE doc = ? AND person = ?'),
    revoke: p('UPDATE tokens SET revoked_at = ? WHERE doc = ? AND id = ? AND revoked_at IS NULL'),
  };
}
