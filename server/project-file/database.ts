// SQLite plumbing for `.crux` files: how a database is opened (locking, journal and sync
// settings), how a new one is created without a half-made file ever being visible, and
// the small helpers every write shares.
import { closeSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import * as Y from 'yjs';
import { APPLICATION_ID, FORMAT_VERSION, META_KEYS, SCHEMA } from './format';
import { metaCrc, originalCrc, stateCrc, versionCrc, type OriginalRow, type VersionRow } from './rows';

/** How long opening waits for a window that is just closing the file, in milliseconds. */
const BUSY_TIMEOUT_MS = 250;

/**
 * Opens an existing project database for writing, and takes SQLite's exclusive lock.
 *
 * - `locking_mode = EXCLUSIVE`: the first read takes an exclusive lock that is held until
 *   `close()`, so no other process (or connection) can read or write the file meanwhile —
 *   this, not the lock file, is what keeps two windows from writing one project. The OS
 *   drops the lock when the process dies, so a crash never leaves the file locked. Set
 *   before the first access, it also means WAL runs without a `-shm` file.
 * - `journal_mode = WAL`: a commit appends to `x.crux-wal`; the database file changes
 *   only at checkpoints. A crash mid-write leaves a torn tail in the log, which SQLite
 *   ignores on the next open (each frame is checksummed), so the file is never corrupt.
 * - `synchronous = FULL`: every commit fsyncs the log before it returns. A committed
 *   append survives SIGKILL with any setting (the bytes are in the OS cache once written);
 *   FULL makes it survive a power cut too, on a disk that honours fsync. NORMAL would
 *   only fsync at checkpoints, so a power cut could lose minutes of work. The cost, one
 *   fsync (a few ms) per commit, is paid once per autosave batch, at most four times a
 *   second (see autosave.ts). `fullfsync` does the same on macOS, whose plain fsync
 *   leaves the data in the drive's cache.
 */
export function openDatabase(path: string): DatabaseSync {
  const db = new DatabaseSync(path, { timeout: BUSY_TIMEOUT_MS });
  try {
    db.exec('PRAGMA locking_mode = EXCLUSIVE');
    db.exec('PRAGMA journal_mode = WAL');
    db.exec('PRAGMA synchronous = FULL');
    db.exec('PRAGMA fullfsync = ON');
    db.exec('PRAGMA checkpoint_fullfsync = ON');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** What a new project file starts with in `meta`. */
export type InitialMeta = Record<string, string | null>;

/**
 * Creates a new, empty project at `path`: written and fsynced under a temporary name,
 * then renamed into place, so a crash during creation leaves either no file or a whole
 * one. The caller holds the lock file, so nobody else is creating it at the same time.
 */
export function createDatabase(path: string, meta: InitialMeta): void {
  const temporary = `${path}.creating`;
  removeDatabase(temporary);
  const db = new DatabaseSync(temporary);
  try {
    // Pages freed by compaction go back to the file system (see CruxFile.compact), so
    // the file a user mails holds no stale pages. Only takes before anything is written.
    db.exec('PRAGMA auto_vacuum = INCREMENTAL');
    db.exec(`PRAGMA application_id = ${APPLICATION_ID}`);
    db.exec(`PRAGMA user_version = ${FORMAT_VERSION}`);
    db.exec('PRAGMA journal_mode = WAL');
    transaction(db, () => {
      db.exec(SCHEMA);
      putMeta(db, { ...meta, [META_KEYS.formatVersion]: String(FORMAT_VERSION) });
      putState(db, new Y.Doc(), 0);
    });
  } finally {
    // Closing checkpoints the log into the file and deletes it: one self-contained file.
    db.close();
  }
  fsyncFile(temporary);
  renameSync(temporary, path);
  fsyncDirectory(dirname(path));
}

/** Writes meta entries; a null value deletes the key. Call inside a transaction. */
export function putMeta(db: DatabaseSync, entries: Record<string, string | null>): void {
  const upsert = db.prepare('INSERT INTO meta (key, value, crc) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, crc = excluded.crc');
  const remove = db.prepare('DELETE FROM meta WHERE key = ?');
  for (const [key, value] of Object.entries(entries)) {
    if (value === null) remove.run(key);
    else upsert.run(key, value, metaCrc({ key, value }));
  }
}

/**
 * Writes `doc` as the compacted state, folding in the updates up to id `through`.
 * Returns the state's size in bytes. Call inside a transaction.
 */
export function putState(db: DatabaseSync, doc: Y.Doc, through: number): number {
  const row = { through, at: Date.now(), doc: Y.encodeStateAsUpdate(doc), state_vector: Y.encodeStateVector(doc) };
  db.prepare('INSERT OR REPLACE INTO state (id, through, at, doc, state_vector, crc) VALUES (1, ?, ?, ?, ?, ?)').run(
    row.through,
    row.at,
    row.doc,
    row.state_vector,
    stateCrc(row),
  );
  return row.doc.byteLength;
}

/** Adds a named version; returns its id. Call inside a transaction. */
export function insertVersion(db: DatabaseSync, row: Omit<VersionRow, 'id' | 'crc'>): number {
  const result = db
    .prepare('INSERT INTO versions (name, created, author, snapshot, doc, crc) VALUES (?, ?, ?, ?, ?, ?)')
    .run(row.name, row.created, row.author, row.snapshot, row.doc, versionCrc(row));
  return Number(result.lastInsertRowid);
}

/** Stores the original imported file, replacing any earlier one. Call inside a transaction. */
export function putOriginal(db: DatabaseSync, row: Omit<OriginalRow, 'crc'>): void {
  db.prepare('INSERT OR REPLACE INTO original (id, name, media_type, added, sha256, bytes, crc) VALUES (1, ?, ?, ?, ?, ?, ?)').run(
    row.name,
    row.media_type,
    row.added,
    row.sha256,
    row.bytes,
    originalCrc(row),
  );
}

/** Runs `fn` in one write transaction; rolls back if it throws. */
export function transaction<T>(db: DatabaseSync, fn: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = fn();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

/** Copies the database into a fresh file at `path` (`VACUUM INTO`), fsynced, replacing any old one. */
export function copyDatabase(db: DatabaseSync, path: string): void {
  const temporary = `${path}.tmp`;
  removeDatabase(temporary);
  try {
    db.prepare('VACUUM INTO ?').run(temporary);
    fsyncFile(temporary);
    renameSync(temporary, path);
  } catch (error) {
    removeDatabase(temporary);
    throw error;
  }
  fsyncDirectory(dirname(path));
}

/** Deletes a database file and the journal files SQLite may have left beside it. */
export function removeDatabase(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${path}${suffix}`, { force: true });
}

/** Flushes a file's bytes to the disk. */
export function fsyncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Flushes a directory entry (a rename or a new file) to the disk, where the OS allows it. */
export function fsyncDirectory(path: string): void {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return; // Windows cannot open a directory; its renames are durable without this.
  }
  try {
    fsyncSync(fd);
  } catch {
    // Some file systems refuse fsync on a directory; the rename itself has happened.
  } finally {
    closeSync(fd);
  }
}
