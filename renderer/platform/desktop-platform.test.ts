import { describe, expect, it } from 'vitest';
import type { CruxApi, EventOf, MainToRendererChannel } from '../../shared/ipc';
import { createDesktopPlatform } from './desktop-platform';

/** A stand-in for the preload's object (Electron cannot run here): records calls, emits events. */
function fakeApi(responses: Record<string, unknown>) {
  const listeners = new Map<string, (payload: unknown) => void>();
  const calls: [string, unknown[]][] = [];
  const api = {
    platform: 'linux',
    invoke: async (channel: string, ...args: unknown[]) => {
      calls.push([channel, args]);
      return responses[channel];
    },
    on: (channel: string, listener: (payload: unknown) => void) => {
      listeners.set(channel, listener);
      return () => listeners.delete(channel);
    },
    pathForFile: () => '/home/reader/article.txt',
  } as unknown as CruxApi;
  const emit = <C extends MainToRendererChannel>(channel: C, payload: EventOf<C> | unknown) => listeners.get(channel)?.(payload);
  return { api, calls, emit };
}

describe('the desktop platform', () => {
  it('passes menu commands and opened files on, and drops malformed events', () => {
    const { api, emit } = fakeApi({});
    const platform = createDesktopPlatform(api);
    const commands: string[] = [];
    const files: string[] = [];
    platform.onMenuCommand((c) => commands.push(c));
    platform.onFileOpened((f) => files.push(f.name));
    const error = console.error;
    console.error = () => {};
    try {
      emit('menu:command', 'find');
      emit('menu:command', 'format-disk');
      emit('file:opened', { name: 'a.txt', path: null, bytes: new Uint8Array([104, 105]) });
      emit('file:opened', { name: '', path: null, bytes: 'not bytes' });
    } finally {
      console.error = error;
    }
    expect(commands).toEqual(['find']);
    expect(files).toEqual(['a.txt']);
  });

  it('checks what the main process answers', async () => {
    const good = fakeApi({ 'file:open-dialog': { name: 'a.txt', path: '/tmp/a.txt', bytes: new Uint8Array([1]) } });
    expect((await createDesktopPlatform(good.api).chooseFile())?.name).toBe('a.txt');
    const cancelled = fakeApi({ 'file:open-dialog': null });
    expect(await createDesktopPlatform(cancelled.api).chooseFile()).toBeNull();
    const bad = fakeApi({ 'file:open-dialog': { name: 'a.txt' } });
    await expect(createDesktopPlatform(bad.api).chooseFile()).rejects.toThrow();
  });

  it('lists recent files by path and records only files that have one', async () => {
    const { api, calls } = fakeApi({
      'file:recent-list': [{ path: '/home/reader/split.txt', name: 'split.txt', openedAt: 5 }],
    });
    const platform = createDesktopPlatform(api);
    expect(await platform.recentFiles()).toEqual([
      { key: '/home/reader/split.txt', name: 'split.txt', openedAt: 5, detail: '/home/reader/split.txt' },
    ]);
    await platform.noteOpened({ name: 'dropped.txt', path: null, bytes: new Uint8Array() });
    await platform.noteOpened({ name: 'split.txt', path: '/home/reader/split.txt', bytes: new Uint8Array() });
    expect(calls.filter(([c]) => c === 'file:note-opened')).toEqual([['file:note-opened', ['/home/reader/split.txt']]]);
  });

  it('reads a dropped file with the path the preload reports', async () => {
    const { api } = fakeApi({});
    const file = new File(['hello'], 'article.txt');
    const opened = await createDesktopPlatform(api).readDroppedFile(file);
    expect(opened).toMatchObject({ name: 'article.txt', path: '/home/reader/article.txt' });
    expect(new TextDecoder().decode(opened.bytes)).toBe('hello');
  });

  it('opens, creates and saves projects through the main process, checking every outcome', async () => {
    const opened = { kind: 'opened', project: { id: 'p1', path: '/home/reader/week3.crux', name: 'week3.crux', title: 'Week 3' }, notice: null };
    const { api, calls, emit } = fakeApi({ 'project:open': opened, 'project:save-as': { kind: 'cancelled' }, 'project:new': { kind: 'opened' } });
    const projects = createDesktopPlatform(api).projects!;
    expect(await projects.open('/home/reader/week3.crux')).toEqual(opened);
    expect(await projects.saveAs()).toEqual({ kind: 'cancelled' });
    await expect(projects.create()).rejects.toThrow();
    // A dropped project opens by the path the preload reports for it.
    await projects.openDropped(new File(['x'], 'week3.crux'));
    expect(calls.filter(([c]) => c === 'project:open')).toEqual([
      ['project:open', ['/home/reader/week3.crux']],
      ['project:open', ['/home/reader/article.txt']],
    ]);
    const outcomes: string[] = [];
    projects.onOutcome((outcome) => outcomes.push(outcome.kind));
    const error = console.error;
    console.error = () => {};
    try {
      emit('project:outcome', { kind: 'failed', name: 'x.crux', path: '/x.crux', message: 'damaged', recoverable: true });
      emit('project:outcome', { kind: 'opened' });
    } finally {
      console.error = error;
    }
    expect(outcomes).toEqual(['failed']);
  });
});
