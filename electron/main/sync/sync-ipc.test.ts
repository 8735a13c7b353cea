import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NO_MENU_HANDLERS, NO_PROJECT_HANDLERS, recordingLogger } from '../../test-support/fakes';
import { createRequestDispatcher, type RequestDispatcher, type RequestHandlers } from '../ipc/request-dispatcher';
import type { InvokeEvent } from '../ipc/sender-policy';
import { SyncService, syncHandlers } from './sync-service';

const trusted = { isAppUrl: (url: string) => url.startsWith('app://crux/'), ownsContents: () => true };
const appEvent: InvokeEvent = { sender: { id: 1 }, senderFrame: { url: 'app://crux/index.html', parent: null } };
const refuse = () => {
  throw new Error('not used here');
};

describe('sync:* IPC channels over the embedded server', () => {
  let dir: string;
  let sync: SyncService;
  let dispatch: RequestDispatcher;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'crux-sync-ipc-'));
    const log = recordingLogger();
    sync = new SyncService({ store: { kind: 'sqlite', path: join(dir, 'sync.db') }, appOrigins: ['app://crux'], lanAddresses: () => ['127.0.0.1'], log });
    await sync.start();
    const handlers: RequestHandlers = {
      'file:open-dialog': refuse,
      'file:open-annotations': refuse,
      'file:open-recent': refuse,
      'file:recent-list': refuse,
      'file:note-opened': refuse,
      'file:save': refuse,
      'shell:open-external': refuse,
      ...NO_PROJECT_HANDLERS,
      ...NO_MENU_HANDLERS,
      ...syncHandlers(sync),
    };
    dispatch = createRequestDispatcher(handlers, trusted, log);
  });

  afterEach(async () => {
    await sync.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives the page its connection, issues, lists and revokes tokens', async () => {
    const connection = (await dispatch('sync:connection', appEvent, ['p1'])) as { url: string; role: string };
    expect(connection).toMatchObject({ role: 'owner' });
    expect(connection.url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/sync$/);
    const issued = (await dispatch('sync:tokens:issue', appEvent, ['p1', 'commenter', 'group B'])) as { id: string; token: string };
    expect(issued.token).toMatch(/^crux_/);
    await dispatch('sync:tokens:revoke', appEvent, ['p1', issued.id]);
    const list = (await dispatch('sync:tokens:list', appEvent, ['p1'])) as { role: string; revokedAt: number | null }[];
    expect(list.map((t) => [t.role, t.revokedAt === null])).toEqual([
      ['owner', true],
      ['commenter', false],
    ]);
  });

  it('hosts on the network and stops again', async () => {
    const hosting = (await dispatch('sync:host', appEvent, ['p2', 0])) as { base: string; port: number };
    expect(hosting.base).toBe(`http://127.0.0.1:${hosting.port}`);
    const back = (await dispatch('sync:stop-hosting', appEvent, ['p2'])) as { url: string };
    expect(back.url).not.toContain(`:${hosting.port}/`);
  });

  it.each([
    ['sync:connection', ['../etc'], /bad arguments/],
    ['sync:connection', [], /bad arguments/],
    ['sync:tokens:issue', ['p1', 'owner', 'x'], /bad arguments/],
    ['sync:host', ['p1', 70000], /bad arguments/],
    ['sync:tokens:revoke', ['p1', ''], /bad arguments/],
  ])('refuses %s with %j', async (channel, args, message) => {
    await expect(dispatch(channel, appEvent, args)).rejects.toThrow(message);
  });

  it('refuses a page that is not the app', async () => {
    const evil: InvokeEvent = { sender: { id: 1 }, senderFrame: { url: 'https://evil.example/', parent: null } };
    await expect(dispatch('sync:connection', evil, ['p1'])).rejects.toThrow(/not from Crux's own page/);
  });
});
