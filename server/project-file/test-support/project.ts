// Helpers for project-file tests: temporary folders that clean up after themselves, a
// project with known content, and tools to damage a file the ways disks and copies do.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach } from 'vitest';
import * as Y from 'yjs';
import { CruxFile } from '../crux-file';
import { CruxFileError } from '../errors';
import type { OpenOptions } from '../types';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A fresh temporary folder, removed after the current test. */
export function tempFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'crux-file-test-'));
  folders.push(folder);
  return folder;
}

/** What a project made by `makeProject` holds. */
export interface ProjectContent {
  /** The article text as compacted (in the state row and the backup). */
  compacted: string;
  /** The article text with the updates appended after the compaction. */
  final: string;
  /** The bytes stored as the original imported file (`source.md`, text/markdown). */
  original: Uint8Array;
}

/**
 * Writes a closed project at `path`: an original file, `paragraphs` of numbered text,
 * compacted (which also writes the backup), a named version, then `tail` more edits
 * left as updates.
 */
export function makeProject(path: string, options: { paragraphs?: number; tail?: number; version?: boolean } = {}): ProjectContent {
  const { paragraphs = 200, tail = 40, version = true } = options;
  const file = CruxFile.open(path, { create: true, details: { title: 'Test project' } });
  const original = new TextEncoder().encode('# Source\n\n' + 'A line of the imported file.\n'.repeat(100));
  file.setOriginal(original, 'source.md', 'text/markdown');
  const doc = new Y.Doc();
  const text = doc.getText('article');
  const batch: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => batch.push(update));
  for (let i = 0; i < paragraphs; i++) text.insert(text.length, `Paragraph ${i} of the compacted part, with some words in it.\n`);
  file.appendUpdates(batch.splice(0).map((update) => ({ update, origin: 'test' })));
  file.compact();
  const compacted = text.toString();
  if (version) file.addVersion('Before the tail', doc, 'Tester');
  for (let i = 0; i < tail; i++) text.insert(text.length, `tail ${i};`);
  file.appendUpdates(batch.splice(0).map((update) => ({ update, origin: 'test' })));
  const final = text.toString();
  file.close({ compact: false });
  return { compacted, final, original };
}

/** The article text of a project file, opened and closed again. */
export function readArticle(path: string): string {
  const file = CruxFile.open(path);
  try {
    return file.loadDoc().getText('article').toString();
  } finally {
    file.close({ compact: false });
  }
}

/** Hex SHA-256 of a file's bytes. */
export function fileHash(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** Writes the first `length` bytes of `from` to `to`. */
export function truncatedCopy(from: string, to: string, length: number): void {
  writeFileSync(to, readFileSync(from).subarray(0, length));
}

/** Writes `from` to `to` with the bytes at `offsets` inverted. */
export function flippedCopy(from: string, to: string, offsets: number[]): void {
  const bytes = Buffer.from(readFileSync(from));
  for (const offset of offsets) bytes[offset] = (bytes[offset] ?? 0) ^ 0xff;
  writeFileSync(to, bytes);
}

/** A page of an SQLite file and what it holds. */
export interface PageInfo {
  table: string;
  pageno: number;
  pagetype: string;
  /** Byte offset of the page in the file. */
  offset: number;
  pageSize: number;
}

/** Every page of a closed database file, from SQLite's `dbstat` table (read from a copy). */
export function pagesOf(path: string): PageInfo[] {
  const copy = `${path}.pages-${process.pid}`;
  writeFileSync(copy, readFileSync(path));
  const db = new DatabaseSync(copy, { readOnly: true });
  try {
    const pageSize = (db.prepare('PRAGMA page_size').get() as { page_size: number }).page_size;
    const rows = db.prepare('SELECT name, pageno, pagetype FROM dbstat ORDER BY pageno').all() as {
      name: string;
      pageno: number;
      pagetype: string;
    }[];
    return rows.map((r) => ({ table: r.name, pageno: r.pageno, pagetype: r.pagetype, offset: (r.pageno - 1) * pageSize, pageSize }));
  } finally {
    db.close();
    rmSync(copy, { force: true });
  }
}

/** The CruxFileError that opening `path` fails with (the test fails if it opens). */
export function openError(path: string, options: OpenOptions = {}): CruxFileError {
  try {
    CruxFile.open(path, options).close();
  } catch (error) {
    if (error instanceof CruxFileError) return error;
    throw error;
  }
  throw new Error(`${path} opened`);
}
