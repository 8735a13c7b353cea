// Issue 14 item 6: a compromised page (script running in the renderer's main world) tried
// to read any file by recording it as "dropped" (`file:note-opened`) and then opening it
// from the recent list (`file:open-recent`). Through the real preload API and the real
// files service: a path the page made up is refused and never reaches the main process,
// so it cannot be opened; a file the user really dropped is recorded and re-opens.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CruxApi, DroppedFile } from '../../shared/ipc/contract';
import { FilesService } from '../main/files/files-service';
import { RecentFiles } from '../main/files/recent-files';
import { RendererEvents } from '../main/ipc/renderer-events';
import { recordingLogger, tempDir } from '../test-support/fakes';
import { createCruxApi } from './crux-api';

describe('recording a dropped file', () => {
  let dir: string;
  let remove: () => Promise<void>;
  let api: CruxApi;
  let reachedMain: string[];
  /** Files on disk by the name the fake drop reports, as Electron's webUtils.getPathForFile would. */
  let onDisk: Map<string, string>;

  beforeEach(async () => {
    ({ dir, remove } = await tempDir());
    const log = recordingLogger();
    const recent = new RecentFiles(join(dir, 'recent-files.json'), log, { caseInsensitive: false });
    const service = new FilesService({
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
      showSaveDialog: async () => ({ canceled: true }),
      recent,
      recentDocuments: { addRecentDocument: () => undefined, clearRecentDocuments: () => undefined },
      events: new RendererEvents(log),
      log,
    });
    await service.start();
    const handlers = service.handlers();
    reachedMain = [];
    onDisk = new Map();
    api = createCruxApi({
      ipc: {
        invoke: async (channel, ...args) => {
          reachedMain.push(channel);
          const handler = handlers[channel as keyof typeof handlers] as (...a: unknown[]) => Promise<unknown>;
          return handler(...args);
        },
        on: () => undefined,
        removeListener: () => undefined,
      },
      getPathForFile: (file) => onDisk.get(file.name) ?? '',
      platform: 'linux',
      reportInvalid: () => undefined,
    });
  });
  afterEach(() => remove());

  async function secretFile(name: string): Promise<string> {
    const path = join(dir, name);
    await writeFile(path, 'private notes');
    return path;
  }

  it('refuses a path the page made up, so it can never be opened from the recent list', async () => {
    const secret = await secretFile('diary.txt');
    await expect(api.invoke('file:note-opened', secret)).rejects.toThrow('Crux records only files dropped on its window.');
    expect(reachedMain).toEqual([]);
    await expect(api.invoke('file:open-recent', secret)).rejects.toThrow('"diary.txt" is not in the recent-files list');
    expect(await api.invoke('file:recent-list')).toEqual([]);
  });

  it('records a file the user dropped, which then re-opens from the recent list', async () => {
    const essay = await secretFile('essay.txt');
    onDisk.set('essay.txt', essay);
    const dropped: DroppedFile = { name: 'essay.txt', size: 13 };
    const path = api.pathForFile(dropped);
    expect(path).toBe(essay);
    await api.invoke('file:note-opened', path!);
    const reopened = await api.invoke('file:open-recent', essay);
    expect(new TextDecoder().decode(reopened.bytes)).toBe('private notes');
  });
});
