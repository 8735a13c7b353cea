// Issue 11 item 7: behind a reverse proxy the per-address limits must apply to the address
// the proxy saw, not to whatever a client writes into X-Forwarded-For. An attacker who
// invents a new left-most entry for every connection is still one address and is refused
// once over its allowance; an honest participant from another address is not affected.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ARTICLE } from '../../shared/model/roots';
import { connectClient, type TestClient } from '../test-support/clients';
import { openRaw, type RawSocket } from '../test-support/raw-socket';
import { startTestServer, type TestServer } from '../test-support/test-server';
import { waitFor } from '../test-support/wait';

const ATTACKER = '203.0.113.9';
const HONEST = '198.51.100.20';
/** What our proxy sends: the client's own header, then the address it received from. */
const viaProxy = (claimed: string, real: string) => ({ 'X-Forwarded-For': `${claimed}, ${real}` });

let t: TestServer;
let token: string;
const sockets: RawSocket[] = [];
const clients: TestClient[] = [];

beforeAll(async () => {
  t = await startTestServer({ trustProxy: true, limits: { ipConnectionsPerMinute: 3 } });
  token = (await t.server.tokens.createDocument('seminar')).token;
});

afterAll(async () => {
  for (const s of sockets) s.close();
  for (const c of clients) c.destroy();
  await t.stop();
});

describe('X-Forwarded-For behind one trusted proxy', () => {
  it('refuses an attacker over its allowance however it varies the left-most entry', async () => {
    for (let i = 0; i < 3; i++) sockets.push(await openRaw(t.server.url, viaProxy(`10.9.9.${i}`, ATTACKER)));
    await expect(openRaw(t.server.url, viaProxy('10.9.9.200', ATTACKER))).rejects.toThrow('upgrade refused: HTTP 429');
    // The log names the address the proxy saw, so an operator blocks the right one.
    await t.logger.waitFor({ msg: 'upgrade refused', reason: 'too many connections from this address', ip: ATTACKER });
  });

  it('lets an honest participant from another address in, and their edits arrive', async () => {
    const writer = connectClient({ url: t.server.url, doc: 'seminar', token, headers: viaProxy(ATTACKER, HONEST) });
    const reader = connectClient({ url: t.server.url, doc: 'seminar', token, headers: viaProxy('10.1.1.1', HONEST) });
    clients.push(writer, reader);
    await Promise.all([writer.synced(), reader.synced()]);
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('Still here.')]);
    writer.doc.getXmlFragment(ARTICLE).push([paragraph]);
    await waitFor(() => reader.doc.getXmlFragment(ARTICLE).toString().includes('Still here.'), 'the edit at the other participant');
  });
});
