// Files that are not what they should be: other files named .crux, projects cut short or
// with flipped bytes. Each gets a plain message and leaves the file as it was; a damaged
// project is recovered into a new file that opens and holds what could be salvaged.
import { copyFileSync, existsSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { CruxFile } from './crux-file';
import type { CruxFileError } from './errors';
import { FORMAT_VERSION } from './format';
import { recoverCruxFile } from './recover';
import {
  fileHash,
  flippedCopy,
  makeProject,
  openError,
  pagesOf,
  readArticle,
  tempFolder,
  truncatedCopy,
  type ProjectContent,
} from './test-support/project';

/** Asserts that opening fails with `code` and `message`, and leaves no trace on the file. */
function expectRefused(path: string, code: CruxFileError['code'], message: string | RegExp): void {
  const before = fileHash(path);
  const error = openError(path);
  expect(error.code).toBe(code);
  if (typeof message === 'string') expect(error.message).toBe(message);
  else expect(error.message).toMatch(message);
  expect(fileHash(path)).toBe(before);
  expect(existsSync(`${path}.lock`)).toBe(false);
  expect(existsSync(`${path}-wal`)).toBe(false);
}

const damagedMessage = (name: string, what: string) =>
  `“${name}.crux” is damaged: ${what}. Crux can recover what is still readable into a new file, “${name}.recovered.crux”; the damaged file is kept as it is.`;

describe('files that are not Crux projects', () => {
  it('names an empty file as empty', () => {
    const path = join(tempFolder(), 'empty.crux');
    writeFileSync(path, '');
    expectRefused(
      path,
      'empty',
      '“empty.crux” is empty (0 bytes), so it holds no Crux project. It was probably cut off while being copied or saved; open another copy of it.',
    );
  });

  it('names a text file renamed .crux as text', () => {
    const path = join(tempFolder(), 'notes.crux');
    writeFileSync(path, '# Reading notes\n\nThe split was about ideology — or was it?\n');
    expectRefused(
      path,
      'not-crux',
      '“notes.crux” is not a Crux project: it is a text file. To read it in Crux, import it as a document instead.',
    );
  });

  it('names other binary files as not saved by Crux', () => {
    const path = join(tempFolder(), 'photo.crux');
    writeFileSync(path, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 2, 0, 0, 1]));
    expectRefused(
      path,
      'not-crux',
      '“photo.crux” is not a Crux project: Crux did not save it. To read a document in Crux, import it (.txt, .md, .html, .pdf or .docx) instead of opening it as a project.',
    );
  });

  it('names another program’s SQLite database as such', () => {
    const path = join(tempFolder(), 'contacts.crux');
    const db = new DatabaseSync(path);
    db.exec("CREATE TABLE people (name TEXT); INSERT INTO people VALUES ('Ann')");
    db.close();
    expectRefused(path, 'not-crux', '“contacts.crux” is not a Crux project: it is a database made by another program.');
  });

  it('asks for a newer Crux for a newer format', () => {
    const path = join(tempFolder(), 'future.crux');
    CruxFile.open(path, { create: true }).close({ compact: false });
    const db = new DatabaseSync(path);
    db.exec(`PRAGMA user_version = ${FORMAT_VERSION + 1}`);
    db.close();
    expectRefused(
      path,
      'too-new',
      `“future.crux” was saved by a newer version of Crux (file format ${FORMAT_VERSION + 1}; this version reads up to format ${FORMAT_VERSION}). Update Crux to open it.`,
    );
  });
});

/** A project with a backup, a version and a tail of updates, and its content. */
function project(name: string): { folder: string; path: string; content: ProjectContent; pageSize: number } {
  const folder = tempFolder();
  const path = join(folder, `${name}.crux`);
  const content = makeProject(path);
  return { folder, path, content, pageSize: pagesOf(path)[0]!.pageSize };
}

/** Recovers `damaged`, checks the damaged file is untouched, and returns the report and the recovered text. */
function recover(damaged: string) {
  const before = fileHash(damaged);
  const report = recoverCruxFile(damaged);
  expect(fileHash(damaged)).toBe(before);
  expect(report.damagedPath).toBe(damaged);
  return { report, text: readArticle(report.path) };
}

describe('a project cut short', () => {
  it('is reported as cut off at any length, and recovered with at least its compacted state', () => {
    const { folder, path, content, pageSize } = project('seminar');
    const size = statSync(path).size;
    for (const length of [50, 100, pageSize * 2 + 100, pageSize * 6, Math.floor(size / 2), size - pageSize, size - 1]) {
      const cut = join(folder, `cut-${length}.crux`);
      truncatedCopy(path, cut, length);
      // The backup is the project's; beside the cut copy it is that copy's backup.
      copyFileSync(`${path}.bak`, `${cut}.bak`);
      const error = openError(cut);
      expect(error.code, `cut at ${length}`).toBe('damaged');
      expect(error.message).toMatch(new RegExp(`^“cut-${length}\\.crux” is damaged: it is cut off`));
      const { report, text } = recover(cut);
      expect(report.path).toBe(join(folder, `cut-${length}.recovered.crux`));
      expect(text.startsWith(content.compacted), `cut at ${length}`).toBe(true);
      expect(report.stateFrom).not.toBe('none');
    }
  });

  it('without a backup, keeps what the file still holds and says what it lost', () => {
    const { folder, path, content } = project('lastpage');
    rmSync(`${path}.bak`);
    // The last page holds the end of the named version's copy of the document.
    const lastPage = pagesOf(path).at(-1)!;
    expect(lastPage).toMatchObject({ table: 'versions', pagetype: 'overflow' });
    const cut = join(folder, 'lastpage-cut.crux');
    truncatedCopy(path, cut, lastPage.offset);
    expect(openError(cut).message).toMatch(/^“lastpage-cut\.crux” is damaged: it is cut off: it has \d+ bytes of the \d+ it should have\./);
    const { report, text } = recover(cut);
    expect(text).toBe(content.final);
    expect(report).toMatchObject({ stateFrom: 'file', updates: { kept: 40, lost: 0 }, versions: { kept: 0, lost: 1 }, unplaced: false });
    expect(report.summary).toBe(
      'Recovered the saved document, 40 recent changes and the original imported file from “lastpage-cut.crux” into “lastpage-cut.recovered.crux”. Could not read 1 named version. The damaged file is kept as it was.',
    );
  });

  it('without a backup and with its state gone, keeps the changes it cannot place and says so', () => {
    const { folder, path } = project('nostate');
    rmSync(`${path}.bak`);
    const firstStatePage = pagesOf(path).find((p) => p.table === 'state')!;
    const cut = join(folder, 'nostate-cut.crux');
    truncatedCopy(path, cut, firstStatePage.offset);
    const { report, text } = recover(cut);
    expect(report.stateFrom).toBe('none');
    expect(report.unplaced).toBe(true);
    expect(text).toBe('');
    expect(report.summary).toBe(
      'Recovered 40 recent changes from “nostate-cut.crux” into “nostate-cut.recovered.crux”. Could not read the saved document and 1 named version. Some changes build on lost ones and stay hidden in the recovered file. The damaged file is kept as it was.',
    );
  });

  it('with nothing left, still gives an empty project and says so', () => {
    const folder = tempFolder();
    const cut = join(folder, 'stub.crux');
    makeProject(join(folder, 'whole.crux'));
    truncatedCopy(join(folder, 'whole.crux'), cut, 50);
    expect(openError(cut).message).toBe(damagedMessage('stub', 'it is cut off: only its first 50 bytes are left'));
    const { report, text } = recover(cut);
    expect(text).toBe('');
    expect(report.summary).toBe(
      'Nothing could be read back from “stub.crux”; “stub.recovered.crux” is an empty project. Could not read the saved document. The damaged file is kept as it was.',
    );
  });
});

describe('a project with flipped bytes', () => {
  /** Flips a byte in the middle of the first page of `table` of type `pagetype`, in a copy. */
  function flip(name: string, table: string, pagetype: string, keepBackup = true) {
    const { folder, path, content } = project(name);
    const page = pagesOf(path).find((p) => p.table === table && p.pagetype === pagetype)!;
    const damaged = join(folder, `${name}-flipped.crux`);
    // Cells sit at the end of a leaf page, so flip there; an overflow page is all data.
    const at = page.offset + (pagetype === 'leaf' ? page.pageSize - 100 : page.pageSize / 2);
    flippedCopy(path, damaged, [at]);
    if (keepBackup) copyFileSync(`${path}.bak`, `${damaged}.bak`);
    return { damaged, content };
  }

  it('in the compacted state: detected, and recovered whole from the backup and the updates', () => {
    const { damaged, content } = flip('state', 'state', 'overflow');
    expect(openError(damaged).message).toBe(
      damagedMessage('state-flipped', 'parts of it no longer read back as they were saved (the saved state)'),
    );
    const { report, text } = recover(damaged);
    expect(report.stateFrom).toBe('backup');
    expect(text).toBe(content.final);
    expect(report.original).toBe('kept');
    const recovered = CruxFile.open(report.path);
    expect(Buffer.from(recovered.getOriginal()!.bytes).equals(Buffer.from(content.original))).toBe(true);
    recovered.close();
  });

  it('in the update log: detected, and recovered with the compacted state and the changes still readable', () => {
    const { damaged, content } = flip('updates', 'updates', 'leaf');
    // Where the flip lands in a cell (its header or its data) depends on the update sizes,
    // which vary with the random Yjs client id: SQLite or the row checksum catches it.
    expect(openError(damaged).message).toMatch(
      /^“updates-flipped\.crux” is damaged: (its internal structure is broken|parts of it no longer read back as they were saved \(1 recent change\))\./,
    );
    const { report, text } = recover(damaged);
    expect(report).toMatchObject({ stateFrom: 'file', updates: { kept: 39, lost: 1 } });
    expect(text.startsWith(content.compacted)).toBe(true);
    expect(report.summary).toMatch(/Could not read 1 recent change\./);
  });

  it('in a named version: detected, and the version left out of the recovered file', () => {
    const { damaged, content } = flip('version', 'versions', 'overflow');
    expect(openError(damaged).message).toBe(
      damagedMessage('version-flipped', 'parts of it no longer read back as they were saved (1 named version)'),
    );
    const { report, text } = recover(damaged);
    expect(report.versions).toEqual({ kept: 0, lost: 1 });
    expect(text).toBe(content.final);
  });

  it('in the state with no backup: rebuilt from the named version and the updates', () => {
    const { damaged, content } = flip('rebuilt', 'state', 'overflow', false);
    const { report, text } = recover(damaged);
    expect(report.stateFrom).toBe('none');
    // The version holds the whole document as of the compaction, so the tail applies.
    expect(text).toBe(content.final);
  });

  it('is recovered again beside the first recovery, never over it', () => {
    const { damaged } = flip('twice', 'state', 'overflow');
    const first = recoverCruxFile(damaged);
    const second = recoverCruxFile(damaged);
    expect(first.path.endsWith('twice-flipped.recovered.crux')).toBe(true);
    expect(second.path.endsWith('twice-flipped.recovered-2.crux')).toBe(true);
    const recovered = CruxFile.open(second.path);
    expect(recovered.meta.recoveredFrom).toBe('twice-flipped.crux');
    expect(recovered.meta.title).toBe('Test project');
    recovered.close();
  });
});
