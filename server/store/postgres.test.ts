// The PostgreSQL store against a real PostgreSQL server created for this test run: the
// store contract, then a sync server on it that persists a document and a second server
// that reloads it.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectClient } from '../test-support/clients';
import { startPostgres, type TestPostgres } from '../test-support/postgres';
import { describeStoreContract } from '../test-support/store-contract';
import { startTestServer } from '../test-support/test-server';
import { PostgresDocStore } from './postgres';

let postgres: TestPostgres;
let databases = 0;

/** A fresh database in the test cluster, so each test starts empty. */
async function freshDatabase(): Promise<string> {
  const name = `crux_test_${++databases}`;
  const admin = new pg.Client(postgres.url);
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return postgres.url.replace(/\/postgres$/, `/${name}`);
}

beforeAll(async () => {
  postgres = await startPostgres();
}, 60_000);
afterAll(() => postgres?.stop());

describeStoreContract('PostgreSQL', async () => PostgresDocStore.open(await freshDatabase()));

describe('PostgreSQL store', () => {
  it('persists a document through one server and reloads it in the next', async () => {
    const url = await freshDatabase();
    const first = await startTestServer({ store: { kind: 'postgres', url } });
    const owner = await first.server.tokens.createDocument('seminar');
    const writer = connectClient({ url: first.server.url, doc: 'seminar', token: owner.token });
    await writer.synced();
    writer.doc.getText('article').insert(0, 'Stored in PostgreSQL.');
    writer.doc.getMap('scratch').set('a1', 'evidence');
    await writer.acknowledged();
    writer.destroy();
    await first.stop();

    const second = await startTestServer({ store: { kind: 'postgres', url } });
    try {
      expect(second.server.store.kind).toBe('postgres');
      const reader = connectClient({ url: second.server.url, doc: 'seminar', token: owner.token });
      await reader.synced();
      expect(reader.doc.getText('article').toString()).toBe('Stored in PostgreSQL.');
      expect(reader.doc.getMap('scratch').get('a1')).toBe('evidence');
      reader.destroy();
    } finally {
      await second.stop();
    }
  });

  it('fails to open with a clear message when the database is unreachable', async () => {
    await expect(PostgresDocStore.open('postgres://postgres@127.0.0.1:1/none')).rejects.toThrow(
      /^cannot open PostgreSQL store: /,
    );
  });

  it('lets two servers start on one empty database at once', async () => {
    const url = await freshDatabase();
    const [a, b] = await Promise.all([PostgresDocStore.open(url), PostgresDocStore.open(url)]);
    expect(await a.createDocument('both', 1)).toBe(true);
    expect(await b.hasDocument('both')).toBe(true);
    await a.close();
    await b.close();
  });
});
