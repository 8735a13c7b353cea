// Every way opening or writing a `.crux` file can fail, with messages that name the file,
// say what is wrong in plain words and what the user can do. Technical detail (SQLite's
// own words) goes in `detail`, for logs, never in the message.
import { basename } from 'node:path';
import { quoteName } from '../../shared/import/errors';

/** Why a project file operation failed. */
export type CruxFileErrorCode =
  | 'not-found'
  | 'empty'
  | 'not-crux'
  | 'too-new'
  | 'damaged'
  | 'locked'
  | 'read-only'
  | 'write-failed'
  | 'invalid-input'
  | 'closed';

/** Who holds a project file open, as its lock file says. */
export interface LockHolder {
  pid: number;
  hostname: string;
  /** When the lock was taken, milliseconds since the epoch. */
  time: number;
}

/** A project file operation that failed; `message` is meant for the user. */
export class CruxFileError extends Error {
  /** Machine-readable reason. */
  readonly code: CruxFileErrorCode;
  /** What SQLite or the check said, for logs and bug reports. */
  readonly detail: string | undefined;
  /** For `locked`: who holds the file, if known. */
  readonly holder: LockHolder | undefined;
  constructor(code: CruxFileErrorCode, message: string, extra: { detail?: string; holder?: LockHolder } = {}) {
    super(message);
    this.name = 'CruxFileError';
    this.code = code;
    this.detail = extra.detail;
    this.holder = extra.holder;
  }
}

/** Name of the copy that recovery writes for `path`: `x.crux` → `x.recovered.crux`. */
export function recoveredName(path: string): string {
  return `${basename(path).replace(/\.crux$/i, '')}.recovered.crux`;
}

/** The file does not exist. */
export function notFoundError(path: string): CruxFileError {
  return new CruxFileError('not-found', `${quoteName(path)} doesn’t exist. It may have been moved, renamed or deleted.`);
}

/** The file has no bytes. */
export function emptyError(path: string): CruxFileError {
  return new CruxFileError(
    'empty',
    `${quoteName(path)} is empty (0 bytes), so it holds no Crux project. It was probably cut off while being copied or saved; open another copy of it.`,
  );
}

/** The file is not a Crux project: `kind` says what it looks like instead. */
export function notCruxError(path: string, kind: 'text' | 'binary' | 'other-database'): CruxFileError {
  const message = {
    text: `${quoteName(path)} is not a Crux project: it is a text file. To read it in Crux, import it as a document instead.`,
    binary: `${quoteName(path)} is not a Crux project: Crux did not save it. To read a document in Crux, import it (.txt, .md, .html, .pdf or .docx) instead of opening it as a project.`,
    'other-database': `${quoteName(path)} is not a Crux project: it is a database made by another program.`,
  }[kind];
  return new CruxFileError('not-crux', message);
}

/** The file was written by a newer Crux. */
export function tooNewError(path: string, version: number, known: number): CruxFileError {
  return new CruxFileError(
    'too-new',
    `${quoteName(path)} was saved by a newer version of Crux (file format ${version}; this version reads up to format ${known}). Update Crux to open it.`,
  );
}

/** The file is damaged; `what` says how in plain words. */
export function damagedError(path: string, what: string, detail?: string): CruxFileError {
  return new CruxFileError(
    'damaged',
    `${quoteName(path)} is damaged: ${what}. Crux can recover what is still readable into a new file, “${recoveredName(path)}”; the damaged file is kept as it is.`,
    detail === undefined ? {} : { detail },
  );
}

/** Another process holds the file. */
export function lockedError(path: string, holder: LockHolder | null, ourHostname: string): CruxFileError {
  const where = !holder
    ? 'in another Crux window'
    : holder.hostname === ourHostname
      ? `in another Crux window (pid ${holder.pid})`
      : `in Crux on another computer (“${holder.hostname}”, pid ${holder.pid})`;
  return new CruxFileError(
    'locked',
    `${quoteName(path)} is open ${where}. Close it there first.`,
    holder ? { holder } : {},
  );
}

/** The file or its folder cannot be written (a read-only disk, folder or file). */
export function readOnlyError(path: string, detail?: string): CruxFileError {
  return new CruxFileError(
    'read-only',
    `${quoteName(path)} can’t be opened for editing: the file or its folder is read-only. Copy it to a folder you can write to (your Documents folder, say) and open the copy.`,
    detail === undefined ? {} : { detail },
  );
}

/** Writing failed; `why` is a plain reason ("the disk is full"). Nothing was saved by the failed write. */
export function writeFailedError(path: string, why: string, detail?: string): CruxFileError {
  return new CruxFileError(
    'write-failed',
    `Crux couldn’t save to ${quoteName(path)}: ${why}. What was saved before is safe, and Crux keeps trying to save once the problem is fixed.`,
    detail === undefined ? {} : { detail },
  );
}

/** A caller passed something the file cannot store; nothing was written. */
export function invalidInputError(message: string): CruxFileError {
  return new CruxFileError('invalid-input', message);
}

/** The file was used after `close()`. */
export function closedError(path: string): CruxFileError {
  return new CruxFileError('closed', `${quoteName(path)} is already closed.`);
}
