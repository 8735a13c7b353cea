import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NO_MENU_HANDLERS, NO_PROJECT_HANDLERS, recordingLogger, recordingMenu, tempDir, type RecordingLogger } from '../../test-support/fakes';
import { openExternalLink } from '../external/external-links';
import { FilesService } from '../files/files-service';
import { RecentFiles } from '../files/recent-files';
import { isAppUrl, resolveAppLocation } from '../window/app-location';
import { RendererEvents } from './renderer-events';
import { createRequestDispatcher, type RequestDispatcher, type RequestHandlers } from './request-dispatcher';
import type { InvokeEvent, SenderFrame } from './sender-policy';
import { SyncService, syncHandlers } from '../sync/sync-service';
import type { MenuItemConstructorOptions } from 'electron';

/** Sync handlers over a service that is never started (these tests do not reach them). */
const IDLE_SYNC = syncHandlers(new SyncService({ store: { kind: 'sqlite', path: ':unused:' }, appOrigins: [], log: recordingLogger() }));

const OWN_CONTENTS = 7;
const location = resolveAppLocation(undefined, false);
const trusted = { isAppUrl: (url: string) => isAppUrl(location, url), ownsContents: (id: number) => id === OWN_CONTENTS };

/** An IPC event as Electron builds it, for a frame at `url`. */
function eventFrom(url: string, options: { contentsId?: number; parent?: SenderFrame | null } = {}): InvokeEvent {
  return {
    sender: { id: options.contentsId ?? OWN_CONTENTS },
    senderFrame: { url, parent: options.parent ?? null },
  };
}
const appEvent = eventFrom('app://crux/index.html');

/** Whether each item of a menu template with an id is enabled, by id, submenus included. */
function enabledItems(template: readonly MenuItemConstructorOptions[]): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  for (const item of template) {
    if (item.id) out[item.id] = item.enabled !== false;
    if (Array.isArray(item.submenu)) Object.assign(out, enabledItems(item.submenu));
  }
  return out;
}

describe('IPC request dispatcher', () => {
  let dir: string;
  let remove: () => Promise<void>;
  let log: RecordingLogger;
  let dispatch: RequestDispatcher;
  let opened: string[];
  let handlerCalls: number;
  let readingPath: string;
  let menus: MenuItemConstructorOptions[][];

  beforeEach(async () => {
    ({ dir, remove } = await tempDir());
    log = recordingLogger();
    opened = [];
    handlerCalls = 0;
    readingPath = join(dir, 'reading.txt');
    await writeFile(readingPath, 'A short reading.');
    const recent = new RecentFiles(join(dir, 'recent-files.json'), log);
    const files = new FilesService({
      showOpenDialog: async () => ({ canceled: false, filePaths: [readingPath] }),
      showSaveDialog: async () => ({ canceled: false, filePath: join(dir, 'saved-map') }),
      recent,
      recentDocuments: { addRecentDocument: () => undefined, clearRecentDocuments: () => undefined },
      events: new RendererEvents(log),
      log,
    });
    await files.start();
    const shell = { openExternal: async (url: string) => void opened.push(url) };
    const { service: menu, installed } = recordingMenu(recent);
    menus = installed;
    menu.start();
    const fileHandlers = files.handlers();
    const handlers: RequestHandlers = {
      ...fileHandlers,
      'file:recent-list': () => {
        handlerCalls += 1;
        return fileHandlers['file:recent-list']();
      },
      'shell:open-external': (url) => openExternalLink(shell, url),
      ...IDLE_SYNC,
      ...NO_PROJECT_HANDLERS,
      ...menu.handlers(),
    };
    dispatch = createRequestDispatcher(handlers, trusted, log);
  });
  afterEach(() => remove());

  it('handles a valid request from the app page', async () => {
    const file = (await dispatch('file:open-dialog', appEvent, [])) as { name: string; bytes: Uint8Array };
    expect(file.name).toBe('reading.txt');
    expect(new TextDecoder().decode(file.bytes)).toBe('A short reading.');
    const list = (await dispatch('file:recent-list', appEvent, [])) as { path: string }[];
    expect(list.map((entry) => entry.path)).toEqual([readingPath]);
    await dispatch('shell:open-external', appEvent, ['https://example.org/']);
    expect(opened).toEqual(['https://example.org/']);
  });

  it('refuses a channel that is not in the contract', async () => {
    await expect(dispatch('fs:read-any-file', appEvent, ['/etc/passwd'])).rejects.toThrow(
      'Refused the IPC request "fs:read-any-file": no such channel.',
    );
    await expect(dispatch('__proto__', appEvent, [])).rejects.toThrow('no such channel');
  });

  it('refuses arguments of the wrong type, naming the problem', async () => {
    await expect(dispatch('file:open-recent', appEvent, [42])).rejects.toThrow(
      /^Refused the IPC request "file:open-recent": bad arguments\. .*expected string, received number/s,
    );
    await expect(dispatch('file:open-recent', appEvent, [])).rejects.toThrow(/bad arguments/);
    await expect(dispatch('file:open-recent', appEvent, [{ path: readingPath }])).rejects.toThrow(/bad arguments/);
  });

  it('saves a map picture only as a file name, a known kind and bytes within the limit', async () => {
    const bytes = new TextEncoder().encode('<svg/>');
    await expect(dispatch('file:save', appEvent, [{ suggestedName: '../../etc/passwd', kind: 'svg', bytes }])).rejects.toThrow(/bad arguments\. .*a file name, not a path/s);
    await expect(dispatch('file:save', appEvent, [{ suggestedName: 'map.exe', kind: 'exe', bytes }])).rejects.toThrow(/bad arguments/);
    await expect(dispatch('file:save', appEvent, [{ suggestedName: 'map.svg', kind: 'svg', bytes: 'text' }])).rejects.toThrow(/bad arguments/);
    await expect(dispatch('file:save', appEvent, [{ suggestedName: 'map.svg', kind: 'svg', bytes, path: '/tmp/x' }])).rejects.toThrow(/bad arguments/);
    expect(await dispatch('file:save', appEvent, [{ suggestedName: 'map.svg', kind: 'svg', bytes }])).toBe(true);
    expect(await readFile(join(dir, 'saved-map.svg'), 'utf8')).toBe('<svg/>');
  });

  it('greys the menu items of the commands the page cannot run, and refuses a report of unknown commands', async () => {
    await dispatch('menu:disabled', appEvent, [['history', 'export']]);
    expect(enabledItems(menus.at(-1)!)).toMatchObject({ 'crux:history': false, 'crux:export': false, 'crux:find': true, 'crux:open': true });
    const installed = menus.length;
    await expect(dispatch('menu:disabled', appEvent, [['rm -rf']])).rejects.toThrow(/bad arguments/);
    await expect(dispatch('menu:disabled', appEvent, [Array<string>(40).fill('find')])).rejects.toThrow(/bad arguments/);
    await expect(dispatch('menu:disabled', appEvent, ['history'])).rejects.toThrow(/bad arguments/);
    // The same report again rebuilds nothing.
    await dispatch('menu:disabled', appEvent, [['export', 'history']]);
    expect(menus).toHaveLength(installed);
    await dispatch('menu:disabled', appEvent, [[]]);
    expect(enabledItems(menus.at(-1)!)['crux:history']).toBe(true);
  });

  it('refuses extra arguments', async () => {
    await expect(dispatch('file:recent-list', appEvent, ['extra'])).rejects.toThrow(/bad arguments/);
    expect(handlerCalls).toBe(0);
  });

  it('refuses oversized strings before any handler runs', async () => {
    await expect(dispatch('file:open-recent', appEvent, ['/'.repeat(5000)])).rejects.toThrow(
      /bad arguments\. .*Too big: expected string to have <=4096 characters/s,
    );
    await expect(dispatch('shell:open-external', appEvent, [`https://example.org/${'a'.repeat(3000)}`])).rejects.toThrow(
      /bad arguments/,
    );
    expect(opened).toEqual([]);
  });

  it('refuses a sender from another origin', async () => {
    await expect(dispatch('file:recent-list', eventFrom('https://evil.example/page'), [])).rejects.toThrow(
      'Refused the IPC request "file:recent-list": it came from "https://evil.example/page", not from Crux\'s own page.',
    );
    await expect(dispatch('file:recent-list', eventFrom('file:///tmp/evil.html'), [])).rejects.toThrow(/not from Crux's own page/);
    expect(handlerCalls).toBe(0);
  });

  it('refuses a sender in an embedded frame, even on the app origin', async () => {
    const subframe = eventFrom('app://crux/index.html', { parent: { url: 'app://crux/index.html', parent: null } });
    await expect(dispatch('file:recent-list', subframe, [])).rejects.toThrow(
      'Refused the IPC request "file:recent-list": it came from an embedded frame, not from the window\'s page.',
    );
  });

  it('refuses a webContents the app did not create, and a frame that is gone', async () => {
    await expect(dispatch('file:recent-list', eventFrom('app://crux/index.html', { contentsId: 99 }), [])).rejects.toThrow(
      'Refused the IPC request "file:recent-list": it did not come from a Crux window.',
    );
    const gone: InvokeEvent = { sender: { id: OWN_CONTENTS }, senderFrame: null };
    await expect(dispatch('file:recent-list', gone, [])).rejects.toThrow(
      'Refused the IPC request "file:recent-list": the frame that sent it has navigated away or closed.',
    );
    expect(handlerCalls).toBe(0);
  });

  it('logs every refusal', async () => {
    await dispatch('file:recent-list', eventFrom('https://evil.example/'), []).catch(() => undefined);
    expect(log.messages('warn')).toEqual([
      'Refused the IPC request "file:recent-list": it came from "https://evil.example/", not from Crux\'s own page.',
    ]);
  });

  it('passes handler errors through with their message', async () => {
    await expect(dispatch('file:open-recent', appEvent, [join(dir, 'never-opened.txt')])).rejects.toThrow(
      '"never-opened.txt" is not in the recent-files list; open it with File › Open… instead.',
    );
    await expect(dispatch('shell:open-external', appEvent, ['file:///etc/passwd'])).rejects.toThrow(
      /only web \(https:, http:\) and e-mail \(mailto:\) links open outside the app/,
    );
    expect(opened).toEqual([]);
  });

  it('does not let a handler answer outside the contract', async () => {
    const broken = createRequestDispatcher(
      {
        'file:open-dialog': async () => null,
        'file:open-annotations': async () => null,
        'file:open-recent': async () => ({ name: '', path: null, bytes: new Uint8Array() }),
        'file:recent-list': async () => [],
        'file:note-opened': async () => undefined,
        'file:save': async () => false,
        'shell:open-external': async () => undefined,
        ...IDLE_SYNC,
        ...NO_PROJECT_HANDLERS,
        ...NO_MENU_HANDLERS,
      },
      trusted,
      log,
    );
    await expect(broken('file:open-recent', appEvent, ['/x.txt'])).rejects.toThrow(
      'Crux\'s main process gave an invalid answer to "file:open-recent".',
    );
    expect(log.messages('error')[0]).toMatch(/^Handler for "file:open-recent" answered outside the contract/);
  });
});
