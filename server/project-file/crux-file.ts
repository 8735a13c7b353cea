// A Crux project file (`.crux`): one SQLite database holding the project's Yjs document as
// a compacted state plus an append-only log of updates, its named versions and the file
// it was imported from. Callers see Yjs updates and documents; locking, durability,
// checksums, compaction and the rolling backup stay in here.
import { existsSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import * as Y from 'yjs';
import { quoteName } from '../../shared/import/errors';
import type { ImportFormat } from '../../shared/import/types';
import { checkDatabase, checkHeader, toCruxError } from './check';
import { copyDatabase, createDatabase, insertVersion, openDatabase, putMeta, putOriginal, putState, transaction } from './database';
import { closedError, damagedError, invalidInputError, lockedError, notFoundError, type LockHolder } from './errors';
import { META_KEYS } from './format';
import { acquireLock, holderIsGone, takeOverLock, thisHost, tryLock, type FileLock } from './lock';
import {
  COLUMNS,
  rowIntact,
  sha256Hex,
  updateCrc,
  type OriginalRow,
  type StateRow,
  type UpdateRow,
  type VersionRow,
} from './rows';
import { APP_VERSION } from './app-version';
import type {
  AppendEntry,
  CompactionResult,
  CruxFileMeta,
  FileStats,
  OpenOptions,
  OriginalFile,
  ProjectDetails,
  VersionInfo,
} from './types';
import { checkAppendEntry, checkOriginal, metaEntries, requireText, requireWritable, validDetails } from './validate';

/** An open project file. Only one process (and one CruxFile) has a given file open at a time. */
export class CruxFile {
  /** Absolute path of the file. */
  readonly path: string;
  private readonly db: DatabaseSync;
  private readonly lock: FileLock;
  private readonly backup: boolean;
  private readonly sql: ReturnType<typeof statements>;
  private pending: number;
  private closed = false;

  private constructor(path: string, db: DatabaseSync, lock: FileLock, options: OpenOptions) {
    this.path = path;
    this.db = db;
    this.lock = lock;
    this.backup = options.backup ?? true;
    this.sql = statements(db);
    this.pending = (this.sql.countUpdates.get() as { n: number }).n;
  }

  /**
   * Opens a project file for writing: checks it (header, structure, every checksum) and
   * locks it. Throws a CruxFileError: `not-found`, `empty`, `not-crux`, `too-new`,
   * `damaged` (then `recoverCruxFile` can help), `locked` or `read-only`.
   */
  static open(path: string, options: OpenOptions = {}): CruxFile {
    const target = resolve(path);
    if (existsSync(target)) return CruxFile.openExisting(target, options, null);
    if (!options.create) throw notFoundError(target);
    return CruxFile.create(target, options);
  }

  private static create(target: string, options: OpenOptions): CruxFile {
    const lock = acquireLock(target);
    try {
      // Someone may have created it between our look and our lock.
      if (!existsSync(target)) {
        requireWritable(target, dirname(target));
        const details = validDetails(options.details ?? {});
        createDatabase(target, {
          ...metaEntries({ title: '', ...details }),
          ...(options.details?.recoveredFrom ? { [META_KEYS.recoveredFrom]: options.details.recoveredFrom } : {}),
          [META_KEYS.appVersion]: options.appVersion ?? APP_VERSION,
          [META_KEYS.created]: String(Date.now()),
        });
      }
      return CruxFile.openExisting(target, options, lock);
    } catch (error) {
      lock.release();
      throw toCruxError(error, target);
    }
  }

  private static openExisting(target: string, options: OpenOptions, held: FileLock | null): CruxFile {
    checkHeader(target);
    requireWritable(target, target);
    let lock = held;
    let holder: LockHolder | null = null;
    if (!lock) {
      const attempt = tryLock(target);
      if ('lock' in attempt) lock = attempt.lock;
      else {
        holder = holderIsGone(attempt.holder, attempt.lockPath) ? null : attempt.holder;
        if (holder && holder.hostname !== thisHost) throw lockedError(target, holder, thisHost);
        // On this machine SQLite's lock decides: if we get it, the lock file is stale
        // (its process died, or its pid now belongs to someone else).
      }
    }
    let db: DatabaseSync | null = null;
    try {
      db = openDatabase(target);
      lock ??= takeOverLock(target);
      checkDatabase(target, db);
      return new CruxFile(target, db, lock, options);
    } catch (error) {
      db?.close();
      lock?.release();
      throw toCruxError(error, target, holder);
    }
  }

  /** What the file says about the project. */
  get meta(): CruxFileMeta {
    const rows = this.run(() => this.sql.allMeta.all() as { key: string; value: string }[]);
    const values = new Map(rows.map((r) => [r.key, r.value]));
    const text = (key: string) => values.get(key) ?? null;
    return {
      formatVersion: Number(text(META_KEYS.formatVersion)),
      appVersion: text(META_KEYS.appVersion) ?? '',
      created: Number(text(META_KEYS.created)),
      title: text(META_KEYS.title) ?? '',
      sourceName: text(META_KEYS.sourceName),
      sourceFormat: text(META_KEYS.sourceFormat) as ImportFormat | null,
      recoveredFrom: text(META_KEYS.recoveredFrom),
    };
  }

  /** Changes the project's details; keys left out stay as they are. */
  setDetails(details: ProjectDetails): void {
    const entries = metaEntries(validDetails(details));
    this.run(() => transaction(this.db, () => putMeta(this.db, entries)));
  }

  /** Durably appends one Yjs update: when this returns, a crash or power cut keeps it. */
  appendUpdate(update: Uint8Array, origin = ''): void {
    this.appendUpdates([{ update, origin }]);
  }

  /**
   * Durably appends several updates in one transaction (one fsync). Each must decode as
   * a Yjs update; if one does not, nothing is written.
   */
  appendUpdates(entries: readonly AppendEntry[]): void {
    this.ensureOpen();
    const rows = entries.map((entry, index) => checkAppendEntry(entry, index));
    if (rows.length === 0) return;
    this.run(() =>
      transaction(this.db, () => {
        for (const row of rows) this.sql.insertUpdate.run(row.at, row.origin, row.data, updateCrc(row));
      }),
    );
    this.pending += rows.length;
  }

  /** Updates appended since the last compaction; compact when this grows large. */
  get pendingUpdates(): number {
    return this.pending;
  }

  /** The whole document as one Yjs update (the state and every update after it). */
  loadState(): Uint8Array {
    return this.run(() => {
      const state = this.readState();
      const updates = this.readUpdates();
      if (updates.length === 0) return state.doc;
      return this.decoding(() => Y.mergeUpdates([state.doc, ...updates.map((u) => u.data)]));
    });
  }

  /** A new Y.Doc holding the whole document. */
  loadDoc(): Y.Doc {
    const update = this.loadState();
    // Deleted content is kept: named versions in the document (Yjs snapshots) need it.
    const doc = new Y.Doc({ gc: false });
    this.decoding(() => Y.applyUpdate(doc, update));
    return doc;
  }

  /**
   * Folds every appended update into the state, in one transaction: a crash leaves either
   * the old state and all updates, or the new state and none. Deleted content is kept
   * (the document's named versions are snapshots that need it). Then refreshes `x.crux.bak`.
   */
  compact(): CompactionResult {
    const { merged, stateBytes } = this.run(() =>
      transaction(this.db, () => {
        const state = this.readState();
        const updates = this.readUpdates();
        const last = updates.at(-1);
        if (!last) return { merged: 0, stateBytes: state.doc.byteLength };
        const doc = new Y.Doc({ gc: false });
        try {
          this.decoding(() =>
            doc.transact(() => {
              Y.applyUpdate(doc, state.doc);
              for (const update of updates) Y.applyUpdate(doc, update.data);
            }),
          );
          const stateBytes = putState(this.db, doc, last.id);
          this.sql.deleteUpdates.run(last.id);
          this.db.exec('PRAGMA incremental_vacuum');
          return { merged: updates.length, stateBytes };
        } finally {
          doc.destroy();
        }
      }),
    );
    this.pending = 0;
    const backupPath = this.backup && (merged > 0 || !existsSync(this.backupPath)) ? this.writeBackup() : null;
    return { merged, stateBytes, backupPath };
  }

  /** Where the rolling backup lives: `x.crux.bak`, a whole project as of the last compaction. */
  get backupPath(): string {
    return `${this.path}.bak`;
  }

  /** Saves a named version of `doc`: its snapshot and its whole content, kept through compaction. */
  addVersion(name: string, doc: Y.Doc, author: string): VersionInfo {
    const row = {
      name: requireText('A version name', name),
      author: requireText('An author', author),
      created: Date.now(),
      snapshot: Y.encodeSnapshot(Y.snapshot(doc)),
      doc: Y.encodeStateAsUpdate(doc),
    };
    const id = this.run(() => transaction(this.db, () => insertVersion(this.db, row)));
    return { id, name: row.name, created: row.created, author: row.author };
  }

  /** Every named version, oldest first. */
  listVersions(): VersionInfo[] {
    const rows = this.run(() => this.sql.listVersions.all() as unknown as VersionInfo[]);
    return rows.map(({ id, name, created, author }) => ({ id, name, created, author }));
  }

  /** A detached copy of the document as it was at a version; changes to it are never saved. */
  loadVersion(id: number): Y.Doc {
    const row = this.readVersion(id);
    const doc = new Y.Doc({ gc: false });
    this.decoding(() => Y.applyUpdate(doc, row.doc));
    return doc;
  }

  /** The Yjs snapshot taken with a version (for showing what changed since). */
  versionSnapshot(id: number): Y.Snapshot {
    const row = this.readVersion(id);
    return this.decoding(() => Y.decodeSnapshot(row.snapshot));
  }

  /** Stores the file the project was imported from, replacing any earlier one. */
  setOriginal(bytes: Uint8Array, name: string, mediaType: string): OriginalFile {
    const row = { name: checkOriginal(bytes, name, mediaType), media_type: mediaType, added: Date.now(), sha256: sha256Hex(bytes), bytes };
    this.run(() => transaction(this.db, () => putOriginal(this.db, row)));
    return { name: row.name, mediaType, bytes, sha256: row.sha256, added: row.added };
  }

  /** The file the project was imported from, checked against its SHA-256; null if none was stored. */
  getOriginal(): OriginalFile | null {
    const row = this.run(() => this.sql.getOriginal.get() as OriginalRow | undefined);
    if (!row) return null;
    if (!rowIntact('original', row)) throw damagedError(this.path, 'the copy of the original imported file no longer matches its checksum');
    return { name: row.name, mediaType: row.media_type, bytes: row.bytes, sha256: row.sha256, added: row.added };
  }

  /**
   * Writes a whole copy of the project, as it is now, to `path` (Save As): state, pending
   * updates, versions, original and details, by `VACUUM INTO`, fsynced and renamed into
   * place, so `path` is either the old file or a whole copy. An existing file there is
   * replaced (the Save dialog asked), unless another window has it open (`locked`). This
   * file stays open and locked; open the copy with `CruxFile.open`.
   */
  saveCopy(path: string): void {
    this.ensureOpen();
    const target = resolve(path);
    if (target === this.path) throw invalidInputError(`${quoteName(target)} is this project itself; choose another name.`);
    const lock = acquireLock(target);
    try {
      requireWritable(target, dirname(target));
      copyDatabase(this.db, target);
      // Leftovers of an older file at that name would be read as part of the copy.
      for (const suffix of ['-wal', '-shm', '.bak']) rmSync(`${target}${suffix}`, { force: true });
    } catch (error) {
      throw toCruxError(error, target);
    } finally {
      lock.release();
    }
  }

  /** Size figures of the file. */
  stats(): FileStats {
    const stateBytes = this.run(() => (this.sql.stateBytes.get() as { n: number }).n);
    const size = (p: string) => (existsSync(p) ? statSync(p).size : 0);
    return { pendingUpdates: this.pending, stateBytes, fileBytes: size(this.path) + size(`${this.path}-wal`) };
  }

  /**
   * Compacts what is pending (unless `compact` is false: a quick exit), then closes the
   * database, which folds the write-ahead log into the file, and removes the lock. A
   * compaction error is thrown after closing; the appended updates are safe either way.
   */
  close(options: { compact?: boolean } = {}): void {
    if (this.closed) return;
    try {
      const wanted = this.pending > 0 || (this.backup && !existsSync(this.backupPath));
      if (wanted && options.compact !== false) this.compact();
    } finally {
      this.closed = true;
      this.db.close();
      this.lock.release();
    }
  }

  private writeBackup(): string {
    this.run(() => copyDatabase(this.db, this.backupPath));
    return this.backupPath;
  }

  private readState(): StateRow {
    const state = this.sql.getState.get() as StateRow | undefined;
    if (!state) throw damagedError(this.path, 'its saved state is missing');
    if (!rowIntact('state', state)) throw damagedError(this.path, 'its saved state no longer matches its checksum');
    return state;
  }

  private readUpdates(): UpdateRow[] {
    const updates = this.sql.allUpdates.all() as unknown as UpdateRow[];
    const bad = updates.filter((u) => !rowIntact('updates', u)).length;
    if (bad > 0) throw damagedError(this.path, `${bad} recent change${bad === 1 ? '' : 's'} no longer match their checksums`);
    return updates;
  }

  private readVersion(id: number): VersionRow {
    const row = this.run(() => (Number.isSafeInteger(id) ? (this.sql.getVersion.get(id) as VersionRow | undefined) : undefined));
    if (!row) throw invalidInputError(`This project has no version ${id}.`);
    if (!rowIntact('versions', row)) throw damagedError(this.path, `its version “${row.name}” no longer matches its checksum`);
    return row;
  }

  /** Runs Yjs decoding; data that passed its checksum yet fails to decode means damage. */
  private decoding<T>(fn: () => T): T {
    try {
      return fn();
    } catch (error) {
      throw damagedError(this.path, 'part of the document no longer reads back', String(error));
    }
  }

  /** Runs a database call on the open file, turning SQLite's errors into CruxFileErrors. */
  private run<T>(fn: () => T): T {
    this.ensureOpen();
    try {
      return fn();
    } catch (error) {
      throw toCruxError(error, this.path);
    }
  }

  private ensureOpen(): void {
    if (this.closed) throw closedError(this.path);
  }
}

function statements(db: DatabaseSync) {
  const prepare = (sql: string): StatementSync => db.prepare(sql);
  return {
    countUpdates: prepare('SELECT count(*) AS n FROM updates'),
    insertUpdate: prepare('INSERT INTO updates (at, origin, data, crc) VALUES (?, ?, ?, ?)'),
    allUpdates: prepare(`SELECT ${COLUMNS.updates} FROM updates ORDER BY id`),
    deleteUpdates: prepare('DELETE FROM updates WHERE id <= ?'),
    getState: prepare(`SELECT ${COLUMNS.state} FROM state WHERE id = 1`),
    stateBytes: prepare('SELECT length(doc) AS n FROM state WHERE id = 1'),
    allMeta: prepare('SELECT key, value FROM meta'),
    listVersions: prepare('SELECT id, name, created, author FROM versions ORDER BY id'),
    getVersion: prepare(`SELECT ${COLUMNS.versions} FROM versions WHERE id = ?`),
    getOriginal: prepare(`SELECT ${COLUMNS.original} FROM original WHERE id = 1`),
  };
}
