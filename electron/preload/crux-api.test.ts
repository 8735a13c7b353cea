import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { CruxApi, DroppedFile, EventOf, RendererToMainChannel } from '../../shared/ipc/contract';
import { createRequestDispatcher, type RequestHandlers } from '../main/ipc/request-dispatcher';
import { NO_MENU_HANDLERS, NO_PROJECT_HANDLERS, recordingLogger } from '../test-support/fakes';
import { mainErrorMessage } from '../../shared/ipc/errors';
import { createCruxApi, type IpcRendererLike } from './crux-api';
import { SyncService, syncHandlers } from '../main/sync/sync-service';

type Relay = (event: unknown, ...args: unknown[]) => void;

/** A stand-in for Electron's ipcRenderer: invoke answered by `answer`, events from an emitter. */
class FakeIpcRenderer implements IpcRendererLike {
  readonly emitter = new EventEmitter();
  readonly invoked: [string, unknown[]][] = [];
  constructor(private readonly answer: (channel: string, args: unknown[]) => Promise<unknown>) {}
  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invoked.push([channel, args]);
    return this.answer(channel, args);
  }
  on(channel: string, listener: Relay): this {
    this.emitter.on(channel, listener);
    return this;
  }
  removeListener(channel: string, listener: Relay): this {
    this.emitter.removeListener(channel, listener);
    return this;
  }
  /** What Electron does when the main process sends an event. */
  deliver(channel: string, payload: unknown): void {
    this.emitter.emit(channel, { sender: 'the ipcRenderer itself' }, payload);
  }
}

function build(answer: (channel: string, args: unknown[]) => Promise<unknown> = async () => undefined) {
  const ipc = new FakeIpcRenderer(answer);
  const reports: string[] = [];
  const api = createCruxApi({
    ipc,
    getPathForFile: (file) => {
      if ((file as { fake?: boolean }).fake) throw new TypeError('Invalid file');
      return file.name === 'in-memory.txt' ? '' : `/home/reader/${file.name}`;
    },
    platform: 'linux',
    reportInvalid: (message) => void reports.push(message),
  });
  return { api, ipc, reports };
}

/** `api.invoke` without the contract's compile-time checks, as a hostile page could call it. */
function untypedInvoke(api: CruxApi, channel: string, ...args: unknown[]): Promise<unknown> {
  return (api.invoke as unknown as (c: string, ...a: unknown[]) => Promise<unknown>)(channel, ...args);
}

describe('preload API', () => {
  it('exposes exactly invoke, on, pathForFile and platform', () => {
    const { api } = build();
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on', 'pathForFile', 'platform']);
    expect(api.platform).toBe('linux');
  });

  it('sends requests on contract channels and returns the answer', async () => {
    const { api, ipc } = build(async () => [{ path: '/a.txt', name: 'a.txt', openedAt: 5 }]);
    expect(await api.invoke('file:recent-list')).toEqual([{ path: '/a.txt', name: 'a.txt', openedAt: 5 }]);
    expect(ipc.invoked).toEqual([['file:recent-list', []]]);
  });

  it('throws for any channel outside the contract, sending nothing', async () => {
    const { api, ipc } = build();
    await expect(untypedInvoke(api, 'fs:read', '/etc/passwd')).rejects.toThrow('crux.invoke: "fs:read" is not a request channel.');
    await expect(untypedInvoke(api, 'file:opened')).rejects.toThrow('"file:opened" is not a request channel');
    await expect(untypedInvoke(api, 'constructor')).rejects.toThrow('is not a request channel');
    await expect(untypedInvoke(api, 42 as unknown as string)).rejects.toThrow('crux.invoke: a number is not a request channel.');
    expect(ipc.invoked).toEqual([]);
  });

  it('checks the arguments before sending', async () => {
    const { api, ipc } = build();
    await expect(untypedInvoke(api, 'file:open-recent', 7)).rejects.toThrow(/^crux\.invoke\("file:open-recent"\): bad arguments\./);
    await expect(untypedInvoke(api, 'shell:open-external', 'x'.repeat(3000))).rejects.toThrow(/bad arguments/);
    expect(ipc.invoked).toEqual([]);
  });

  it("rejects with the main process's own message", async () => {
    const { api } = build(async () => {
      throw new Error(`Error invoking remote method 'file:open-recent': FileOpenError: "a.pdf" is 60 MB; Crux opens files of up to 50 MB.`);
    });
    await expect(api.invoke('file:open-recent', '/a.pdf')).rejects.toThrow(/^"a\.pdf" is 60 MB; Crux opens files of up to 50 MB\.$/);
  });

  it('rejects an answer outside the contract', async () => {
    const { api } = build(async () => ({ not: 'a list' }));
    await expect(api.invoke('file:recent-list')).rejects.toThrow('crux.invoke("file:recent-list"): the main process answered outside the contract.');
  });

  it('subscribes only to contract events, passing the payload and never the Electron event', () => {
    const { api, ipc } = build();
    const received: unknown[][] = [];
    api.on('menu:command', (...args: unknown[]) => void received.push(args));
    ipc.deliver('menu:command', 'find');
    expect(received).toEqual([['find']]);
    expect(() => (api.on as (c: string, l: () => void) => void)('file:open-dialog', () => undefined)).toThrow(
      'crux.on: "file:open-dialog" is not an event channel.',
    );
    expect(() => (api.on as (c: string, l: unknown) => void)('menu:command', 'not a function')).toThrow(
      'crux.on("menu:command"): the listener must be a function.',
    );
  });

  it('drops events whose payload is outside the contract, and reports them', () => {
    const { api, ipc, reports } = build();
    const received: EventOf<'file:opened'>[] = [];
    api.on('file:opened', (file) => void received.push(file));
    ipc.deliver('file:opened', { name: 'a.txt', path: null, bytes: 'not bytes' });
    ipc.deliver('file:opened', { name: 'a.txt', path: '/a.txt', bytes: new Uint8Array([104, 105]) });
    expect(received.map((file) => file.name)).toEqual(['a.txt']);
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatch(/^crux\.on\("file:opened"\): ignored an event outside the contract\./);
  });

  it('unsubscribes', () => {
    const { api, ipc } = build();
    const received: string[] = [];
    const unsubscribe = api.on('menu:command', (command) => void received.push(command));
    unsubscribe();
    ipc.deliver('menu:command', 'find');
    expect(received).toEqual([]);
    expect(ipc.emitter.listenerCount('menu:command')).toBe(0);
  });

  it('gives the path of a dropped file, or null where it has none', () => {
    const { api } = build();
    expect(api.pathForFile({ name: 'essay.pdf', size: 10 })).toBe('/home/reader/essay.pdf');
    expect(api.pathForFile({ name: 'in-memory.txt', size: 1 })).toBeNull();
    expect(api.pathForFile({ name: 'x', size: 1, fake: true } as DroppedFile)).toBeNull();
  });

  it('works end to end with the main-process dispatcher', async () => {
    const handlers: RequestHandlers = {
      'file:open-dialog': async () => null,
      'file:open-annotations': async () => null,
      'file:open-recent': async (path) => {
        throw new Error(`"${path}" is not in the recent-files list; open it with File › Open… instead.`);
      },
      'file:recent-list': async () => [],
      'file:note-opened': async () => undefined,
        'file:save': async () => false,
      'shell:open-external': async () => undefined,
      ...NO_PROJECT_HANDLERS,
      ...NO_MENU_HANDLERS,
      ...syncHandlers(new SyncService({ store: { kind: 'sqlite', path: ':unused:' }, appOrigins: [], log: recordingLogger() })),
    };
    const dispatch = createRequestDispatcher(
      handlers,
      { isAppUrl: (url) => url.startsWith('app://crux/'), ownsContents: () => true },
      recordingLogger(),
    );
    const event = { sender: { id: 1 }, senderFrame: { url: 'app://crux/index.html', parent: null } };
    // How Electron carries an invoke to ipcMain.handle and a thrown error back.
    const { api } = build(async (channel, args) => {
      try {
        return await dispatch(channel as RendererToMainChannel, event, args);
      } catch (error) {
        throw new Error(`Error invoking remote method '${channel}': ${String(error)}`, { cause: error });
      }
    });
    expect(await api.invoke('file:open-dialog')).toBeNull();
    await expect(api.invoke('file:open-recent', '/x.txt')).rejects.toThrow(
      /^"\/x\.txt" is not in the recent-files list; open it with File › Open… instead\.$/,
    );
  });
});

describe('mainErrorMessage', () => {
  it("strips Electron's prefix and the error class, keeping the message", () => {
    expect(mainErrorMessage(new Error("Error invoking remote method 'a:b': IpcRejection: Refused."))).toBe('Refused.');
    expect(mainErrorMessage(new Error("Error invoking remote method 'a:b': Error: Plain."))).toBe('Plain.');
    expect(mainErrorMessage(new Error('Not from IPC: kept.'))).toBe('Not from IPC: kept.');
    expect(mainErrorMessage('a string')).toBe('a string');
  });
});
