// Fifty real clients edit one document at once through a real server, some dropping off
// and coming back, and must all end with the same document, which is also what the
// store holds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectClient, type TestClient } from '../test-support/clients';
import { contentOf, randomEdit, seededRandom } from '../test-support/random-edits';
import { startTestServer, type TestServer } from '../test-support/test-server';
import { sleep, waitFor } from '../test-support/wait';

const CLIENTS = 50;
const ROUNDS = 6;

let t: TestServer;
let token: string;
beforeAll(async () => {
  t = await startTestServer();
  token = (await t.server.tokens.createDocument('seminar')).token;
});
afterAll(() => t.stop());

describe('fifty clients on one document', () => {
  it('converge to identical state, and the store holds that state', { timeout: 90_000 }, async () => {
    const random = seededRandom(20260101);
    const clients: TestClient[] = [];
    for (let i = 0; i < CLIENTS; i++) clients.push(connectClient({ url: t.server.url, doc: 'seminar', token }));
    await Promise.all(clients.map((c) => c.synced()));

    for (let round = 0; round < ROUNDS; round++) {
      // A few clients drop off; they keep editing offline and merge on reconnect.
      const offline = clients.filter(() => random() < 0.1);
      for (const c of offline) c.socket.disconnect();
      for (const [i, c] of clients.entries()) {
        const edits = 1 + Math.floor(random() * 3);
        for (let e = 0; e < edits; e++) randomEdit(c.doc, `p${i}`, random);
      }
      await sleep(20);
      await waitFor(() => offline.every((c) => c.socket.status === 'disconnected'), 'clients to go offline');
      for (const c of offline) void c.socket.connect();
    }

    await Promise.all(clients.map((c) => c.acknowledged(30_000)));
    const expected = clients[0]!.doc;

    await waitFor(
      () => clients.every((c) => contentOf(c.doc) === contentOf(expected)),
      'every client to hold the same document',
      30_000,
    );
    const vectors = new Set(clients.map((c) => Buffer.from(Y.encodeStateVector(c.doc)).toString('hex')));
    expect(vectors.size).toBe(1);
    expect(expected.getXmlFragment('article').length).toBeGreaterThan(10);

    // Everything every client saw acknowledged is in the store.
    const stored = new Y.Doc();
    Y.applyUpdate(stored, (await t.server.store.load('seminar'))!);
    expect(contentOf(stored)).toBe(contentOf(expected));

    for (const c of clients) c.destroy();
    expect(t.logger.find({ level: 'warn' })).toEqual([]);
    expect(t.logger.find({ level: 'error' })).toEqual([]);
  });
});
