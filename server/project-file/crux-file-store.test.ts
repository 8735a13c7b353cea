// The embedded server keeping a project in its .crux file: real server on loopback, real
// providers over WebSockets, real files. Edits land in the file as they are acknowledged,
// reopening the file brings them back, Save As goes on in the copy, and a file another
// store or process holds is refused with a message naming the holder.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createCruxServer, type CruxServer } from '../create-server';
import { connectClient, type TestClient } from '../test-support/clients';
import { MemoryLogger } from '../test-support/memory-logger';
import { CruxFile } from './crux-file';
import { CruxFileStore } from './crux-file-store';
import { CruxFileError } from './errors';
import { makeProject, readArticle, tempFolder, truncatedCopy } from './test-support/project';
import { bundleWriter, startWriter } from './test-support/writer-process';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A running server over a file store, closed (server, then store) after the test. */
async function serve(options: { compactAfter?: number } = {}): Promise<{ server: CruxServer; store: CruxFileStore }> {
  const store = new CruxFileStore(options);
  const server = await createCruxServer({
    host: '127.0.0.1',
    port: 0,
    store: { kind: 'provided', store },
    logger: new MemoryLogger(),
    idleUnloadSeconds: 0,
  });
  cleanups.push(() => store.close());
  cleanups.push(() => server.close());
  return { server, store };
}

/** A connected client of `name` with an owner token. */
async function client(server: CruxServer, name: string): Promise<TestClient> {
  const { token } = await server.tokens.issue(name, 'owner', 'test');
  const connected = connectClient({ url: server.url, doc: name, token });
  cleanups.push(() => connected.destroy());
  await connected.synced();
  return connected;
}

function thrown(fn: () => unknown): CruxFileError {
  try {
    fn();
  } catch (error) {
    if (error instanceof CruxFileError) return error;
    throw error;
  }
  throw new Error('expected a CruxFileError');
}

describe('the .crux file store of the embedded server', () => {
  it('appends each acknowledged edit to the file, and reopening the file brings the project back', async () => {
    const path = join(tempFolder(), 'week3.crux');
    const { server, store } = await serve();
    const project = store.open(path, { create: true, details: { title: 'Week 3' } });
    expect(project).toMatchObject({ path, meta: { title: 'Week 3' } });

    const writer = await client(server, project.name);
    const text = writer.doc.getText('article');
    for (const word of ['The ', 'split ', 'began ', 'in ', '1956.']) text.insert(text.length, word);
    await writer.acknowledged();
    // In the file's log before any compaction or close: a crash now would keep them.
    expect((await store.stats(project.name))!.updates).toBeGreaterThanOrEqual(5);

    writer.destroy();
    store.release(project.name);
    expect(existsSync(`${path}.lock`)).toBe(false);
    expect(readArticle(path)).toBe('The split began in 1956.');

    const again = store.open(path);
    expect(again.name).not.toBe(project.name);
    const reader = await client(server, again.name);
    expect(reader.doc.getText('article').toString()).toBe('The split began in 1956.');
  });

  it('lets two clients edit one file and keeps what both wrote', async () => {
    const path = join(tempFolder(), 'seminar.crux');
    const { server, store } = await serve({ compactAfter: 5 });
    const { name } = store.open(path, { create: true });
    const a = await client(server, name);
    const b = await client(server, name);
    for (let i = 0; i < 10; i++) {
      a.doc.getMap('notes').set(`a${i}`, i);
      b.doc.getMap('notes').set(`b${i}`, i);
    }
    await a.acknowledged();
    await b.acknowledged();
    // The server's debounced store hook compacts once enough is pending; nothing is lost by it.
    expect((await store.stats(name))!.updates).toBeGreaterThanOrEqual(5);
    expect((await store.compact(name)).merged).toBeGreaterThanOrEqual(5);
    expect((await store.stats(name))!.updates).toBe(0);
    store.release(name);
    const file = CruxFile.open(path);
    cleanups.push(() => file.close());
    expect(Object.keys(file.loadDoc().getMap('notes').toJSON()).sort()).toHaveLength(20);
  });

  it('Save As goes on in the copy with connected clients, and leaves the old file as it was then', async () => {
    const folder = tempFolder();
    const first = join(folder, 'draft.crux');
    const second = join(folder, 'final.crux');
    const { server, store } = await serve();
    const project = store.open(first, { create: true, details: { title: 'Draft' } });
    store.file(project.name).setOriginal(new TextEncoder().encode('source text'), 'source.txt', 'text/plain');
    const writer = await client(server, project.name);
    const text = writer.doc.getText('article');
    text.insert(0, 'before');
    await writer.acknowledged();

    const moved = store.saveAs(project.name, second);
    expect(moved).toMatchObject({ name: project.name, path: second, meta: { title: 'Draft' } });
    expect(existsSync(`${first}.lock`)).toBe(false);
    text.insert(text.length, ' and after');
    await writer.acknowledged();
    writer.destroy();
    store.release(project.name);

    expect(readArticle(first)).toBe('before');
    expect(readArticle(second)).toBe('before and after');
    const copy = CruxFile.open(second);
    cleanups.push(() => copy.close());
    expect(new TextDecoder().decode(copy.getOriginal()!.bytes)).toBe('source text');
  });

  it('refuses Save As onto the project itself or onto a file open elsewhere, and goes on in the old file', async () => {
    const folder = tempFolder();
    const path = join(folder, 'mine.crux');
    const busy = join(folder, 'busy.crux');
    const { store } = await serve();
    const { name } = store.open(path, { create: true });
    const other = CruxFile.open(busy, { create: true });
    cleanups.push(() => other.close());
    expect(thrown(() => store.saveAs(name, path)).message).toBe('“mine.crux” is this project itself; choose another name.');
    expect(thrown(() => store.saveAs(name, busy)).message).toBe(
      `“busy.crux” is open in another Crux window (pid ${process.pid}). Close it there first.`,
    );
    await store.append(name, Y.encodeStateAsUpdate(docWithText('still here')));
    store.release(name);
    expect(readArticle(path)).toBe('still here');
  });

  it('refuses a file a second store already has open, naming the window that holds it', async () => {
    const path = join(tempFolder(), 'shared.crux');
    const { store } = await serve();
    store.open(path, { create: true });
    const { store: second } = await serve();
    const error = thrown(() => second.open(path));
    expect(error.code).toBe('locked');
    expect(error.message).toBe(`“shared.crux” is open in another Crux window (pid ${process.pid}). Close it there first.`);
    expect(thrown(() => store.open(path)).message).toBe('“shared.crux” is already open in this window.');
    expect(second.names()).toEqual([]);
  });

  it('refuses a file another process is writing, naming that process', async () => {
    const folder = tempFolder();
    const path = join(folder, 'elsewhere.crux');
    const writer = startWriter(bundleWriter(folder), path, 1000);
    const { store } = await serve();
    let error: CruxFileError;
    try {
      await writer.ready;
      writer.go();
      await writer.whenOpen;
      error = thrown(() => store.open(path));
    } finally {
      await writer.kill();
    }
    expect(error.message).toBe(`“elsewhere.crux” is open in another Crux window (pid ${writer.child.pid}). Close it there first.`);
    expect(store.names()).toEqual([]);
  });

  it('refuses files that are not whole Crux projects with the file check’s own message', async () => {
    const folder = tempFolder();
    const { store } = await serve();
    const notes = join(folder, 'notes.crux');
    writeFileSync(notes, 'just some text\n');
    expect(thrown(() => store.open(notes)).message).toBe(
      '“notes.crux” is not a Crux project: it is a text file. To read it in Crux, import it as a document instead.',
    );
    const missing = join(folder, 'missing.crux');
    expect(thrown(() => store.open(missing)).code).toBe('not-found');
    const damaged = join(folder, 'damaged.crux');
    const whole = join(folder, 'whole.crux');
    makeProject(whole, { paragraphs: 20, tail: 3 });
    truncatedCopy(whole, damaged, 3000);
    const error = thrown(() => store.open(damaged));
    expect(error.code).toBe('damaged');
    expect(error.message).toContain('“damaged.recovered.crux”');
    expect(store.names()).toEqual([]);
  });

  it('refuses documents whose file is not open, and tokens for them', async () => {
    const { server, store } = await serve();
    await expect(store.load('nothing')).rejects.toThrow('No project file is open as “nothing”.');
    await expect(store.append('nothing', new Uint8Array([0, 0]))).rejects.toThrow('No project file is open as “nothing”.');
    await expect(server.tokens.issue('nothing', 'editor')).rejects.toThrow('no document named "nothing"');
    expect(await store.compact('nothing')).toEqual({ merged: 0, stateBytes: 0 });
    expect(() => new CruxFileStore({ compactAfter: 0 })).toThrow('compactAfter must be a positive integer, not 0');
  });

  it('forgets a released project’s tokens, so its links no longer connect', async () => {
    const { server, store } = await serve();
    const { name } = store.open(join(tempFolder(), 'gone.crux'), { create: true });
    const { token } = await server.tokens.issue(name, 'editor', 'group A');
    await expect(server.tokens.verify(name, token)).resolves.toMatchObject({ role: 'editor' });
    store.release(name);
    await expect(server.tokens.verify(name, token)).rejects.toThrow('unknown token');
    expect(await server.tokens.list(name)).toEqual([]);
  });
});

function docWithText(text: string): Y.Doc {
  const doc = new Y.Doc();
  doc.getText('article').insert(0, text);
  return doc;
}
