// A document stays in memory for the configured idle time after its last client leaves
// (a quick reconnect finds it warm), then is unloaded with its shadow copy, and loads
// back from the store intact.
import { describe, expect, it } from 'vitest';
import { connectClient } from '../test-support/clients';
import { startTestServer } from '../test-support/test-server';
import { waitFor } from '../test-support/wait';

describe('idle unload', () => {
  it('keeps a document warm while the idle time has not passed', async () => {
    const t = await startTestServer({ idleUnloadSeconds: 600 });
    try {
      const token = (await t.server.tokens.createDocument('seminar')).token;
      const first = connectClient({ url: t.server.url, doc: 'seminar', token });
      await first.synced();
      first.doc.getText('notes').insert(0, 'kept');
      await first.acknowledged();
      first.destroy();
      await waitFor(() => t.server.stats().sockets === 0, 'the socket to close');
      expect(t.server.stats()).toMatchObject({ documents: 1, guarded: 1 });
      const again = connectClient({ url: t.server.url, doc: 'seminar', token });
      await again.synced();
      expect(again.doc.getText('notes').toString()).toBe('kept');
      expect(t.logger.find({ msg: 'document loaded' })).toHaveLength(1);
      again.destroy();
    } finally {
      await t.stop();
    }
    // Closing the server unloads it regardless.
    expect(t.logger.find({ msg: 'document unloaded', doc: 'seminar' })).toHaveLength(1);
  });

  it('unloads a document and frees its shadow once idle, and reloads it from the store', async () => {
    const t = await startTestServer({ idleUnloadSeconds: 0.2 });
    try {
      const token = (await t.server.tokens.createDocument('seminar')).token;
      const first = connectClient({ url: t.server.url, doc: 'seminar', token });
      await first.synced();
      first.doc.getText('notes').insert(0, 'persisted');
      await first.acknowledged();
      first.destroy();
      await t.logger.waitFor({ msg: 'document unloaded', doc: 'seminar' });
      expect(t.server.stats()).toEqual({ documents: 0, guarded: 0, sockets: 0 });
      // The unload compacted the update log into one state.
      expect(await t.server.store.stats('seminar')).toMatchObject({ updates: 0 });
      const again = connectClient({ url: t.server.url, doc: 'seminar', token });
      await again.synced();
      expect(again.doc.getText('notes').toString()).toBe('persisted');
      expect(t.logger.find({ msg: 'document loaded' })).toHaveLength(2);
      again.destroy();
    } finally {
      await t.stop();
    }
  });
});
