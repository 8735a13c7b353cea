// Issue 11 item 4: every sync request (sync step 1) with an empty state vector is answered
// with the whole document. Sockets that ask again and again, or ask and never read, used to
// grow the server by gigabytes and delay everyone's edits. Now a socket over its sync
// allowance, an address over its allowance, and a peer with too much queued and unread
// are closed with a reason, while honest participants' edits keep arriving.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ARTICLE } from '../../shared/model/roots';
import { CLOSE } from '../../shared/sync/close-codes';
import { connectClient, type TestClient } from '../test-support/clients';
import { seededBytes, syncStep1Frame } from '../test-support/messages';
import { openRaw, type RawSocket } from '../test-support/raw-socket';
import { startTestServer, type TestServer } from '../test-support/test-server';
import { waitFor } from '../test-support/wait';

let t: TestServer;
let token: string;
let writer: TestClient;
let reader: TestClient;
const sockets: RawSocket[] = [];

/** A paragraph of incompressible text, so the document's full state is about `bytes` long. */
function bulkParagraph(bytes: number): Y.XmlElement {
  const text = Buffer.from(seededBytes(7, bytes)).toString('base64');
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  return paragraph;
}

/** An honest edit reaches the other honest participant. */
async function honestEditArrives(label: string): Promise<void> {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(label)]);
  writer.doc.getXmlFragment(ARTICLE).push([paragraph]);
  await waitFor(() => reader.doc.getXmlFragment(ARTICLE).toString().includes(label), `"${label}" at the reader`);
}

async function attacker(): Promise<RawSocket> {
  const raw = await openRaw(t.server.url);
  sockets.push(raw);
  expect(await raw.authenticate('seminar', token)).toBe('authenticated');
  return raw;
}

beforeAll(async () => {
  t = await startTestServer({ limits: { syncRequestsPerMinute: 5, ipSyncRequestsPerMinute: 40, maxQueuedBytes: 256 * 1024 } });
  token = (await t.server.tokens.createDocument('seminar')).token;
  writer = connectClient({ url: t.server.url, doc: 'seminar', token });
  await writer.synced();
  writer.doc.getXmlFragment(ARTICLE).push([bulkParagraph(600_000)]);
  await writer.acknowledged();
  reader = connectClient({ url: t.server.url, doc: 'seminar', token });
  await reader.synced();
});

afterAll(async () => {
  for (const s of sockets) s.close();
  writer.destroy();
  reader.destroy();
  await t.stop();
});

describe('sync requests', () => {
  it('closes a socket that keeps asking for the whole document', async () => {
    const raw = await attacker();
    const ask = syncStep1Frame('seminar', new Y.Doc());
    for (let i = 0; i < 50; i++) raw.send(ask);
    expect(await raw.closed).toEqual({ code: CLOSE.rateLimited.code, reason: CLOSE.rateLimited.reason });
    await t.logger.waitFor({ msg: 'socket closed', reason: 'rate limit exceeded: too many sync requests on this connection' });
    // At most its allowance was answered (answers still on their way when it closed are dropped).
    const bigReplies = raw.received.filter((m) => m.byteLength > 100_000).length;
    expect(bigReplies).toBeLessThanOrEqual(5);
    await honestEditArrives('After the repeated asker.');
  });

  it('limits sync requests across the sockets of one address', async () => {
    const ask = syncStep1Frame('seminar', new Y.Doc());
    const many = await Promise.all(Array.from({ length: 10 }, () => attacker()));
    for (const raw of many) for (let i = 0; i < 5; i++) raw.send(ask);
    await t.logger.waitFor({ msg: 'socket closed', reason: 'rate limit exceeded: too many sync requests from this address' });
    for (const raw of many) raw.close();
  });

  it('closes a peer that asks and never reads, before its answers pile up', async () => {
    const quiet = await startTestServer({ limits: { maxQueuedBytes: 256 * 1024 } });
    try {
      const quietToken = (await quiet.server.tokens.createDocument('seminar')).token;
      const owner = connectClient({ url: quiet.server.url, doc: 'seminar', token: quietToken });
      await owner.synced();
      owner.doc.getXmlFragment(ARTICLE).push([bulkParagraph(600_000)]);
      await owner.acknowledged();
      const raw = await openRaw(quiet.server.url);
      sockets.push(raw);
      expect(await raw.authenticate('seminar', quietToken)).toBe('authenticated');
      // Stop reading: what the server sends now stays in its own queue once the kernel's buffers are full.
      (raw.ws as unknown as { _socket: { pause(): void } })._socket.pause();
      const ask = syncStep1Frame('seminar', new Y.Doc());
      for (let i = 0; i < 20; i++) raw.send(ask);
      await quiet.logger.waitFor({ msg: 'socket closed', code: CLOSE.rateLimited.code }, 20_000);
      const closed = quiet.logger.entries.find((e) => e.msg === 'socket closed');
      expect(String(closed?.reason)).toMatch(/bytes queued for a peer that is not reading/);
      // The honest owner keeps working.
      const other = connectClient({ url: quiet.server.url, doc: 'seminar', token: quietToken });
      await other.synced();
      owner.doc.getXmlFragment(ARTICLE).push([bulkParagraph(10)]);
      await waitFor(() => other.doc.getXmlFragment(ARTICLE).length === 2, 'the owner’s edit at the other participant');
      owner.destroy();
      other.destroy();
    } finally {
      await quiet.stop();
    }
  });
});
