// The shapes a project file's callers see: its details, what to append, versions, the
// original file, and what compaction and the size figures report.
import type { ImportFormat } from '../../shared/import/types';

/** What a project file says about itself (its `meta` table). */
export interface CruxFileMeta {
  /** Format of the file (`PRAGMA user_version`). */
  formatVersion: number;
  /** Version of the Crux that created the file. */
  appVersion: string;
  /** When the file was created, milliseconds since the epoch. */
  created: number;
  /** The project's title, as shown in window titles and recent-file lists. */
  title: string;
  /** Name of the file the reading was imported from, if any. */
  sourceName: string | null;
  /** Format the reading was imported from, if any. */
  sourceFormat: ImportFormat | null;
  /** For a file written by recovery: the name of the damaged file it came from. */
  recoveredFrom: string | null;
}

/** The details of a project a user can change. */
export interface ProjectDetails {
  title?: string;
  sourceName?: string | null;
  sourceFormat?: ImportFormat | null;
}

/** How to open a project file. */
export interface OpenOptions {
  /** Create the file if it does not exist (default: false, which fails with `not-found`). */
  create?: boolean;
  /** Details written into a file this call creates. */
  details?: ProjectDetails & { recoveredFrom?: string };
  /** Version recorded in a file this call creates (default: this package's version). */
  appVersion?: string;
  /** Refresh `x.crux.bak` after each compaction (default: true). */
  backup?: boolean;
}

/** One update to append. */
export interface AppendEntry {
  /** A Yjs update (v1 encoding). */
  update: Uint8Array;
  /** Who sent it, for history ('' when unknown). */
  origin?: string;
  /** When it was made, milliseconds since the epoch (default: now). */
  at?: number;
}

/** What a compaction did. */
export interface CompactionResult {
  /** Updates folded into the state (0 when there was nothing to do). */
  merged: number;
  /** Size of the state afterwards, in bytes. */
  stateBytes: number;
  /** The backup written afterwards, or null if none was. */
  backupPath: string | null;
}

/** A named version, without its content. */
export interface VersionInfo {
  id: number;
  name: string;
  /** When it was made, milliseconds since the epoch. */
  created: number;
  author: string;
}

/** The file a project was imported from, byte for byte. */
export interface OriginalFile {
  name: string;
  mediaType: string;
  bytes: Uint8Array;
  /** Hex SHA-256 of `bytes`, checked on every read. */
  sha256: string;
  /** When it was stored, milliseconds since the epoch. */
  added: number;
}

/** Size figures of a project file. */
export interface FileStats {
  /** Updates appended since the last compaction. */
  pendingUpdates: number;
  /** Size of the compacted state, in bytes. */
  stateBytes: number;
  /** Size on disk of the file and its write-ahead log, in bytes. */
  fileBytes: number;
}
