import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { POSTGRES, SQLITE, storeSchema, toToken } from './schema';

describe('the store schema', () => {
  it('creates the same tables in SQLite, and prefixes them for PostgreSQL', () => {
    const db = new DatabaseSync(':memory:');
    db.exec(storeSchema(SQLITE));
    const tables = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
    expect(tables.filter((t) => !t.startsWith('sqlite_'))).toEqual(['documents', 'persons', 'tokens', 'updates']);
    db.close();
    const pg = storeSchema(POSTGRES);
    expect(pg).toContain('CREATE TABLE IF NOT EXISTS crux_tokens');
    expect(pg).toContain('seq BIGSERIAL PRIMARY KEY');
    expect(pg).not.toContain('BLOB');
  });

  it('reads a token row from either driver, and refuses an unknown role', () => {
    const row = { id: 't1', doc: 'd', role: 'viewer', hash: 'h', label: '', created_at: '1700000000000', revoked_at: null };
    expect(toToken(row)).toEqual({ id: 't1', doc: 'd', role: 'viewer', hash: 'h', label: '', createdAt: 1700000000000, revokedAt: null });
    expect(toToken({ ...row, created_at: 5, revoked_at: 6 })).toMatchObject({ createdAt: 5, revokedAt: 6 });
    expect(() => toToken({ ...row, role: 'admin' })).toThrow('token t1 has an unknown role "admin"');
  });
});
