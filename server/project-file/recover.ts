// Recovery of a damaged project: salvages what can be read from the file and from its
// rolling backup, merges it into one document (Yjs merges are unions, so every source
// only adds), and writes it to a new file beside the damaged one, which is left as it was.
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import * as Y from 'yjs';
import { quoteName } from '../../shared/import/errors';
import { APP_VERSION } from './app-version';
import { checkDatabase, toCruxError } from './check';
import { createDatabase, insertVersion, openDatabase, putOriginal, putState, transaction } from './database';
import { notFoundError, recoveredName } from './errors';
import { META_KEYS } from './format';
import { acquireLock } from './lock';
import type { OriginalRow, VersionRow } from './rows';
import { salvageDatabase, type Salvage } from './salvage';

/** What recovery found and wrote. */
export interface RecoveryReport {
  /** The recovered project, beside the damaged one. */
  path: string;
  /** The damaged file, left exactly as it was. */
  damagedPath: string;
  /** Where the compacted state came from: the file, its backup (`x.crux.bak`), or nowhere. */
  stateFrom: 'file' | 'backup' | 'none';
  /** Changes appended since the last compaction: read back, and known but unreadable. */
  updates: { kept: number; lost: number };
  /** Named versions: read back, and known but unreadable. */
  versions: { kept: number; lost: number };
  /** The original imported file. */
  original: 'kept' | 'lost' | 'none';
  /**
   * Whether some changes were read but build on others that were lost: they are kept in
   * the recovered file, dormant, and take effect if the missing ones ever arrive (from a
   * collaborator who still has them).
   */
  unplaced: boolean;
  /** A plain account for the user. */
  summary: string;
  /** What SQLite reported while reading, for logs. */
  problems: string[];
}

/**
 * Recovers a damaged project at `path` into `x.recovered.crux` (or `x.recovered-2.crux`, …)
 * beside it. The damaged file is only read, from a scratch copy; it stays as it was.
 */
export function recoverCruxFile(path: string, options: { appVersion?: string } = {}): RecoveryReport {
  const target = resolve(path);
  if (!existsSync(target)) throw notFoundError(target);
  const lock = acquireLock(target);
  const scratch = mkdtempSync(join(tmpdir(), 'crux-recover-'));
  try {
    const main = salvageDatabase(scratchCopy(target, join(scratch, 'damaged.crux')));
    const backupPath = `${target}.bak`;
    const backup = existsSync(backupPath) ? salvageDatabase(scratchCopy(backupPath, join(scratch, 'backup.crux'))) : null;

    const versions = mergeVersions(main, backup);
    const original = main.original ?? backup?.original ?? null;
    // Deleted content is kept, as everywhere a document is stored: versions need it.
    const doc = new Y.Doc({ gc: false });
    // Oldest first, though the order does not change the result: the backup, then the
    // file, then the newest version as a last resort for what both lost.
    const sources = [
      backup?.state?.doc,
      ...(backup?.updates ?? []).map((u) => u.data),
      main.state?.doc,
      ...main.updates.map((u) => u.data),
      versions.at(-1)?.doc,
    ];
    for (const update of sources) if (update) Y.applyUpdate(doc, update);
    const unplaced = doc.store.pendingStructs !== null || doc.store.pendingDs !== null;

    const out = freePath(join(dirname(target), recoveredName(target)));
    try {
      writeRecovered(out, doc, versions, original, {
        ...Object.fromEntries(backup?.meta ?? []),
        ...Object.fromEntries(main.meta),
        [META_KEYS.recoveredFrom]: basename(target),
        [META_KEYS.appVersion]: options.appVersion ?? APP_VERSION,
        [META_KEYS.created]: String(Date.now()),
      });
    } finally {
      doc.destroy();
    }

    const report: Omit<RecoveryReport, 'summary'> = {
      path: out,
      damagedPath: target,
      stateFrom: main.state ? 'file' : backup?.state ? 'backup' : 'none',
      updates: { kept: main.updates.length, lost: main.lost.updates },
      // A version the file lost may still be in the backup.
      versions: { kept: versions.length, lost: Math.max(0, main.lost.versions - (versions.length - main.versions.length)) },
      original: original ? 'kept' : main.lost.original ? 'lost' : 'none',
      unplaced,
      problems: [...main.problems, ...(backup?.problems ?? []).map((p) => `backup: ${p}`)],
    };
    return { ...report, summary: summarise(report) };
  } catch (error) {
    throw toCruxError(error, target);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
    lock.release();
  }
}

/** Copies a database and its write-ahead log (which holds its latest commits) to `to`. */
function scratchCopy(from: string, to: string): string {
  copyFileSync(from, to);
  if (existsSync(`${from}-wal`)) copyFileSync(`${from}-wal`, `${to}-wal`);
  return to;
}

/** Versions from the file and its backup, each once, oldest first. */
function mergeVersions(main: Salvage, backup: Salvage | null): VersionRow[] {
  const byKey = new Map<string, VersionRow>();
  for (const v of [...(backup?.versions ?? []), ...main.versions]) byKey.set(`${v.created}\u0000${v.name}\u0000${v.author}`, v);
  return [...byKey.values()].sort((a, b) => a.created - b.created || a.id - b.id);
}

/** `path`, or the first of `x-2.crux`, `x-3.crux`, … that does not exist yet. */
function freePath(path: string): string {
  const stem = path.replace(/\.crux$/i, '');
  let candidate = path;
  for (let n = 2; existsSync(candidate) || existsSync(`${candidate}.lock`); n++) candidate = `${stem}-${n}.crux`;
  return candidate;
}

/** Writes the recovered project: a new file whose state is `doc`, checked before it is closed. */
function writeRecovered(out: string, doc: Y.Doc, versions: VersionRow[], original: OriginalRow | null, meta: Record<string, string>): void {
  createDatabase(out, meta);
  const db = openDatabase(out);
  try {
    transaction(db, () => {
      putState(db, doc, 0);
      for (const version of versions) insertVersion(db, version);
      if (original) putOriginal(db, original);
    });
    checkDatabase(out, db);
  } finally {
    db.close();
  }
}

function summarise(report: Omit<RecoveryReport, 'summary'>): string {
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const kept: string[] = [];
  if (report.stateFrom === 'file') kept.push('the saved document');
  if (report.stateFrom === 'backup') kept.push('the saved document as of its last automatic backup');
  if (report.updates.kept > 0) kept.push(plural(report.updates.kept, 'recent change', 'recent changes'));
  if (report.versions.kept > 0) kept.push(plural(report.versions.kept, 'named version', 'named versions'));
  if (report.original === 'kept') kept.push('the original imported file');
  const lost: string[] = [];
  if (report.stateFrom === 'none') lost.push('the saved document');
  if (report.updates.lost > 0) lost.push(plural(report.updates.lost, 'recent change', 'recent changes'));
  if (report.versions.lost > 0) lost.push(plural(report.versions.lost, 'named version', 'named versions'));
  if (report.original === 'lost') lost.push('the original imported file');
  const list = (items: string[]) =>
    items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
  const sentences = [
    kept.length > 0
      ? `Recovered ${list(kept)} from ${quoteName(report.damagedPath)} into ${quoteName(report.path)}.`
      : `Nothing could be read back from ${quoteName(report.damagedPath)}; ${quoteName(report.path)} is an empty project.`,
  ];
  if (lost.length > 0) sentences.push(`Could not read ${list(lost)}.`);
  if (report.unplaced) sentences.push('Some changes build on lost ones and stay hidden in the recovered file.');
  sentences.push('The damaged file is kept as it was.');
  return sentences.join(' ');
}
