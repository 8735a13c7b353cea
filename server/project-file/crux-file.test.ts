// A project file through its life: created, written, reopened, compacted, versioned,
// holding its original — and refusing bad input without changing anything.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MAX_IMPORT_BYTES } from '../../shared/import/types';
import { ANNOTATIONS, ARTICLE } from '../../shared/model/roots';
import { CruxFile } from './crux-file';
import { CruxFileError } from './errors';
import { APPLICATION_ID, FORMAT_VERSION } from './format';
import { fileHash, makeProject, readArticle, tempFolder } from './test-support/project';

/** A document wired to a file: every change is appended as it happens. */
function liveDoc(file: CruxFile, doc = file.loadDoc()): Y.Doc {
  doc.on('update', (update: Uint8Array, origin: unknown) => file.appendUpdate(update, typeof origin === 'string' ? origin : ''));
  return doc;
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

describe('a new project file', () => {
  it('is created with its details, marked as a Crux project, and reopens with its content', () => {
    const path = join(tempFolder(), 'seminar.crux');
    const file = CruxFile.open(path, { create: true, details: { title: 'Week 3', sourceName: 'split.pdf', sourceFormat: 'pdf' } });
    const doc = liveDoc(file);
    doc.transact(() => {
      doc.getText(ARTICLE).insert(0, 'The split began with ideology.');
      doc.getMap(ANNOTATIONS).set('a1', 'evidence');
    }, 'ann');
    expect(file.meta).toMatchObject({ title: 'Week 3', sourceName: 'split.pdf', sourceFormat: 'pdf', formatVersion: FORMAT_VERSION });
    expect(file.meta.appVersion).toMatch(/^\d+\.\d+\.\d+/);
    file.close();
    expect(existsSync(`${path}.lock`)).toBe(false);
    expect(existsSync(`${path}-wal`)).toBe(false);

    const raw = new DatabaseSync(path, { readOnly: true });
    expect(raw.prepare('PRAGMA application_id').get()).toEqual({ application_id: APPLICATION_ID });
    expect(raw.prepare('PRAGMA user_version').get()).toEqual({ user_version: FORMAT_VERSION });
    raw.close();

    const again = CruxFile.open(path);
    const loaded = again.loadDoc();
    expect(loaded.getText(ARTICLE).toString()).toBe('The split began with ideology.');
    expect(loaded.getMap(ANNOTATIONS).get('a1')).toBe('evidence');
    expect(again.meta.title).toBe('Week 3');
    again.close();
  });

  it('is not created by a plain open', () => {
    const path = join(tempFolder(), 'missing.crux');
    const error = thrown(() => CruxFile.open(path));
    expect(error.code).toBe('not-found');
    expect(error.message).toBe('“missing.crux” doesn’t exist. It may have been moved, renamed or deleted.');
    expect(existsSync(path)).toBe(false);
  });

  it('changes its details, and refuses bad ones without changing anything', () => {
    const path = join(tempFolder(), 'details.crux');
    const file = CruxFile.open(path, { create: true });
    file.setDetails({ title: '  Seminar notes ', sourceFormat: 'md' });
    expect(file.meta).toMatchObject({ title: 'Seminar notes', sourceFormat: 'md', sourceName: null });
    expect(() => file.setDetails({ title: 'x'.repeat(501) })).toThrow('A project title is a text of up to 500 characters.');
    expect(() => file.setDetails({ sourceFormat: 'rtf' as 'md' })).toThrow(
      '“rtf” is not a format Crux imports (txt, md, html, pdf, docx).',
    );
    expect(() => file.setDetails({ sourceName: ' ' })).toThrow('A source file name can’t be empty.');
    expect(file.meta).toMatchObject({ title: 'Seminar notes', sourceFormat: 'md', sourceName: null });
    file.close();
  });
});

describe('appending updates', () => {
  it('keeps each update with its time and origin until compaction', () => {
    const path = join(tempFolder(), 'log.crux');
    const file = CruxFile.open(path, { create: true });
    const doc = liveDoc(file);
    doc.transact(() => doc.getText(ARTICLE).insert(0, 'one '), 'ann');
    doc.transact(() => doc.getText(ARTICLE).insert(4, 'two'), 'bob');
    expect(file.pendingUpdates).toBe(2);
    file.close({ compact: false });
    const raw = new DatabaseSync(path, { readOnly: true });
    expect(raw.prepare('SELECT origin FROM updates ORDER BY id').all().map((r) => r.origin)).toEqual(['ann', 'bob']);
    raw.close();
  });

  it('refuses what is not a Yjs update, and writes nothing of a batch with one bad entry', () => {
    const path = join(tempFolder(), 'bad.crux');
    const file = CruxFile.open(path, { create: true });
    const good = (() => {
      const doc = new Y.Doc();
      doc.getText(ARTICLE).insert(0, 'kept out');
      return Y.encodeStateAsUpdate(doc);
    })();
    expect(thrown(() => file.appendUpdate(new Uint8Array(0))).message).toBe('Update 1 is empty: nothing was saved.');
    expect(thrown(() => file.appendUpdates([{ update: good }, { update: new Uint8Array([200, 1, 7, 9]) }])).message).toBe(
      'Update 2 is not a Yjs update (4 bytes that do not decode): nothing was saved.',
    );
    expect(() => file.appendUpdates([{ update: good, at: -5 }])).toThrow('Update 1 has no valid time: nothing was saved.');
    expect(() => file.appendUpdates([{ update: good, origin: 'o'.repeat(501) }])).toThrow(
      'Update 1 has an origin that is not a short text: nothing was saved.',
    );
    expect(file.pendingUpdates).toBe(0);
    expect(file.loadDoc().getText(ARTICLE).toString()).toBe('');
    file.close();
  });

  it('is refused after close with a plain message', () => {
    const file = CruxFile.open(join(tempFolder(), 'closed.crux'), { create: true });
    file.close();
    expect(thrown(() => file.loadDoc()).message).toBe('“closed.crux” is already closed.');
  });
});

describe('compaction', () => {
  it('folds updates into the state, keeps the content and the versions, and refreshes the backup', () => {
    const path = join(tempFolder(), 'compact.crux');
    const file = CruxFile.open(path, { create: true });
    const doc = liveDoc(file);
    const text = doc.getText(ARTICLE);
    for (let i = 0; i < 300; i++) text.insert(text.length, `w${i} `);
    file.addVersion('First draft', doc, 'Ann');
    text.delete(0, 100);
    expect(file.pendingUpdates).toBe(301);

    const result = file.compact();
    expect(result).toMatchObject({ merged: 301, backupPath: `${path}.bak` });
    expect(file.pendingUpdates).toBe(0);
    expect(file.stats()).toMatchObject({ pendingUpdates: 0, stateBytes: result.stateBytes });
    expect(file.loadDoc().getText(ARTICLE).toString()).toBe(text.toString());
    expect(file.loadVersion(1).getText(ARTICLE).toString().startsWith('w0 w1 w2 ')).toBe(true);
    expect(file.compact()).toMatchObject({ merged: 0, backupPath: null });
    file.close();

    // The backup is a whole project as of the compaction.
    expect(readArticle(`${path}.bak`)).toBe(text.toString());
  });

  it('keeps deleted content through compaction, so a version in the document still opens', () => {
    const path = join(tempFolder(), 'history.crux');
    const file = CruxFile.open(path, { create: true });
    const doc = liveDoc(file, new Y.Doc({ gc: false }));
    doc.getText(ARTICLE).insert(0, 'Kept for history.');
    const then = Y.snapshot(doc);
    doc.getText(ARTICLE).delete(0, 'Kept for '.length);
    file.compact();
    file.close();
    const again = CruxFile.open(path);
    const loaded = again.loadDoc();
    expect(loaded.gc).toBe(false);
    expect(loaded.getText(ARTICLE).toString()).toBe('history.');
    expect(Y.createDocFromSnapshot(loaded, then).getText(ARTICLE).toString()).toBe('Kept for history.');
    again.close();
  });

  it('shrinks the file: the folded updates leave no pages behind', () => {
    const folder = tempFolder();
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    for (let i = 0; i < 5000; i++) doc.getText(ARTICLE).insert(i, 'x');
    const sizeAfterClose = (name: string, compact: boolean) => {
      const file = CruxFile.open(join(folder, name), { create: true });
      file.appendUpdates(updates.map((update) => ({ update })));
      file.close({ compact });
      return readFileSync(join(folder, name)).byteLength;
    };
    expect(sizeAfterClose('compacted.crux', true)).toBeLessThan(sizeAfterClose('log.crux', false) / 4);
  });
});

describe('named versions', () => {
  it('opens an old version read-only while the document moves on', () => {
    const path = join(tempFolder(), 'versions.crux');
    const file = CruxFile.open(path, { create: true });
    const doc = liveDoc(file);
    const text = doc.getText(ARTICLE);
    text.insert(0, 'Realist reading.');
    const v1 = file.addVersion('  Before class ', doc, 'Ann');
    text.delete(0, text.length);
    text.insert(0, 'Ideological reading.');
    const v2 = file.addVersion('After class', doc, 'Bob');
    text.insert(text.length, ' Revised.');
    file.compact();
    file.close();

    const again = CruxFile.open(path);
    expect(again.listVersions().map(({ id, name, author }) => ({ id, name, author }))).toEqual([
      { id: v1.id, name: 'Before class', author: 'Ann' },
      { id: v2.id, name: 'After class', author: 'Bob' },
    ]);
    const old = again.loadVersion(v1.id);
    expect(old.getText(ARTICLE).toString()).toBe('Realist reading.');
    // The copy is detached: editing it changes nothing in the file.
    old.getText(ARTICLE).insert(0, 'Scribble. ');
    expect(again.pendingUpdates).toBe(0);
    expect(again.loadVersion(v1.id).getText(ARTICLE).toString()).toBe('Realist reading.');
    expect(again.loadVersion(v2.id).getText(ARTICLE).toString()).toBe('Ideological reading.');
    expect(again.loadDoc().getText(ARTICLE).toString()).toBe('Ideological reading. Revised.');
    // The snapshot says what the version had seen.
    const snapshot = again.versionSnapshot(v1.id);
    expect(Y.equalSnapshots(snapshot, again.versionSnapshot(v1.id))).toBe(true);
    expect(Y.equalSnapshots(snapshot, again.versionSnapshot(v2.id))).toBe(false);

    expect(() => again.loadVersion(99)).toThrow('This project has no version 99.');
    expect(() => again.addVersion(' ', doc, 'Ann')).toThrow('A version name can’t be empty.');
    expect(() => again.addVersion('Named', doc, '')).toThrow('An author can’t be empty.');
    expect(again.listVersions()).toHaveLength(2);
    again.close();
  });
});

describe('the original imported file', () => {
  it('comes back byte for byte, with its SHA-256', () => {
    const path = join(tempFolder(), 'original.crux');
    const file = CruxFile.open(path, { create: true });
    expect(file.getOriginal()).toBeNull();
    const bytes = new Uint8Array(300_000);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 251;
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    expect(file.setOriginal(bytes, 'split.pdf', 'application/pdf').sha256).toBe(sha256);
    file.close();

    const again = CruxFile.open(path);
    const original = again.getOriginal();
    expect(original).toMatchObject({ name: 'split.pdf', mediaType: 'application/pdf', sha256 });
    expect(Buffer.from(original!.bytes).equals(Buffer.from(bytes))).toBe(true);
    again.close();
  });

  it('refuses an empty file, a bad media type or a missing name, keeping the one stored', () => {
    const path = join(tempFolder(), 'original-bad.crux');
    const file = CruxFile.open(path, { create: true });
    file.setOriginal(new Uint8Array([1, 2, 3]), 'notes.md', 'text/markdown');
    const before = fileHash(path);
    expect(() => file.setOriginal(new Uint8Array(0), 'empty.txt', 'text/plain')).toThrow(
      'The original file is empty: there is nothing to keep.',
    );
    expect(() => file.setOriginal(new Uint8Array([1]), 'a.txt', 'plain text')).toThrow(
      '“plain text” is not a media type (such as application/pdf).',
    );
    expect(() => file.setOriginal(new Uint8Array([1]), '', 'text/plain')).toThrow('The original file’s name can’t be empty.');
    expect(() => file.setOriginal(new Uint8Array(MAX_IMPORT_BYTES + 1), 'huge.pdf', 'application/pdf')).toThrow(
      'The original file is just over 50 MB, over the 50 MB Crux imports.',
    );
    expect(fileHash(path)).toBe(before);
    expect(file.getOriginal()).toMatchObject({ name: 'notes.md', bytes: new Uint8Array([1, 2, 3]) });
    file.close();
  });
});

describe('a project made by the test helper', () => {
  it('holds its compacted part and its tail', () => {
    const path = join(tempFolder(), 'helper.crux');
    const content = makeProject(path, { paragraphs: 5, tail: 3 });
    expect(content.final.startsWith(content.compacted)).toBe(true);
    expect(readArticle(path)).toBe(content.final);
  });
});
