// Continuous autosave: updates are written in batches soon after they happen, all of them
// on close, a bad update is refused at once, and a failed write keeps the updates queued.
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { ARTICLE } from '../../shared/model/roots';
import { Autosave } from './autosave';
import { CruxFile } from './crux-file';
import { CruxFileError } from './errors';
import { readArticle, tempFolder } from './test-support/project';

/** A document whose updates go into `autosave`. */
function docSavedBy(autosave: Autosave): Y.Doc {
  const doc = new Y.Doc();
  doc.on('update', (update: Uint8Array) => autosave.push(update, 'ann'));
  return doc;
}

describe('autosave', () => {
  it('writes a burst of updates as one batch, shortly after the first', async () => {
    const path = join(tempFolder(), 'burst.crux');
    const file = CruxFile.open(path, { create: true });
    const autosave = new Autosave(file, { delayMs: 50 });
    const doc = docSavedBy(autosave);
    for (const word of ['The ', 'split ', 'was ', 'ideological.']) doc.getText(ARTICLE).insert(doc.getText(ARTICLE).length, word);
    expect(autosave.queued).toBe(4);
    expect(file.pendingUpdates).toBe(0);
    await vi.waitFor(() => expect(file.pendingUpdates).toBe(4));
    expect(autosave.queued).toBe(0);
    autosave.close();
    file.close();
    expect(readArticle(path)).toBe('The split was ideological.');
  });

  it('writes what is still queued when it closes', () => {
    const path = join(tempFolder(), 'close.crux');
    const file = CruxFile.open(path, { create: true });
    const autosave = new Autosave(file, { delayMs: 60_000 });
    docSavedBy(autosave).getText(ARTICLE).insert(0, 'Saved on close.');
    expect(autosave.close()).toBe(true);
    file.close();
    expect(readArticle(path)).toBe('Saved on close.');
  });

  it('compacts the file once enough updates are pending', () => {
    const file = CruxFile.open(join(tempFolder(), 'compacting.crux'), { create: true });
    const autosave = new Autosave(file, { compactAfter: 10 });
    const doc = docSavedBy(autosave);
    for (let i = 0; i < 9; i++) doc.getText(ARTICLE).insert(0, 'x');
    autosave.flush();
    expect(file.pendingUpdates).toBe(9);
    doc.getText(ARTICLE).insert(0, 'y');
    autosave.flush();
    expect(file.pendingUpdates).toBe(0);
    expect(file.loadDoc().getText(ARTICLE).toString()).toBe('yxxxxxxxxx');
    autosave.close();
    file.close();
  });

  it('refuses what is not a Yjs update at once, queueing nothing', () => {
    const file = CruxFile.open(join(tempFolder(), 'refuse.crux'), { create: true });
    const autosave = new Autosave(file);
    expect(() => autosave.push(new Uint8Array([9, 9, 9]))).toThrow(
      'Update 1 is not a Yjs update (3 bytes that do not decode): nothing was saved.',
    );
    expect(autosave.queued).toBe(0);
    autosave.close();
    file.close();
  });

  it('keeps the updates queued and reports the error when a write fails', () => {
    const path = join(tempFolder(), 'failing.crux');
    const file = CruxFile.open(path, { create: true });
    const errors: unknown[] = [];
    const autosave = new Autosave(file, { onError: (error) => errors.push(error) });
    docSavedBy(autosave).getText(ARTICLE).insert(0, 'Not lost.');
    file.close();
    expect(autosave.flush()).toBe(false);
    expect(autosave.queued).toBe(1);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(CruxFileError);
    expect((errors[0] as CruxFileError).message).toBe('“failing.crux” is already closed.');
    expect(autosave.close()).toBe(false);
    expect(() => autosave.push(new Uint8Array([0, 0]))).toThrow('This autosave is closed.');
  });
});
