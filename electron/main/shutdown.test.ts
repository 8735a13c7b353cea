// Quitting waits for the sync server: the app quits only after it has closed (documents
// written), and services started before it (the project files) close after it.
import { EventEmitter } from 'node:events';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { connectClient, type TestClient } from '../../server/test-support/clients';
import { waitFor } from '../../server/test-support/wait';
import { recordingLogger, tempDir } from '../test-support/fakes';
import type { Service } from './service';
import { disposeOnQuit, type QuittingApp } from './shutdown';
import { SyncService } from './sync/sync-service';

/** Electron's app as far as quitting goes (Electron itself cannot run here). */
class FakeApp extends EventEmitter implements QuittingApp {
  quits = 0;
  quit(): void {
    this.quits++;
    this.emit('will-quit', { preventDefault: () => {} });
  }
}

/** Whether something still accepts TCP connections on `port` of loopback. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

describe('quitting', () => {
  const cleanups: (() => Promise<void>)[] = [];
  let client: TestClient | undefined;

  afterEach(async () => {
    client?.destroy();
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  it('holds will-quit until the sync server has closed, then closes earlier services and quits', async () => {
    const { dir, remove } = await tempDir('crux-quit-');
    cleanups.push(remove);
    const log = recordingLogger();
    const sync = new SyncService({ store: { kind: 'sqlite', path: join(dir, 'sync.db') }, appOrigins: ['app://crux'], log });
    cleanups.push(() => sync.dispose());
    await sync.start();
    const { url, token } = await sync.connection('project-1');
    const port = Number(new URL(url).port);
    const order: string[] = [];
    // Started before sync, like the project files: it must find the server already closed.
    const projects: Service = {
      start: () => {},
      dispose: async () => {
        order.push((await listening(port)) ? 'projects closed while the server listened' : 'projects closed after the server');
      },
    };
    const app = new FakeApp();
    disposeOnQuit(app, [projects, sync], log);

    client = connectClient({ url, doc: 'project-1', token });
    await client.synced();
    client.doc.getText('notes').insert(0, 'written before quitting');
    await client.acknowledged();

    let prevented = false;
    app.emit('will-quit', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    expect(app.quits).toBe(0);
    await waitFor(() => app.quits === 1, 'the app to quit once the services are disposed');
    expect(order).toEqual(['projects closed after the server']);
    expect(await listening(port)).toBe(false);
    expect(log.messages('error')).toEqual([]);
  });

  it('still quits, and closes the other services, when one fails to stop', async () => {
    const log = recordingLogger();
    const closed: string[] = [];
    const app = new FakeApp();
    disposeOnQuit(app, [
      { start: () => {}, dispose: () => void closed.push('first') },
      { start: () => {}, dispose: () => Promise.reject(new Error('disk full')) },
    ], log);
    app.emit('will-quit', { preventDefault: () => {} });
    await waitFor(() => app.quits === 1, 'the app to quit');
    expect(closed).toEqual(['first']);
    expect(log.messages('error')).toEqual(['A service failed to stop: disk full']);
  });
});
