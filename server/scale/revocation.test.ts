// Issue 11 item 6: two instances behind a load balancer, one Redis, one store. The owner
// revokes a participant's token on instance one while the participant's socket lives on
// instance two: that socket is closed at once with "token revoked", what they type after
// reaches no one and is not stored, they cannot reconnect, and others keep working.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ARTICLE } from '../../shared/model/roots';
import { CLOSE } from '../../shared/sync/close-codes';
import { connectClient, type TestClient } from '../test-support/clients';
import { startRedis, type TestRedis } from '../test-support/redis';
import { startTestServer, type TestServer } from '../test-support/test-server';
import { waitFor } from '../test-support/wait';

let redis: TestRedis;
let dir: string;
let one: TestServer;
let two: TestServer;
const clients: TestClient[] = [];

function addParagraph(doc: Y.Doc, text: string): void {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment(ARTICLE).push([paragraph]);
}

const articleOf = (doc: Y.Doc) => doc.getXmlFragment(ARTICLE).toString();

beforeAll(async () => {
  redis = await startRedis();
  dir = mkdtempSync(join(tmpdir(), 'crux-revoke-'));
  const shared = { store: { kind: 'sqlite' as const, path: join(dir, 'shared.db') }, redis: { host: redis.host, port: redis.port } };
  one = await startTestServer(shared);
  two = await startTestServer(shared);
}, 30_000);

afterAll(async () => {
  for (const c of clients) c.destroy();
  await one?.stop();
  await two?.stop();
  await redis?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('a token revoked on one instance', () => {
  it('closes its live socket on the other instance; others keep working', async () => {
    const owner = await one.server.tokens.createDocument('seminar');
    const revoked = await one.server.tokens.issue('seminar', 'editor');
    const kept = await one.server.tokens.issue('seminar', 'editor');
    const connect = (server: TestServer, token: string) => {
      const client = connectClient({ url: server.server.url, doc: 'seminar', token });
      clients.push(client);
      return client;
    };
    const host = connect(one, owner.token);
    const leaver = connect(two, revoked.token);
    const stayer = connect(two, kept.token);
    await Promise.all([host.synced(), leaver.synced(), stayer.synced()]);

    await one.server.tokens.revokeAsOwner('seminar', owner.token, revoked.id);
    await waitFor(() => leaver.closes.some((c) => c.code === CLOSE.revoked.code), 'the revoked socket closed on instance two');
    expect(leaver.closes[0]).toEqual({ code: CLOSE.revoked.code, reason: CLOSE.revoked.reason });
    await waitFor(() => leaver.authFailures.includes('token revoked'), 'its reconnection refused');

    addParagraph(leaver.doc, 'Typed after revocation.');
    addParagraph(stayer.doc, 'Still editing.');
    await waitFor(() => articleOf(host.doc).includes('Still editing.'), 'the other participant’s edit at the host');
    expect(articleOf(host.doc)).not.toContain('Typed after revocation.');
    const stored = new Y.Doc();
    Y.applyUpdate(stored, (await two.server.store.load('seminar'))!);
    expect(articleOf(stored)).not.toContain('Typed after revocation.');
    expect(stayer.socket.status).toBe('connected');
  });

  it('ignores malformed messages on the revocations channel', async () => {
    const { Redis } = await import('ioredis');
    const publisher = new Redis({ host: redis.host, port: redis.port });
    try {
      await publisher.publish('crux:revocations', 'not json');
      await two.logger.waitFor({ msg: 'revocation ignored' });
    } finally {
      publisher.disconnect();
    }
  });
});
