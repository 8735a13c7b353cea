// Reads what can still be read from a damaged project file: every table row by row,
// stepping around the pages SQLite can no longer read, and keeping only rows whose
// checksum holds and whose Yjs data still decodes. Works on a scratch copy: it may write.
import { DatabaseSync } from 'node:sqlite';
import * as Y from 'yjs';
import { COLUMNS, rowIntact, type RowOf } from './rows';

type StateRow = RowOf['state'];
type UpdateRow = RowOf['updates'];
type VersionRow = RowOf['versions'];
type OriginalRow = RowOf['original'];

/** What could be read from one damaged file. */
export interface Salvage {
  /** Whether SQLite could read the file at all. */
  readable: boolean;
  meta: Map<string, string>;
  state: StateRow | null;
  updates: UpdateRow[];
  versions: VersionRow[];
  original: OriginalRow | null;
  /** Rows that exist but could not be read or failed their checks. */
  lost: { state: boolean; updates: number; versions: number; original: boolean };
  /** What went wrong, in SQLite's words, for logs. */
  problems: string[];
}

/** Most rows probed one by one across a damaged stretch of a table. */
const MAX_PROBES = 100_000;

/** Salvages a damaged project database at `path` (a scratch copy: SQLite may write to it). */
export function salvageDatabase(path: string): Salvage {
  const salvage: Salvage = {
    readable: false,
    meta: new Map(),
    state: null,
    updates: [],
    versions: [],
    original: null,
    lost: { state: false, updates: 0, versions: 0, original: false },
    problems: [],
  };
  let db: DatabaseSync;
  try {
    db = new DatabaseSync(path);
    db.exec('PRAGMA locking_mode = EXCLUSIVE');
    // Relaxes SQLite's refusals that would hide readable rows: notably, a file shorter
    // than its header says is read up to where it ends instead of refused whole.
    db.exec('PRAGMA writable_schema = ON');
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
  } catch (error) {
    salvage.problems.push(`cannot read the database: ${String(error)}`);
    return salvage;
  }
  try {
    salvage.readable = true;
    // Rows that match their checksum and pass `usable` (their Yjs data decodes).
    const read = <T extends keyof RowOf>(table: T, usable: (row: RowOf[T]) => boolean = () => true) => {
      const { rows, unreadable } = readRows<RowOf[T]>(db, table, salvage.problems);
      const good = rows.filter((r) => rowIntact(table, r) && usable(r));
      return { good, lost: unreadable + rows.length - good.length };
    };

    for (const row of read('meta').good) salvage.meta.set(row.key, row.value);

    const state = read('state', (r) => decodes(r.doc));
    salvage.state = state.good[0] ?? null;
    salvage.lost.state = salvage.state === null;

    const updates = read('updates', (r) => decodes(r.data));
    salvage.updates = updates.good;
    salvage.lost.updates = updates.lost;

    const versions = read('versions', (r) => decodes(r.doc) && snapshotDecodes(r.snapshot));
    salvage.versions = versions.good;
    salvage.lost.versions = versions.lost;

    const original = read('original');
    salvage.original = original.good[0] ?? null;
    salvage.lost.original = original.lost > 0;
  } finally {
    db.close();
  }
  return salvage;
}

/** Whether bytes apply as a Yjs update to an empty document without an error. */
export function decodes(update: Uint8Array): boolean {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, update);
    return true;
  } catch {
    return false;
  } finally {
    doc.destroy();
  }
}

function snapshotDecodes(bytes: Uint8Array): boolean {
  try {
    Y.decodeSnapshot(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Reads every row of a table it can: a forward scan until SQLite fails, a backward scan
 * from the end until it fails, then the rows between, one rowid at a time. Returns the
 * rows read (unchecked) and how many rowids between failed to read.
 */
function readRows<T>(db: DatabaseSync, table: keyof typeof COLUMNS, problems: string[]): { rows: T[]; unreadable: number } {
  const select = `SELECT rowid AS _rowid, ${COLUMNS[table]} FROM ${table}`;
  const rows = new Map<number, T>();
  /** Scans in one direction until the end, a row already read, or an error. */
  const scan = (order: 'ASC' | 'DESC'): { done: boolean; last: number | null } => {
    let last: number | null = null;
    try {
      for (const row of db.prepare(`${select} ORDER BY rowid ${order}`).iterate()) {
        const rowid = Number(row._rowid);
        if (rows.has(rowid)) break;
        rows.set(rowid, row as T);
        last = rowid;
      }
      return { done: true, last };
    } catch (error) {
      problems.push(`${table}: ${String(error)}`);
      return { done: false, last };
    }
  };
  const forward = scan('ASC');
  if (forward.done) return { rows: [...rows.values()], unreadable: 0 };
  const low = forward.last ?? 0;
  // The backward scan stops after the lowest rowid it read; if it read none, the end of
  // the table is wherever SQLite still knows it to be.
  const backward = scan('DESC');
  const high = backward.done ? low : (backward.last ?? highestRowid(db, table));
  let unreadable = 0;
  try {
    const probe = db.prepare(`${select} WHERE rowid = ?`);
    for (let rowid = low + 1; rowid < Math.min(high, low + MAX_PROBES); rowid++) {
      if (rows.has(rowid)) continue;
      try {
        const row = probe.get(rowid);
        if (row) rows.set(rowid, row as T);
      } catch {
        unreadable++;
      }
    }
  } catch (error) {
    problems.push(`${table}: ${String(error)}`);
  }
  return { rows: [...rows.values()], unreadable };
}

/** One past the highest rowid a table has had, from wherever that can still be read; 0 if nowhere. */
function highestRowid(db: DatabaseSync, table: string): number {
  for (const sql of [`SELECT max(rowid) AS n FROM ${table}`, 'SELECT seq AS n FROM sqlite_sequence WHERE name = ?']) {
    try {
      const row = (sql.includes('?') ? db.prepare(sql).get(table) : db.prepare(sql).get()) as { n: number | null } | undefined;
      if (row?.n) return Number(row.n) + 1;
    } catch {
      // Try the next source.
    }
  }
  return 0;
}
