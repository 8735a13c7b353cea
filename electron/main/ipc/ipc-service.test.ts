import { describe, expect, it } from 'vitest';
import { RendererToMain } from '../../../shared/ipc/contract';
import { NO_MENU_HANDLERS, NO_PROJECT_HANDLERS, recordingLogger } from '../../test-support/fakes';
import { IpcService, type IpcMainLike } from './ipc-service';
import type { RequestHandlers } from './request-dispatcher';
import type { InvokeEvent } from './sender-policy';
import { SyncService, syncHandlers } from '../sync/sync-service';

/** Sync handlers over a service that is never started (these tests do not reach them). */
const IDLE_SYNC = syncHandlers(new SyncService({ store: { kind: 'sqlite', path: ':unused:' }, appOrigins: [], log: recordingLogger() }));

type Listener = (event: InvokeEvent, ...args: unknown[]) => Promise<unknown>;

/** A stand-in for Electron's ipcMain: a table of handlers. */
function fakeIpcMain() {
  const handlers = new Map<string, Listener>();
  const ipcMain: IpcMainLike = {
    handle: (channel, listener) => {
      if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      handlers.set(channel, listener);
    },
    removeHandler: (channel) => void handlers.delete(channel),
  };
  return { ipcMain, handlers };
}

const handlers: RequestHandlers = {
  'file:open-dialog': async () => null,
  'file:open-annotations': async () => null,
  'file:open-recent': async (path) => ({ name: 'x.txt', path, bytes: new Uint8Array([1]) }),
  'file:recent-list': async () => [],
  'file:note-opened': async () => undefined,
  'file:save': async () => false,
  'shell:open-external': async () => undefined,
  ...IDLE_SYNC,
  ...NO_PROJECT_HANDLERS,
  ...NO_MENU_HANDLERS,
};
const trusted = { isAppUrl: (url: string) => url.startsWith('app://crux/'), ownsContents: () => true };
const appEvent: InvokeEvent = { sender: { id: 1 }, senderFrame: { url: 'app://crux/index.html', parent: null } };

describe('IpcService', () => {
  it('registers a handler for every renderer → main channel of the contract', () => {
    const fake = fakeIpcMain();
    new IpcService({ ipcMain: fake.ipcMain, handlers, trusted, log: recordingLogger() }).start();
    expect([...fake.handlers.keys()].sort()).toEqual(Object.keys(RendererToMain).sort());
  });

  it('routes requests through validation', async () => {
    const fake = fakeIpcMain();
    new IpcService({ ipcMain: fake.ipcMain, handlers, trusted, log: recordingLogger() }).start();
    const openRecent = fake.handlers.get('file:open-recent') as Listener;
    await expect(openRecent(appEvent, '/x.txt')).resolves.toMatchObject({ name: 'x.txt', path: '/x.txt' });
    await expect(openRecent(appEvent, 1)).rejects.toThrow(/bad arguments/);
    const evil: InvokeEvent = { sender: { id: 1 }, senderFrame: { url: 'https://evil.example/', parent: null } };
    await expect(openRecent(evil, '/x.txt')).rejects.toThrow(/not from Crux's own page/);
  });

  it('removes its handlers on dispose', () => {
    const fake = fakeIpcMain();
    const service = new IpcService({ ipcMain: fake.ipcMain, handlers, trusted, log: recordingLogger() });
    service.start();
    service.dispose();
    service.dispose();
    expect(fake.handlers.size).toBe(0);
  });
});
