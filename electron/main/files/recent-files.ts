// The recent-files list: newest first, no duplicates, at most MAX_RECENT_FILES entries,
// files that no longer exist dropped. Kept as JSON in the user-data folder and written
// atomically; a damaged list is logged and replaced by an empty one, never fatal.
import { mkdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { RecentFileSchema, type RecentFile } from '../../../shared/ipc/contract';
import type { Logger } from '../service';
import { writeFileAtomic } from './atomic-write';

/** How many files the list keeps. */
export const MAX_RECENT_FILES = 10;

const StoredList = z.object({
  version: z.literal(1),
  files: z.array(RecentFileSchema).max(1000),
});

/** Options of a recent-files list. */
export interface RecentFilesOptions {
  /** The clock, for `openedAt`. */
  now?: () => number;
  /** Compare paths ignoring case (the default on Windows and macOS). */
  caseInsensitive?: boolean;
}

async function isExistingFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** The recent-files list, persisted in one JSON file. */
export class RecentFiles {
  private files: readonly RecentFile[] = [];
  private readonly listeners = new Set<(files: readonly RecentFile[]) => void>();
  private writes: Promise<void> = Promise.resolve();
  private loading: Promise<void> | null = null;
  private readonly now: () => number;
  private readonly caseInsensitive: boolean;

  constructor(
    private readonly storePath: string,
    private readonly log: Logger,
    options: RecentFilesOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.caseInsensitive = options.caseInsensitive ?? (process.platform === 'win32' || process.platform === 'darwin');
  }

  /**
   * Reads the stored list (an unreadable one is logged and replaced by an empty list),
   * then prunes it. Runs once; every change waits for it, so a file opened before the
   * list was loaded (macOS can hand one over that early) joins the stored list instead of
   * replacing it.
   */
  load(): Promise<void> {
    this.loading ??= this.readStored().then(async (stored) => {
      this.files = stored;
      await this.pruneLoaded();
    });
    return this.loading;
  }

  /** The list, newest first. */
  entries(): readonly RecentFile[] {
    return this.files;
  }

  /** Whether `path` is on the list. */
  has(path: string): boolean {
    const key = this.key(resolve(path));
    return this.files.some((file) => this.key(file.path) === key);
  }

  /** Puts `path` at the top of the list (moving it if it was there already). */
  async add(path: string): Promise<void> {
    await this.load();
    const absolute = resolve(path);
    const key = this.key(absolute);
    const entry: RecentFile = { path: absolute, name: basename(absolute) || absolute, openedAt: this.now() };
    this.files = [entry, ...this.files.filter((file) => this.key(file.path) !== key)].slice(0, MAX_RECENT_FILES);
    await this.commit();
  }

  /** Drops entries whose file no longer exists; returns the list. */
  async prune(): Promise<readonly RecentFile[]> {
    await this.load();
    return this.pruneLoaded();
  }

  /** Empties the list. */
  async clear(): Promise<void> {
    await this.load();
    this.files = [];
    await this.commit();
  }

  /** Calls `listener` with the new list after each change; returns the unsubscribe. */
  onDidChange(listener: (files: readonly RecentFile[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves once every change so far is on disk. */
  flush(): Promise<void> {
    return this.writes;
  }

  private async pruneLoaded(): Promise<readonly RecentFile[]> {
    const present = await Promise.all(this.files.map((file) => isExistingFile(file.path)));
    const missing = new Set(this.files.filter((_, i) => !present[i]).map((file) => file.path));
    if (missing.size > 0) {
      // Filter the current list, not the one before the await, so a concurrent add survives.
      this.files = this.files.filter((file) => !missing.has(file.path));
      this.log.info(`Removed ${missing.size} file(s) that no longer exist from the recent-files list.`);
      await this.commit();
    }
    return this.files;
  }

  private key(path: string): string {
    return this.caseInsensitive ? path.toLowerCase() : path;
  }

  private async readStored(): Promise<readonly RecentFile[]> {
    let text: string;
    try {
      text = await readFile(this.storePath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        this.log.warn(`Could not read the recent-files list ${this.storePath} (${String(error)}); starting with an empty list.`);
      }
      return [];
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      this.log.warn(
        `The recent-files list ${this.storePath} is not valid JSON (${(error as Error).message}); starting with an empty list.`,
      );
      return [];
    }
    const parsed = StoredList.safeParse(json);
    if (!parsed.success) {
      this.log.warn(`The recent-files list ${this.storePath} is not in the expected format; starting with an empty list.`);
      return [];
    }
    const seen = new Set<string>();
    const files: RecentFile[] = [];
    for (const file of parsed.data.files) {
      const key = this.key(file.path);
      if (!isAbsolute(file.path) || seen.has(key)) continue;
      seen.add(key);
      files.push(file);
    }
    return files.slice(0, MAX_RECENT_FILES);
  }

  private async commit(): Promise<void> {
    const files = this.files;
    for (const listener of this.listeners) listener(files);
    const text = `${JSON.stringify({ version: 1, files }, null, 2)}\n`;
    this.writes = this.writes.then(async () => {
      try {
        await mkdir(dirname(this.storePath), { recursive: true });
        await writeFileAtomic(this.storePath, text);
      } catch (error) {
        this.log.error(`Could not save the recent-files list ${this.storePath}: ${String(error)}`);
      }
    });
    await this.writes;
  }
}
