// The server trusts no client: random bytes, truncated and bogus updates, oversized and
// text frames, floods and foreign origins are refused with a close code and a log line,
// while other clients keep editing and the document stays intact.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ARTICLE } from '../../shared/model/roots';
import { connectClient, type TestClient } from '../test-support/clients';
import {
  awarenessFrame,
  seededBytes,
  syncStep2Frame,
  textUpdate,
  undecodableUpdate,
  unintegrableUpdate,
  updateFrame,
} from '../test-support/messages';
import { openRaw } from '../test-support/raw-socket';
import { startTestServer, type TestServer } from '../test-support/test-server';
import { waitFor } from '../test-support/wait';

let t: TestServer;
let token: string;
let alice: TestClient;
let bob: TestClient;
let edits = 0;

/** Alice types; Bob must see it: the server is still serving. */
async function stillServing(): Promise<void> {
  const word = `edit${++edits} `;
  alice.doc.getText('notes').insert(0, word);
  await waitFor(() => bob.doc.getText('notes').toString().startsWith(word), `Bob to see "${word}"`);
}

/** The server's copy of the article, which no refused message may touch. */
function serverArticle(): string {
  return t.server.hocuspocus.documents.get('seminar')!.getText(ARTICLE).toString();
}

beforeAll(async () => {
  t = await startTestServer({ limits: { maxMessageBytes: 64 * 1024 } });
  token = (await t.server.tokens.createDocument('seminar')).token;
  alice = connectClient({ url: t.server.url, doc: 'seminar', token });
  bob = connectClient({ url: t.server.url, doc: 'seminar', token });
  await Promise.all([alice.synced(), bob.synced()]);
  alice.doc.getText(ARTICLE).insert(0, 'The original text.');
  await alice.acknowledged();
  await waitFor(() => serverArticle() === 'The original text.', 'the article on the server');
});

afterAll(async () => {
  alice.destroy();
  bob.destroy();
  await t.stop();
});

describe('malformed messages', () => {
  it('closes a socket that sends random bytes before authenticating', async () => {
    const raw = await openRaw(t.server.url);
    raw.send(seededBytes(1, 300));
    expect(await raw.closed).toMatchObject({ code: 4400, reason: 'malformed message' });
    await stillServing();
  });

  it('closes an authenticated socket that sends random bytes', async () => {
    const raw = await openRaw(t.server.url);
    expect(await raw.authenticate('seminar', token)).toBe('authenticated');
    raw.send(seededBytes(2, 4096));
    expect(await raw.closed).toMatchObject({ code: 4400 });
    expect(t.logger.find({ msg: 'socket closed', reason: 'malformed message' }).length).toBeGreaterThanOrEqual(2);
    await stillServing();
    expect(serverArticle()).toBe('The original text.');
  });

  it('refuses a truncated sync step 2', async () => {
    const raw = await openRaw(t.server.url);
    await raw.authenticate('seminar', token);
    const frame = syncStep2Frame('seminar', textUpdate(ARTICLE, 'injected words'));
    raw.send(frame.slice(0, frame.length - 6));
    expect(await raw.closed).toMatchObject({ code: 4400, reason: 'malformed message' });
    await t.logger.waitFor({ msg: 'socket closed', reason: 'cannot read the sync step 2: Unexpected end of array' });
    await stillServing();
    expect(serverArticle()).toBe('The original text.');
  });

  it('refuses an update that cannot be decoded', async () => {
    const raw = await openRaw(t.server.url);
    await raw.authenticate('seminar', token);
    raw.send(updateFrame('seminar', undecodableUpdate()));
    expect(await raw.closed).toMatchObject({ code: 4400 });
    await t.logger.waitFor({ msg: 'socket closed', reason: 'cannot read the update content' });
    await stillServing();
  });

  it('refuses an update that decodes but would break half-way, leaving no trace of it', async () => {
    const raw = await openRaw(t.server.url);
    await raw.authenticate('seminar', token);
    // Applied directly, Yjs would insert its first item and then throw on the second.
    raw.send(updateFrame('seminar', unintegrableUpdate(ARTICLE)));
    expect(await raw.closed).toMatchObject({ code: 4400, reason: 'malformed message' });
    await t.logger.waitFor({ msg: 'update refused', reason: 'update does not apply' });
    await stillServing();
    expect(serverArticle()).toBe('The original text.');
    expect(bob.doc.getText(ARTICLE).toString()).toBe('The original text.');
    const stored = new Y.Doc();
    Y.applyUpdate(stored, (await t.server.store.load('seminar'))!);
    expect(stored.getText(ARTICLE).toString()).toBe('The original text.');
  });

  it('closes a socket sending a message over the size limit (1009) and logs it', async () => {
    const raw = await openRaw(t.server.url);
    await raw.authenticate('seminar', token);
    raw.send(updateFrame('seminar', textUpdate(ARTICLE, 'x'.repeat(100 * 1024))));
    expect((await raw.closed).code).toBe(1009);
    await t.logger.waitFor({ msg: 'socket closed', reason: 'message too big: over 65536 bytes', code: 1009 });
    await stillServing();
    expect(serverArticle()).toBe('The original text.');
  });

  it('closes a socket that sends text frames', async () => {
    const raw = await openRaw(t.server.url);
    raw.send('hello');
    expect(await raw.closed).toMatchObject({ code: 1003, reason: 'binary frames only' });
  });
});

describe('limits and origins', () => {
  it('closes a socket that floods messages', async () => {
    const limited = await startTestServer({ limits: { messageBurst: 20, messagesPerSecond: 1 } });
    try {
      const owner = await limited.server.tokens.createDocument('seminar');
      const raw = await openRaw(limited.server.url);
      await raw.authenticate('seminar', owner.token);
      const query = awarenessFrame('seminar', new Uint8Array([0]));
      for (let i = 0; i < 50; i++) raw.send(query);
      expect(await raw.closed).toMatchObject({ code: 4429, reason: 'rate limit exceeded' });
      await limited.logger.waitFor({ msg: 'socket closed', reason: 'too many messages on this connection' });
    } finally {
      await limited.stop();
    }
  });

  it('limits messages across all sockets of one address', async () => {
    const limited = await startTestServer({ limits: { ipMessageBurst: 30, ipMessagesPerSecond: 1 } });
    try {
      const owner = await limited.server.tokens.createDocument('seminar');
      const sockets = await Promise.all([openRaw(limited.server.url), openRaw(limited.server.url)]);
      const query = awarenessFrame('seminar', new Uint8Array([0]));
      for (let i = 0; i < 20; i++) for (const s of sockets) s.send(query);
      await limited.logger.waitFor({ msg: 'socket closed', reason: 'too many messages from this address' });
      expect(owner.role).toBe('owner');
      for (const s of sockets) s.close();
    } finally {
      await limited.stop();
    }
  });

  it('refuses new connections from an address over its per-minute allowance', async () => {
    const limited = await startTestServer({ limits: { ipConnectionsPerMinute: 3 } });
    try {
      const sockets = [];
      for (let i = 0; i < 3; i++) sockets.push(await openRaw(limited.server.url));
      await expect(openRaw(limited.server.url)).rejects.toThrow('upgrade refused: HTTP 429');
      await limited.logger.waitFor({ msg: 'upgrade refused', reason: 'too many connections from this address' });
      for (const s of sockets) s.close();
    } finally {
      await limited.stop();
    }
  });

  it('refuses browsers from other origins when origins are restricted', async () => {
    const local = await startTestServer({ allowedOrigins: ['app://crux', 'http://127.0.0.1:5173'] });
    try {
      await expect(openRaw(local.server.url, { Origin: 'https://evil.example' })).rejects.toThrow(
        'upgrade refused: HTTP 403',
      );
      await local.logger.waitFor({ msg: 'upgrade refused', reason: 'origin not allowed', origin: 'https://evil.example' });
      (await openRaw(local.server.url, { Origin: 'app://crux' })).close();
      // No Origin at all: not a browser (browsers always send one), so not the attack this guards against.
      (await openRaw(local.server.url)).close();
    } finally {
      await local.stop();
    }
  });
});

describe('presence', () => {
  it("refuses awareness states for another connection's client id", async () => {
    const { Awareness, encodeAwarenessUpdate } = await import('y-protocols/awareness');
    alice.provider.setAwarenessField('user', { id: 'p-alice', name: 'Alice', colour: '#0072b2' });
    await waitFor(() => bob.provider.awareness!.getStates().get(alice.doc.clientID)?.user?.name === 'Alice', 'Alice present');
    // A forged presence update: Alice's client id, clock far ahead, another name.
    const forger = new Awareness(new Y.Doc());
    forger.clientID = alice.doc.clientID;
    forger.setLocalState({ user: { id: 'p-alice', name: 'Mallory', colour: '#0072b2' } });
    const meta = forger.meta.get(alice.doc.clientID)!;
    meta.clock = 1000;
    const raw = await openRaw(t.server.url);
    await raw.authenticate('seminar', token);
    raw.send(awarenessFrame('seminar', encodeAwarenessUpdate(forger, [alice.doc.clientID])));
    await t.logger.waitFor({ msg: 'awareness refused', reason: `client id ${alice.doc.clientID} belongs to another connection` });
    await stillServing();
    expect(bob.provider.awareness!.getStates().get(alice.doc.clientID)?.user?.name).toBe('Alice');
    raw.close();
    forger.destroy();
  });
});
