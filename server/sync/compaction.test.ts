// When the server folds a document's update log into one state: not every few seconds
// while a seminar is busy (each fold holds up every message), but once the log is long,
// and when the document is unloaded. Nothing is lost either way.
import { describe, expect, it } from 'vitest';
import { connectClient } from '../test-support/clients';
import { startTestServer } from '../test-support/test-server';
import { sleep, waitFor } from '../test-support/wait';

describe('compaction while clients are connected', () => {
  it('leaves a short log alone, folds it once it is long, and keeps every change', async () => {
    const t = await startTestServer({ compactDebounceMs: 20, compactMaxDebounceMs: 50, compactAfterUpdates: 30, idleUnloadSeconds: 600 });
    try {
      const token = (await t.server.tokens.createDocument('seminar')).token;
      const client = connectClient({ url: t.server.url, doc: 'seminar', token });
      await client.synced();
      const notes = client.doc.getArray<number>('notes');
      for (let i = 0; i < 10; i++) {
        notes.push([i]);
        await client.acknowledged();
      }
      // Several debounce periods pass: the ten updates are still a log, not folded.
      await sleep(300);
      expect((await t.server.store.stats('seminar'))?.updates).toBe(10);

      for (let i = 10; i < 30; i++) {
        notes.push([i]);
        await client.acknowledged();
      }
      // The thirtieth update makes the log long enough: it is folded into the state.
      await waitFor(async () => (await t.server.store.stats('seminar'))?.updates === 0, 'the long log to be compacted');
      expect(t.logger.find({ msg: 'document compacted', doc: 'seminar' })).toEqual([expect.objectContaining({ merged: 30 })]);
      client.destroy();

      const reader = connectClient({ url: t.server.url, doc: 'seminar', token });
      await reader.synced();
      expect(reader.doc.getArray<number>('notes').toArray()).toEqual(Array.from({ length: 30 }, (_, i) => i));
      reader.destroy();
    } finally {
      await t.stop();
    }
  });

  it('with compactAfterUpdates 0, folds the log as soon as the debounce fires', async () => {
    const t = await startTestServer({ compactDebounceMs: 20, compactMaxDebounceMs: 50, compactAfterUpdates: 0, idleUnloadSeconds: 600 });
    try {
      const token = (await t.server.tokens.createDocument('seminar')).token;
      const client = connectClient({ url: t.server.url, doc: 'seminar', token });
      await client.synced();
      client.doc.getText('notes').insert(0, 'folded');
      await client.acknowledged();
      await waitFor(async () => (await t.server.store.stats('seminar'))?.updates === 0, 'the log to be compacted');
      client.destroy();
    } finally {
      await t.stop();
    }
  });

  it('refuses a negative threshold with a clear message', async () => {
    await expect(startTestServer({ compactAfterUpdates: -1 })).rejects.toThrow('compactAfterUpdates must be zero or more, not -1');
  });
});
