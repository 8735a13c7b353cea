import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordingLogger, tempDir, type RecordingLogger } from '../../test-support/fakes';
import { MAX_RECENT_FILES, RecentFiles } from './recent-files';

describe('RecentFiles', () => {
  let dir: string;
  let remove: () => Promise<void>;
  let store: string;
  let log: RecordingLogger;
  let clock: number;
  const now = () => (clock += 1);

  beforeEach(async () => {
    ({ dir, remove } = await tempDir());
    store = join(dir, 'user-data', 'recent-files.json');
    log = recordingLogger();
    clock = 1_700_000_000_000;
  });
  afterEach(() => remove());

  /** Creates real files to put on the list. */
  async function files(...names: string[]): Promise<string[]> {
    const paths = names.map((name) => join(dir, name));
    await Promise.all(paths.map((path) => writeFile(path, 'x')));
    return paths;
  }

  function list(): RecentFiles {
    return new RecentFiles(store, log, { now, caseInsensitive: false });
  }

  it('starts empty on first run without complaint', async () => {
    const recent = list();
    await recent.load();
    expect(recent.entries()).toEqual([]);
    expect(log.lines).toEqual([]);
  });

  it('persists the list, newest first, for the next start', async () => {
    const [a, b] = await files('a.txt', 'b.pdf');
    const recent = list();
    await recent.load();
    await recent.add(a as string);
    await recent.add(b as string);
    const again = list();
    await again.load();
    expect(again.entries().map((f) => [f.name, f.path])).toEqual([
      ['b.pdf', b],
      ['a.txt', a],
    ]);
    expect(again.entries()[0]?.openedAt).toBeGreaterThan(again.entries()[1]?.openedAt as number);
  });

  it('adds a file opened before the list was loaded to the stored list, not in place of it', async () => {
    const [a, b] = (await files('a.txt', 'b.txt')) as [string, string];
    const first = list();
    await first.add(a);
    const next = list();
    await next.add(b);
    await next.load();
    expect(next.entries().map((f) => f.name)).toEqual(['b.txt', 'a.txt']);
  });

  it('keeps one entry per file, moved to the top when reopened', async () => {
    const [a, b] = (await files('a.txt', 'b.txt')) as [string, string];
    const recent = list();
    await recent.add(a);
    await recent.add(b);
    await recent.add(join(dir, '.', 'a.txt'));
    expect(recent.entries().map((f) => f.name)).toEqual(['a.txt', 'b.txt']);
  });

  it('treats paths differing in case as one file where the file system does', async () => {
    const [a] = (await files('Paper.md')) as [string];
    const recent = new RecentFiles(store, log, { now, caseInsensitive: true });
    await recent.add(a);
    await recent.add(a.replace('Paper', 'PAPER'));
    expect(recent.entries()).toHaveLength(1);
    expect(recent.has(a.toLowerCase())).toBe(true);
  });

  it(`keeps only the ${MAX_RECENT_FILES} newest files`, async () => {
    const paths = await files(...Array.from({ length: MAX_RECENT_FILES + 3 }, (_, i) => `f${i}.txt`));
    const recent = list();
    for (const path of paths) await recent.add(path);
    expect(recent.entries()).toHaveLength(MAX_RECENT_FILES);
    expect(recent.entries()[0]?.name).toBe(`f${MAX_RECENT_FILES + 2}.txt`);
    expect(recent.entries().some((f) => f.name === 'f0.txt')).toBe(false);
  });

  it('drops files that no longer exist, on load and on request', async () => {
    const [a, b, c] = (await files('a.txt', 'b.txt', 'c.txt')) as [string, string, string];
    const recent = list();
    await recent.add(a);
    await recent.add(b);
    await recent.add(c);
    await rm(b);
    const reloaded = list();
    await reloaded.load();
    expect(reloaded.entries().map((f) => f.name)).toEqual(['c.txt', 'a.txt']);
    await rm(c);
    expect((await reloaded.prune()).map((f) => f.name)).toEqual(['a.txt']);
    expect(JSON.parse(await readFile(store, 'utf8')).files).toHaveLength(1);
    expect(log.messages('info')).toContain('Removed 1 file(s) that no longer exist from the recent-files list.');
  });

  it('starts empty, says so in the log and keeps working when the stored list is not JSON', async () => {
    const recent = list();
    await recent.add((await files('a.txt'))[0] as string);
    await writeFile(store, '{"version": 1, "files": [');
    const damaged = list();
    await expect(damaged.load()).resolves.toBeUndefined();
    expect(damaged.entries()).toEqual([]);
    expect(log.messages('warn')).toHaveLength(1);
    expect(log.messages('warn')[0]).toMatch(/^The recent-files list .*recent-files\.json is not valid JSON \(.*\); starting with an empty list\.$/);
    const [b] = (await files('b.txt')) as [string];
    await damaged.add(b);
    expect(JSON.parse(await readFile(store, 'utf8')).files.map((f: { name: string }) => f.name)).toEqual(['b.txt']);
  });

  it('starts empty when the stored list has the wrong shape', async () => {
    await mkdir(join(dir, 'user-data'));
    await writeFile(store, JSON.stringify({ version: 1, files: [{ path: 42 }] }));
    const recent = list();
    await recent.load();
    expect(recent.entries()).toEqual([]);
    expect(log.messages('warn')).toEqual([
      `The recent-files list ${store} is not in the expected format; starting with an empty list.`,
    ]);
  });

  it('ignores relative and duplicate paths in a hand-edited list', async () => {
    const [a] = (await files('a.txt')) as [string];
    await mkdir(join(dir, 'user-data'));
    const entry = { path: a, name: 'a.txt', openedAt: 1 };
    await writeFile(store, JSON.stringify({ version: 1, files: [entry, entry, { ...entry, path: 'a.txt' }] }));
    const recent = list();
    await recent.load();
    expect(recent.entries()).toEqual([entry]);
  });

  it('writes atomically: no temporary files are left beside the list', async () => {
    const recent = list();
    for (const path of await files('a.txt', 'b.txt', 'c.txt')) await recent.add(path);
    await recent.flush();
    expect(await readdir(join(dir, 'user-data'))).toEqual(['recent-files.json']);
  });

  it('tells subscribers about changes until they unsubscribe', async () => {
    const [a, b] = (await files('a.txt', 'b.txt')) as [string, string];
    const recent = list();
    const seen: string[][] = [];
    const unsubscribe = recent.onDidChange((entries) => seen.push(entries.map((f) => f.name)));
    await recent.add(a);
    await recent.clear();
    unsubscribe();
    await recent.add(b);
    expect(seen).toEqual([['a.txt'], []]);
  });
});
