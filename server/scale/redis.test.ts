// Two server instances kept in step through a real Redis: a client on each converges,
// including on a document that is already open on one instance when the other loads it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectClient } from '../test-support/clients';
import { contentOf, randomEdit, seededRandom } from '../test-support/random-edits';
import { startRedis, type TestRedis } from '../test-support/redis';
import { startTestServer, type TestServer } from '../test-support/test-server';
import { waitFor } from '../test-support/wait';

let redis: TestRedis;
let dir: string;
let one: TestServer;
let two: TestServer;

beforeAll(async () => {
  redis = await startRedis();
  dir = mkdtempSync(join(tmpdir(), 'crux-redis-'));
  // Both instances share one store (as behind a load balancer they would share PostgreSQL).
  const shared = { store: { kind: 'sqlite' as const, path: join(dir, 'shared.db') }, redis: { host: redis.host, port: redis.port } };
  one = await startTestServer(shared);
  two = await startTestServer(shared);
}, 30_000);

afterAll(async () => {
  await one?.stop();
  await two?.stop();
  await redis?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('two instances on one Redis', () => {
  it('keep a client on each in step', async () => {
    const token = (await one.server.tokens.createDocument('seminar')).token;
    const a = connectClient({ url: one.server.url, doc: 'seminar', token });
    const b = connectClient({ url: two.server.url, doc: 'seminar', token });
    await Promise.all([a.synced(), b.synced()]);
    const random = seededRandom(7);
    for (let i = 0; i < 20; i++) {
      randomEdit(a.doc, 'a', random);
      randomEdit(b.doc, 'b', random);
    }
    await Promise.all([a.acknowledged(), b.acknowledged()]);
    await waitFor(() => contentOf(a.doc) === contentOf(b.doc), 'both clients to hold the same document');
    expect(a.doc.getXmlFragment('article').length).toBeGreaterThan(0);
    expect(one.logger.find({ msg: 'listening' })[0]?.redis).toBe(`127.0.0.1:${redis.port}`);
    a.destroy();
    b.destroy();
  });

  it('give a late joiner on the other instance what is in memory on the first', async () => {
    const token = (await one.server.tokens.createDocument('late')).token;
    const a = connectClient({ url: one.server.url, doc: 'late', token });
    await a.synced();
    a.doc.getText('notes').insert(0, 'written on instance one');
    await a.acknowledged();
    const b = connectClient({ url: two.server.url, doc: 'late', token });
    await b.synced();
    await waitFor(() => b.doc.getText('notes').toString() === 'written on instance one', 'the late joiner to catch up');
    b.doc.getText('notes').insert(0, 'and two: ');
    await waitFor(() => a.doc.getText('notes').toString() === 'and two: written on instance one', 'the reply');
    a.destroy();
    b.destroy();
  });

  it('refuses to start when Redis cannot be reached', async () => {
    await expect(startTestServer({ redis: { host: '127.0.0.1', port: 1 } })).rejects.toThrow(
      /^cannot reach Redis at 127\.0\.0\.1:1: /,
    );
  });
});
