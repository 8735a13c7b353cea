// Named versions through the real server: it keeps deleted content (no Yjs garbage
// collection in memory, in the store or at compaction), so a version named by one client
// opens at another that joins later; and a commenter cannot name a version.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { articleText } from '../../shared/anchoring/anchor';
import { createLocalOrigin, createVersion, listVersions, openVersion } from '../../shared/model';
import { paragraphs, replaceText, writeArticle } from '../../shared/test-support/article';
import { encodeAuthToken } from '../../shared/sync/auth-token';
import { connectClient, type TestClient } from '../test-support/clients';
import { newPersonKey } from '../test-support/seminar';
import { startTestServer, type TestServer } from '../test-support/test-server';
import { waitFor } from '../test-support/wait';

let t: TestServer;
const tokens: Record<string, string> = {};
const clients: TestClient[] = [];
const ana = createLocalOrigin('ana');

const keys: Record<string, string> = {};

/** Joins with the role's token as `person` (the server checks a version's author against it). */
function join(role: string, person: string): TestClient {
  const token = encodeAuthToken(tokens[role]!, person, (keys[person] ??= newPersonKey()));
  const client = connectClient({ url: t.server.url, doc: 'seminar', token, ydoc: new Y.Doc({ gc: false }) });
  clients.push(client);
  return client;
}

beforeAll(async () => {
  t = await startTestServer();
  const owner = await t.server.tokens.createDocument('seminar');
  tokens.owner = owner.token;
  for (const role of ['editor', 'commenter'] as const) tokens[role] = (await t.server.tokens.issue('seminar', role)).token;
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  await t.stop();
});

describe('named versions on the server', () => {
  it('keeps what a version needs through unload and compaction, so a later client opens it', async () => {
    const editor = join('editor', 'ana');
    await editor.synced();
    writeArticle(editor.doc, paragraphs(['The first sentence stays.', 'The second sentence goes.']));
    const id = createVersion(editor.doc, { name: 'Both sentences', author: 'ana' }, ana);
    const text = articleText(editor.doc).text;
    const at = text.indexOf('The second');
    replaceText(editor.doc, at, text.length, '');
    await editor.acknowledged();
    editor.destroy();
    // The document unloads once its last client leaves (idle 0 s), compacting the store.
    await waitFor(() => !t.server.hocuspocus.documents.has('seminar'), 'the document to unload');
    await t.server.store.compact('seminar');

    const later = join('owner', 'olga');
    await later.synced();
    expect(t.server.hocuspocus.documents.get('seminar')?.gc).toBe(false);
    expect(articleText(later.doc).text).not.toContain('The second');
    expect(listVersions(later.doc).map((v) => v.name)).toEqual(['Both sentences']);
    expect(articleText(openVersion(later.doc, id)).text).toBe(text);
  });

  it("refuses a commenter's version: not applied, not stored, not seen by others", async () => {
    const observer = join('owner', 'olga');
    const commenter = join('commenter', 'carl');
    await Promise.all([observer.synced(), commenter.synced()]);
    createVersion(commenter.doc, { name: 'By a commenter', author: 'carl' }, createLocalOrigin('carl'));
    await t.logger.waitFor({ msg: 'update refused', role: 'commenter', reason: 'commenters may only change comments and their own name (update touches versions)' });
    // An editor's change sent afterwards reaches the observer; the refused one never does.
    const editor = join('editor', 'ed');
    await editor.synced();
    editor.doc.getMap('barrier').set('after', true);
    await waitFor(() => observer.doc.getMap('barrier').get('after') === true, 'the barrier at the observer');
    expect(listVersions(observer.doc).map((v) => v.name)).not.toContain('By a commenter');
    const stored = new Y.Doc({ gc: false });
    Y.applyUpdate(stored, (await t.server.store.load('seminar'))!);
    expect(listVersions(stored).map((v) => v.name)).toEqual(['Both sentences']);
  });
});
