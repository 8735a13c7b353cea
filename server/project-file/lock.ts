// The lock file beside an open project (`x.crux.lock`): it says who has the file open so
// a second window can name them. It is not what keeps two writers apart — SQLite's
// exclusive lock on the database is (see crux-file.ts); the lock file is the messenger,
// and the last word on a file shared from another computer, where we cannot check.
import { linkSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { lockedError, type LockHolder } from './errors';

/** A lock this process holds on a project file. */
export interface FileLock {
  /** Path of the lock file. */
  readonly path: string;
  /** Removes the lock file if it is still ours. */
  release(): void;
}

/** The outcome of trying to create a lock file. */
export type LockAttempt = { lock: FileLock } | { holder: LockHolder | null; lockPath: string };

/** Path of the lock file of a project file. */
export function lockPathOf(target: string): string {
  return `${target}.lock`;
}

/** This machine's name, as lock files record it. */
export const thisHost = hostname();

/** Creates the lock file if nobody has one; otherwise says who does (null if unreadable). */
export function tryLock(target: string): LockAttempt {
  const path = lockPathOf(target);
  const content = lockContent();
  if (createWhole(path, content)) return { lock: heldLock(path, content) };
  return { holder: readHolder(path), lockPath: path };
}

/**
 * Creates `path` holding `content` unless it exists, so that it is never seen empty: the
 * content goes into a file of our own, which is then hard-linked into place (atomic, and
 * fails if the name is taken). Returns false if the file exists.
 */
function createWhole(path: string, content: string): boolean {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, content);
  try {
    linkSync(temporary, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    // A file system without hard links (FAT, some network shares): create, then write.
    // A crash in between leaves an empty lock file, which `holderIsGone` ages out.
    try {
      writeFileSync(path, content, { flag: 'wx' });
      return true;
    } catch (fallbackError) {
      if ((fallbackError as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw fallbackError;
    }
  } finally {
    rmSync(temporary, { force: true });
  }
}

/**
 * Takes the lock file of `target` when its holder is certainly gone (see `holderIsGone`),
 * without asking the database: for a file being created, or one only read from. Throws
 * `locked` otherwise.
 */
export function acquireLock(target: string): FileLock {
  const attempt = tryLock(target);
  if ('lock' in attempt) return attempt.lock;
  if (holderIsGone(attempt.holder, attempt.lockPath)) return takeOverLock(target);
  throw lockedError(target, attempt.holder, thisHost);
}

/**
 * Replaces a lock file whose holder is gone (the caller has proved it). Replaces rather
 * than deletes, so no third process can slip in, and by a rename, so it is never empty.
 */
export function takeOverLock(target: string): FileLock {
  const path = lockPathOf(target);
  const content = lockContent();
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, content);
  renameSync(temporary, path);
  return heldLock(path, content);
}

/** Reads who holds a lock file; null if it is missing, empty or not ours to parse. */
export function readHolder(path: string): LockHolder | null {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockHolder>;
    if (typeof parsed.pid !== 'number' || typeof parsed.hostname !== 'string') return null;
    return { pid: parsed.pid, hostname: parsed.hostname, time: typeof parsed.time === 'number' ? parsed.time : 0 };
  } catch {
    return null;
  }
}

/** A lock file older than this that holds no readable holder was left by a crash mid-write. */
const UNREADABLE_LOCK_STALE_MS = 10_000;

/**
 * Whether the holder of a lock file is certainly gone: its process is dead on this
 * machine, or the file never got its content and is old. A holder on another computer
 * is never presumed gone: we cannot see its processes.
 */
export function holderIsGone(holder: LockHolder | null, lockPath: string): boolean {
  if (!holder) {
    try {
      return Date.now() - statSync(lockPath).mtimeMs > UNREADABLE_LOCK_STALE_MS;
    } catch {
      return true;
    }
  }
  if (holder.hostname !== thisHost) return false;
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

function lockContent(): string {
  const holder: LockHolder = { pid: process.pid, hostname: thisHost, time: Date.now() };
  return JSON.stringify({ app: 'crux', ...holder }) + '\n';
}

function heldLock(path: string, content: string): FileLock {
  let held = true;
  return {
    path,
    release() {
      if (!held) return;
      held = false;
      try {
        // Someone who proved our lock stale (we were presumed dead) may own it now.
        if (readFileSync(path, 'utf8') === content) unlinkSync(path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    },
  };
}
