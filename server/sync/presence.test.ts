// Issue 11 item 1: presence is written by each participant's own client and drawn in
// everyone's page. A viewer's crafted presence (a "colour" that is really CSS, a huge
// name, fields no client sends) is refused by the server: not kept in the document's
// presence and never relayed to others, while honest presence still arrives.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_PRESENCE_BYTES } from '../../shared/sync/presence-state';
import { connectClient, type TestClient } from '../test-support/clients';
import { startTestServer, type TestServer } from '../test-support/test-server';
import { waitFor } from '../test-support/wait';

let t: TestServer;
let viewerToken: string;
let host: TestClient;
const clients: TestClient[] = [];

function joinAsViewer(): TestClient {
  const client = connectClient({ url: t.server.url, doc: 'seminar', token: viewerToken });
  clients.push(client);
  return client;
}

/** The names the host sees in others' presence. */
function namesAtHost(): string[] {
  const names: string[] = [];
  host.provider.awareness!.getStates().forEach((state, clientId) => {
    if (clientId === host.doc.clientID) return;
    const user = (state as { user?: { name?: unknown } }).user;
    if (user) names.push(String(user.name));
  });
  return names;
}

/** Whether the server's copy of the document's presence holds a state for `clientId`. */
const serverHas = (clientId: number) => t.server.hocuspocus.documents.get('seminar')!.awareness.getStates().has(clientId);

beforeAll(async () => {
  t = await startTestServer();
  const owner = await t.server.tokens.createDocument('seminar');
  viewerToken = (await t.server.tokens.issue('seminar', 'viewer')).token;
  host = connectClient({ url: t.server.url, doc: 'seminar', token: owner.token });
  clients.push(host);
  await host.synced();
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  await t.stop();
});

const attacks: [string, Record<string, unknown>][] = [
  ['a colour that is really CSS', { user: { id: 'p-mallory', name: 'Mallory', colour: '#0072b2; position:fixed; inset:0; z-index:2147483647' } }],
  ['a name over 80 characters', { user: { id: 'p-mallory', name: 'M'.repeat(81), colour: '#0072b2' } }],
  ['a name with a line break', { user: { id: 'p-mallory', name: 'Mallory\nthe host', colour: '#0072b2' } }],
  ['a field no client sends', { user: { id: 'p-mallory', name: 'Mallory', colour: '#0072b2' }, style: 'position:fixed' }],
  ['a state over the size limit', { user: { id: 'p-mallory', name: 'Mallory', colour: '#0072b2' }, node: 'n'.repeat(MAX_PRESENCE_BYTES) }],
];

describe('presence sent by a viewer', () => {
  it.each(attacks)('is refused for %s: not kept, not relayed; honest presence still arrives', async (_label, state) => {
    const mallory = joinAsViewer();
    const honest = joinAsViewer();
    await Promise.all([mallory.synced(), honest.synced()]);
    const before = t.logger.entries.filter((e) => e.msg === 'awareness refused').length;
    mallory.provider.awareness!.setLocalState(state);
    await waitFor(() => t.logger.entries.filter((e) => e.msg === 'awareness refused').length > before, 'the refusal');
    // Honest presence sent after the attack arrives; by then the attack would have too.
    honest.provider.awareness!.setLocalState({ user: { id: 'p-ana', name: 'Ana', colour: '#117733' }, node: null });
    await waitFor(() => namesAtHost().includes('Ana'), "the honest viewer's presence at the host");
    expect(namesAtHost().some((name) => name.startsWith('M'))).toBe(false);
    expect(serverHas(mallory.doc.clientID) && t.server.hocuspocus.documents.get('seminar')!.awareness.getStates().get(mallory.doc.clientID)?.user).toBeFalsy();
    mallory.destroy();
    honest.destroy();
    await waitFor(() => !namesAtHost().includes('Ana'), 'the honest viewer gone');
  });
});
