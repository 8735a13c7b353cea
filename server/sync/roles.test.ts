// Roles are enforced by the server: a viewer's edit and a commenter's edit outside the
// comments are refused (not applied, not stored, never seen by anyone else), while a
// commenter's comment and an editor's edit go through.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ARTICLE, COMMENTS } from '../../shared/model/roots';
import { encodeAuthToken } from '../../shared/sync/auth-token';
import { connectClient, type TestClient } from '../test-support/clients';
import { commentText, writeComment } from '../test-support/records';
import { newPersonKey } from '../test-support/seminar';
import { startTestServer, type TestServer } from '../test-support/test-server';
import { waitFor } from '../test-support/wait';
import { MAX_REFUSED_UPDATES } from './guard-extension';

let t: TestServer;
const tokens: Record<string, string> = {};
let observer: TestClient;
const clients: TestClient[] = [];

/** Joins with the role's token, as `person` if given (a new key each time: a person id per test). */
function join(role: string, person?: string): TestClient {
  const token = person ? encodeAuthToken(tokens[role]!, person, newPersonKey()) : tokens[role]!;
  const client = connectClient({ url: t.server.url, doc: 'seminar', token });
  clients.push(client);
  return client;
}

function addParagraph(doc: Y.Doc, text: string): void {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment(ARTICLE).push([paragraph]);
}

const articleOf = (doc: Y.Doc) => doc.getXmlFragment(ARTICLE).toString();

async function storedDoc(): Promise<Y.Doc> {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, (await t.server.store.load('seminar'))!);
  return doc;
}

/** An editor change that must reach the observer; once it has, anything refused earlier would have too. */
async function barrier(label: string): Promise<void> {
  const editor = join('editor');
  await editor.synced();
  editor.doc.getMap('barriers').set(label, true);
  await waitFor(() => observer.doc.getMap('barriers').get(label) === true, `barrier ${label} at the observer`);
  editor.destroy();
}

beforeAll(async () => {
  t = await startTestServer();
  const owner = await t.server.tokens.createDocument('seminar');
  tokens.owner = owner.token;
  for (const role of ['editor', 'commenter', 'viewer'] as const) {
    tokens[role] = (await t.server.tokens.issue('seminar', role)).token;
  }
  const host = join('owner');
  await host.synced();
  addParagraph(host.doc, 'The reading.');
  await host.acknowledged();
  observer = join('editor');
  await observer.synced();
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  await t.stop();
});

describe('roles', () => {
  it("refuses a viewer's edit: not applied, not stored, not seen by others", async () => {
    const viewer = join('viewer');
    await viewer.synced();
    expect(viewer.provider.authorizedScope).toBe('readonly');
    addParagraph(viewer.doc, 'Viewer was here.');
    await t.logger.waitFor({ msg: 'update refused', role: 'viewer', reason: 'viewers cannot change the document' });
    await barrier('after-viewer');
    expect(articleOf(observer.doc)).not.toContain('Viewer was here.');
    expect(articleOf(t.server.hocuspocus.documents.get('seminar')!)).not.toContain('Viewer was here.');
    expect(articleOf(await storedDoc())).not.toContain('Viewer was here.');
    expect(viewer.provider.hasUnsyncedChanges).toBe(true);
  });

  it("refuses a commenter's edit outside the comments, and its later updates that depend on it", async () => {
    const commenter = join('commenter');
    await commenter.synced();
    addParagraph(commenter.doc, 'Commenter rewrote this.');
    await t.logger.waitFor({
      msg: 'update refused',
      role: 'commenter',
      reason: 'commenters may only change comments and their own name (update touches article)',
    });
    // Its next change builds on the refused one (same client clock), so it cannot be taken either.
    commenter.doc.getMap(COMMENTS).set('after-refusal', 'hmm');
    await t.logger.waitFor({ msg: 'update refused', reason: 'update depends on changes the server does not have (an earlier one was refused)' });
    await barrier('after-commenter');
    expect(articleOf(observer.doc)).not.toContain('Commenter rewrote this.');
    expect(observer.doc.getMap(COMMENTS).has('after-refusal')).toBe(false);
    const stored = await storedDoc();
    expect(articleOf(stored)).not.toContain('Commenter rewrote this.');
    expect(stored.getMap(COMMENTS).has('after-refusal')).toBe(false);
    // The connection stays open: a refused update is answered, not punished.
    expect(commenter.socket.status).toBe('connected');
  });

  it("accepts a commenter's comment: it reaches the others and the store", async () => {
    const commenter = join('commenter', 'cam');
    await commenter.synced();
    writeComment(commenter.doc, 'thread-1', { author: 'cam', text: 'Is this claim supported?' });
    await commenter.acknowledged();
    await waitFor(() => commentText(observer.doc, 'thread-1') !== undefined, 'the comment at the observer');
    expect(commentText(await storedDoc(), 'thread-1')).toBe('Is this claim supported?');
  });

  it("accepts an editor's and an owner's edits anywhere", async () => {
    const editor = join('editor');
    const owner = join('owner', 'olga');
    await Promise.all([editor.synced(), owner.synced()]);
    addParagraph(editor.doc, 'Editor fixed a typo.');
    writeComment(owner.doc, 'owner-note', { author: 'olga', text: 'resolved' });
    await Promise.all([editor.acknowledged(), owner.acknowledged()]);
    await waitFor(() => articleOf(observer.doc).includes('Editor fixed a typo.'), 'the edit at the observer');
    await waitFor(() => commentText(observer.doc, 'owner-note') === 'resolved', 'the owner note');
    const stored = await storedDoc();
    expect(articleOf(stored)).toContain('Editor fixed a typo.');
    expect(commentText(stored, 'owner-note')).toBe('resolved');
  });
});

describe('a client that keeps sending refused updates', () => {
  it(`is disconnected after ${MAX_REFUSED_UPDATES} refusals (each one costs the server a rebuild)`, async () => {
    const commenter = join('commenter');
    await commenter.synced();
    for (let i = 0; i < MAX_REFUSED_UPDATES; i++) addParagraph(commenter.doc, `attempt ${i}`);
    await waitFor(
      () => commenter.closes.some((c) => c.code === 4403 && c.reason === 'too many refused updates'),
      'the socket to be closed',
    );
    await t.logger.waitFor({ msg: 'socket closed', reason: 'too many refused updates' });
    commenter.destroy();
    await barrier('after-flood');
    expect(articleOf(observer.doc)).not.toContain('attempt');
  });
});
