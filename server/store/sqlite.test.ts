import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { describeStoreContract } from '../test-support/store-contract';
import { SqliteDocStore } from './sqlite';
import type { StoredToken } from './types';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'crux-sqlite-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Edits made one at a time, as the updates a server would append. */
function editsOf(doc: Y.Doc, count: number): Uint8Array[] {
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  for (let i = 0; i < count; i++) doc.getText('article').insert(0, `${i} `);
  doc.getText('article').delete(0, 4);
  return updates;
}

function textOf(state: Uint8Array | null): string {
  const doc = new Y.Doc();
  if (state) Y.applyUpdate(doc, state);
  return doc.getText('article').toString();
}

const token = (over: Partial<StoredToken> = {}): StoredToken => ({
  id: 'tok_1',
  doc: 'seminar',
  role: 'editor',
  hash: 'ab'.repeat(32),
  label: 'group A',
  createdAt: 1000,
  revokedAt: null,
  ...over,
});

describe('SqliteDocStore', () => {
  it('stores appended updates and loads them back after reopening the file', async () => {
    const path = join(dir, 'a.db');
    const source = new Y.Doc();
    const updates = editsOf(source, 20);
    let store = new SqliteDocStore(path);
    expect(await store.createDocument('seminar', 1)).toBe(true);
    expect(await store.createDocument('seminar', 2)).toBe(false);
    for (const u of updates) await store.append('seminar', u);
    await store.close();
    store = new SqliteDocStore(path);
    expect(textOf(await store.load('seminar'))).toBe(source.getText('article').toString());
    expect(await store.stats('seminar')).toEqual({ updates: updates.length, stateBytes: 0 });
    await store.close();
  });

  it('compacts the log into one state without changing the document', async () => {
    const store = new SqliteDocStore(join(dir, 'b.db'));
    await store.createDocument('seminar', 1);
    const source = new Y.Doc();
    for (const u of editsOf(source, 50)) await store.append('seminar', u);
    const result = await store.compact('seminar');
    expect(result.merged).toBe(51);
    expect(await store.stats('seminar')).toEqual({ updates: 0, stateBytes: result.stateBytes });
    expect(textOf(await store.load('seminar'))).toBe(source.getText('article').toString());
    // Later appends land on top of the compacted state.
    source.getText('article').insert(0, 'new ');
    await store.append('seminar', Y.encodeStateAsUpdate(source));
    expect(textOf(await store.load('seminar'))).toMatch(/^new /);
    expect((await store.compact('seminar')).merged).toBe(1);
    expect((await store.compact('seminar')).merged).toBe(0);
    await store.close();
  });

  it('says when a document does not exist', async () => {
    const store = new SqliteDocStore(join(dir, 'c.db'));
    expect(await store.load('nothing')).toBeNull();
    expect(await store.stats('nothing')).toBeNull();
    expect(await store.hasDocument('nothing')).toBe(false);
    await expect(store.compact('nothing')).rejects.toThrow('no document named "nothing"');
    await expect(store.append('nothing', new Uint8Array([0, 0]))).rejects.toThrow(/FOREIGN KEY/);
    await store.close();
  });

  it('keeps two stores on one file consistent (two servers on one machine)', async () => {
    const path = join(dir, 'd.db');
    const one = new SqliteDocStore(path);
    const two = new SqliteDocStore(path);
    await one.createDocument('seminar', 1);
    const source = new Y.Doc();
    const updates = editsOf(source, 10);
    for (const [i, u] of updates.entries()) await (i % 2 ? one : two).append('seminar', u);
    await one.compact('seminar');
    expect(textOf(await two.load('seminar'))).toBe(source.getText('article').toString());
    await one.close();
    await two.close();
  });

  it('stores tokens by hash, lists them and revokes them', async () => {
    const store = new SqliteDocStore(join(dir, 'e.db'));
    await store.createDocument('seminar', 1);
    await store.insertToken(token());
    await store.insertToken(token({ id: 'tok_2', hash: 'cd'.repeat(32), role: 'viewer', createdAt: 2000 }));
    expect(await store.findTokenByHash('ab'.repeat(32))).toEqual(token());
    expect(await store.findTokenByHash('ef'.repeat(32))).toBeNull();
    expect((await store.listTokens('seminar')).map((t) => t.id)).toEqual(['tok_1', 'tok_2']);
    expect(await store.revokeToken('seminar', 'tok_2', 3000)).toMatchObject({ id: 'tok_2', revokedAt: 3000 });
    // Revoking again keeps the first revocation time.
    expect(await store.revokeToken('seminar', 'tok_2', 4000)).toMatchObject({ revokedAt: 3000 });
    expect(await store.revokeToken('seminar', 'tok_404', 3000)).toBeNull();
    await expect(store.insertToken(token({ id: 'tok_3' }))).rejects.toThrow(/UNIQUE/);
    await store.close();
  });

  it('names the file it cannot open', () => {
    expect(() => new SqliteDocStore(join(dir, 'no-such-folder', 'x.db'))).toThrow(
      /^cannot open SQLite database .*no-such-folder\/x\.db: unable to open database file$/,
    );
  });

  it('refuses a database written by a newer server', async () => {
    const path = join(dir, 'f.db');
    const { DatabaseSync } = await import('node:sqlite');
    const db = new DatabaseSync(path);
    db.exec('PRAGMA user_version = 99');
    db.close();
    expect(() => new SqliteDocStore(path)).toThrow(/newer Crux server \(schema 99, this one knows 2\)/);
  });
});

// `dir` is fresh for each test (beforeEach above) and removed after it.
describeStoreContract('SQLite', async () => new SqliteDocStore(join(dir, 'contract.db')));
