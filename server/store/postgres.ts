// The PostgreSQL store, for a department's standalone server: the same shape as the
// SQLite store (documents, an append-only update log, tokens) over a pg connection pool,
// so several server instances can share one database.
import pg from 'pg';
import { bytes, compactStored, mergeStored } from './fold';
import { POSTGRES, storeSchema, toToken, type TokenRow } from './schema';
import type { CompactionResult, DocStats, DocStore, StoredToken } from './types';

const SCHEMA = storeSchema(POSTGRES);

// Arbitrary constant: serialises schema creation when several instances start at once.
const MIGRATION_LOCK = 0x63727578;

/** A DocStore in a PostgreSQL database. Open it with `PostgresDocStore.open`. */
export class PostgresDocStore implements DocStore {
  readonly kind = 'postgres';

  private constructor(private readonly pool: pg.Pool) {}

  /** Connects to `url` (a postgres:// connection string) and creates the tables if needed. */
  static async open(url: string): Promise<PostgresDocStore> {
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    // An idle client losing its server must not crash the process; the next query reports it.
    pool.on('error', () => {});
    try {
      const client = await pool.connect();
      try {
        await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
        try {
          await client.query(SCHEMA);
        } finally {
          await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
        }
      } finally {
        client.release();
      }
    } catch (error) {
      await pool.end();
      throw new Error(`cannot open PostgreSQL store: ${error instanceof Error ? error.message : String(error)}`, {
        cause: error,
      });
    }
    return new PostgresDocStore(pool);
  }

  private async inTransaction<T>(isolation: string, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query(`BEGIN ISOLATION LEVEL ${isolation}`);
      const result = await fn(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  async createDocument(name: string, at: number): Promise<boolean> {
    const r = await this.pool.query(
      'INSERT INTO crux_documents (name, created_at) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING',
      [name, at],
    );
    return r.rowCount === 1;
  }

  async hasDocument(name: string): Promise<boolean> {
    const r = await this.pool.query('SELECT 1 FROM crux_documents WHERE name = $1', [name]);
    return r.rowCount === 1;
  }

  async load(name: string): Promise<Uint8Array | null> {
    // REPEATABLE READ: both reads see one snapshot, even if a compaction commits between them.
    return this.inTransaction('REPEATABLE READ', async (client) => {
      const doc = await client.query<{ state: Buffer | null }>('SELECT state FROM crux_documents WHERE name = $1', [
        name,
      ]);
      const row = doc.rows[0];
      if (!row) return null;
      const updates = await client.query<{ data: Buffer }>(
        'SELECT data FROM crux_updates WHERE name = $1 ORDER BY seq',
        [name],
      );
      return mergeStored(
        row.state ? bytes(row.state) : null,
        updates.rows.map((u) => bytes(u.data)),
      );
    });
  }

  async append(name: string, update: Uint8Array): Promise<void> {
    await this.pool.query('INSERT INTO crux_updates (name, data, at) VALUES ($1, $2, $3)', [
      name,
      Buffer.from(update.buffer, update.byteOffset, update.byteLength),
      Date.now(),
    ]);
  }

  async compact(name: string): Promise<CompactionResult> {
    return this.inTransaction('READ COMMITTED', async (client) => {
      // The row lock makes concurrent compactions of one document (two instances) take turns.
      const doc = await client.query<{ state: Buffer | null }>(
        'SELECT state FROM crux_documents WHERE name = $1 FOR UPDATE',
        [name],
      );
      const row = doc.rows[0];
      if (!row) throw new Error(`no document named "${name}"`);
      const updates = await client.query<{ seq: string; data: Buffer }>(
        'SELECT seq, data FROM crux_updates WHERE name = $1 ORDER BY seq',
        [name],
      );
      const state = row.state ? bytes(row.state) : null;
      if (updates.rows.length === 0) return { merged: 0, stateBytes: state?.byteLength ?? 0 };
      const compacted = compactStored(
        state,
        updates.rows.map((u) => bytes(u.data)),
      );
      const lastSeq = updates.rows[updates.rows.length - 1]?.seq;
      await client.query('UPDATE crux_documents SET state = $1, compacted_at = $2 WHERE name = $3', [
        Buffer.from(compacted.buffer, compacted.byteOffset, compacted.byteLength),
        Date.now(),
        name,
      ]);
      await client.query('DELETE FROM crux_updates WHERE name = $1 AND seq <= $2', [name, lastSeq]);
      return { merged: updates.rows.length, stateBytes: compacted.byteLength };
    });
  }

  async stats(name: string): Promise<DocStats | null> {
    const r = await this.pool.query<{ bytes: number | null; updates: string }>(
      `SELECT octet_length(state) AS bytes,
              (SELECT COUNT(*) FROM crux_updates u WHERE u.name = d.name) AS updates
         FROM crux_documents d WHERE name = $1`,
      [name],
    );
    const row = r.rows[0];
    return row ? { updates: Number(row.updates), stateBytes: row.bytes ?? 0 } : null;
  }

  async insertToken(t: StoredToken): Promise<void> {
    await this.pool.query(
      'INSERT INTO crux_tokens (id, doc, role, hash, label, created_at, revoked_at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [t.id, t.doc, t.role, t.hash, t.label, t.createdAt, t.revokedAt],
    );
  }

  async findTokenByHash(hash: string): Promise<StoredToken | null> {
    const r = await this.pool.query<TokenRow>('SELECT * FROM crux_tokens WHERE hash = $1', [hash]);
    return r.rows[0] ? toToken(r.rows[0]) : null;
  }

  async listTokens(doc: string): Promise<StoredToken[]> {
    const r = await this.pool.query<TokenRow>('SELECT * FROM crux_tokens WHERE doc = $1 ORDER BY created_at, id', [
      doc,
    ]);
    return r.rows.map(toToken);
  }

  async revokeToken(doc: string, id: string, at: number): Promise<StoredToken | null> {
    await this.pool.query(
      'UPDATE crux_tokens SET revoked_at = $1 WHERE doc = $2 AND id = $3 AND revoked_at IS NULL',
      [at, doc, id],
    );
    const r = await this.pool.query<TokenRow>('SELECT * FROM crux_tokens WHERE doc = $1 AND id = $2', [doc, id]);
    return r.rows[0] ? toToken(r.rows[0]) : null;
  }

  async bindPerson(doc: string, person: string, keyHash: string, at: number): Promise<boolean> {
    // One statement: two instances binding the same person at once agree on the first.
    await this.pool.query(
      'INSERT INTO crux_persons (doc, person, key_hash, bound_at) VALUES ($1, $2, $3, $4) ON CONFLICT (doc, person) DO NOTHING',
      [doc, person, keyHash, at],
    );
    const r = await this.pool.query<{ key_hash: string }>('SELECT key_hash FROM crux_persons WHERE doc = $1 AND person = $2', [doc, person]);
    return r.rows[0]?.key_hash === keyHash;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
