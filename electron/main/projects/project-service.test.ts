// The project service on real files: a real .crux store behind a real embedded server
// (SyncService), the real recent-files list; only the Save dialog is scripted (Electron
// cannot run here). What a user would notice: where files go, what the title says, that a
// locked or damaged file changes nothing and says why, and that recovery opens a copy.
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CruxFile, CruxFileStore } from '../../../server/project-file';
import { makeProject, readArticle, truncatedCopy } from '../../../server/project-file/test-support/project';
import { connectClient } from '../../../server/test-support/clients';
import type { ProjectInfo, ProjectOutcome, ReadingSource } from '../../../shared/ipc/contract';
import { recordingLogger, tempDir, type RecordingLogger } from '../../test-support/fakes';
import { RecentFiles } from '../files/recent-files';
import { embeddedStore, SyncService } from '../sync/sync-service';
import { ProjectService, type ProjectSaveDialogOptions } from './project-service';

let dir: string;
let remove: () => Promise<void>;
let store: CruxFileStore;
let sync: SyncService;
let service: ProjectService;
let log: RecordingLogger;
let recent: RecentFiles;
let answers: (string | null)[];
let asked: ProjectSaveDialogOptions[];
let sent: ProjectOutcome[];
let titles: (string | null)[];

beforeEach(async () => {
  ({ dir, remove } = await tempDir('crux-projects-'));
  await mkdir(join(dir, 'Documents'));
  log = recordingLogger();
  store = new CruxFileStore();
  sync = new SyncService({ store: embeddedStore(store), appOrigins: ['app://crux'], lanAddresses: () => ['127.0.0.1'], log });
  await sync.start();
  recent = new RecentFiles(join(dir, 'userData', 'recent-files.json'), log, { caseInsensitive: false });
  answers = [];
  asked = [];
  sent = [];
  titles = [];
  service = new ProjectService({
    store,
    documentsDir: join(dir, 'Documents'),
    showSaveDialog: async (options) => {
      asked.push(options);
      const answer = answers.shift() ?? null;
      return answer === null ? { canceled: true } : { canceled: false, filePath: answer };
    },
    recent,
    recentDocuments: { addRecentDocument: () => undefined, clearRecentDocuments: () => undefined },
    events: { send: (channel, payload) => void (channel === 'project:outcome' && sent.push(payload as ProjectOutcome)) },
    beforeRelease: (id) => sync.closeProject(id),
    onDidChange: (project) => void titles.push(project?.name ?? null),
    log,
  });
  service.start();
});

afterEach(async () => {
  service.dispose();
  await sync.dispose();
  await store.close();
  await remove();
});

function openedProject(outcome: ProjectOutcome): ProjectInfo {
  if (outcome.kind !== 'opened') throw new Error(`expected an opened project, got ${JSON.stringify(outcome)}`);
  return outcome.project;
}

const reading = (over: Partial<ReadingSource> = {}): ReadingSource => ({
  name: 'split.txt',
  format: 'txt',
  title: 'The Split',
  bytes: new TextEncoder().encode('The text as imported.'),
  ...over,
});

/** Types `text` into a project through the embedded server, as the page would. */
async function typeInto(project: ProjectInfo, text: string): Promise<void> {
  const connection = await sync.connection(project.id);
  const client = connectClient({ url: connection.url, doc: project.id, token: connection.token });
  try {
    await client.synced();
    client.doc.getText('article').insert(0, text);
    await client.acknowledged();
  } finally {
    client.destroy();
  }
}

describe('the project service', () => {
  it('puts an imported reading in a new file in Documents/Crux named after it, with its original', async () => {
    const project = openedProject(await service.forReading(reading()));
    expect(project).toMatchObject({ path: join(dir, 'Documents', 'Crux', 'split.crux'), name: 'split.crux', title: 'The Split' });
    await typeInto(project, 'tagged words');
    // A second reading of the same name gets its own file; the first is closed and unlocked.
    const second = openedProject(await service.forReading(reading()));
    expect(second.name).toBe('split 2.crux');
    expect(existsSync(`${project.path}.lock`)).toBe(false);
    const file = CruxFile.open(project.path);
    try {
      expect(file.loadDoc().getText('article').toString()).toBe('tagged words');
      expect(file.meta).toMatchObject({ title: 'The Split', sourceName: 'split.txt', sourceFormat: 'txt' });
      expect(new TextDecoder().decode(file.getOriginal()!.bytes)).toBe('The text as imported.');
      expect(file.getOriginal()!.mediaType).toBe('text/plain');
    } finally {
      file.close();
    }
    expect(recent.entries().map((e) => e.name)).toEqual(['split 2.crux', 'split.crux']);
    expect(titles.at(-1)).toBe('split 2.crux');
  });

  it('New Project asks where, adds .crux, and the next reading goes into that empty project', async () => {
    answers.push(join(dir, 'week3'));
    const project = openedProject(await service.newWithDialog());
    expect(asked[0]).toMatchObject({ title: 'New Project', defaultPath: join(dir, 'Documents', 'Crux', 'Untitled.crux') });
    expect(project).toMatchObject({ path: join(dir, 'week3.crux'), name: 'week3.crux', title: 'week3' });
    const same = openedProject(await service.forReading(reading({ title: '' })));
    expect(same.id).toBe(project.id);
    expect(existsSync(join(dir, 'Documents', 'Crux'))).toBe(false);
    // Cancelling the dialog changes nothing.
    expect(await service.newWithDialog()).toEqual({ kind: 'cancelled' });
    expect(service.current()?.id).toBe(project.id);
  });

  it('Save As goes on in the copy; the old file keeps what it had', async () => {
    const first = openedProject(await service.forReading(reading()));
    await typeInto(first, 'before ');
    answers.push(join(dir, 'final.crux'));
    const moved = openedProject(await service.saveAsWithDialog());
    expect(moved).toMatchObject({ id: first.id, path: join(dir, 'final.crux'), name: 'final.crux' });
    expect(asked[0]).toMatchObject({ title: 'Save Project As', defaultPath: first.path });
    await typeInto(moved, 'after ');
    service.dispose();
    expect(readArticle(first.path)).toBe('before ');
    expect(readArticle(moved.path)).toBe('after before ');
    expect(recent.entries()[0]?.name).toBe('final.crux');
  });

  it('refuses Save As with nothing open, and Save As onto a file open elsewhere', async () => {
    expect(await service.saveAsWithDialog()).toMatchObject({
      kind: 'failed',
      message: 'There is no open project to save. Open a reading or a project first.',
    });
    const project = openedProject(await service.forReading(reading()));
    const busy = join(dir, 'busy.crux');
    const other = CruxFile.open(busy, { create: true });
    try {
      answers.push(busy);
      expect(await service.saveAsWithDialog()).toMatchObject({
        kind: 'failed',
        message: `“busy.crux” is open in another Crux window (pid ${process.pid}). Close it there first.`,
        recoverable: false,
      });
    } finally {
      other.close();
    }
    expect(service.current()).toEqual(project);
  });

  it('opening a file another window holds says so and leaves the open project as it was', async () => {
    const project = openedProject(await service.forReading(reading()));
    const elsewhere = join(dir, 'elsewhere.crux');
    const other = CruxFile.open(elsewhere, { create: true });
    try {
      const outcome = await service.openFile(elsewhere);
      expect(outcome).toEqual({
        kind: 'failed',
        name: 'elsewhere.crux',
        path: elsewhere,
        message: `“elsewhere.crux” is open in another Crux window (pid ${process.pid}). Close it there first.`,
        recoverable: false,
      });
    } finally {
      other.close();
    }
    expect(service.current()).toEqual(project);
    expect(await sync.connection(project.id)).toMatchObject({ role: 'owner' });
  });

  it('reports a damaged file with its recovery offer, and recovery opens x.recovered.crux with a summary', async () => {
    const whole = join(dir, 'whole.crux');
    makeProject(whole, { paragraphs: 30, tail: 4 });
    const damaged = join(dir, 'seminar.crux');
    truncatedCopy(whole, damaged, 3000);
    const outcome = await service.openFile(damaged);
    expect(outcome).toMatchObject({ kind: 'failed', name: 'seminar.crux', recoverable: true });
    expect(outcome.kind === 'failed' && outcome.message).toMatch(/^“seminar\.crux” is damaged: it is cut off.*“seminar\.recovered\.crux”/);
    expect(service.current()).toBeNull();

    // Only a file it reported may be recovered.
    expect(await service.recover(whole)).toMatchObject({
      kind: 'failed',
      message: 'Crux recovers only a damaged file it has just reported; open “whole.crux” first.',
    });
    const recovered = await service.recover(damaged);
    expect(recovered).toMatchObject({ kind: 'opened', project: { name: 'seminar.recovered.crux' } });
    expect(recovered.kind === 'opened' && recovered.notice).toMatch(/The damaged file is kept as it was\.$/);
    expect(await service.recover(damaged)).toMatchObject({ kind: 'failed' });
  });

  it('opens a project named on the command line and tells the page, and prunes a missing recent project with a message', async () => {
    const path = join(dir, 'named.crux');
    makeProject(path, { paragraphs: 2, tail: 1 });
    await service.openAndNotify(path);
    expect(sent).toMatchObject([{ kind: 'opened', project: { name: 'named.crux', path } }]);

    const gone = join(dir, 'gone.crux');
    makeProject(gone, { paragraphs: 2, tail: 1 });
    await recent.add(gone);
    rmSync(gone);
    const outcome = await service.handlers()['project:open'](gone);
    expect(outcome).toMatchObject({ kind: 'failed', name: 'gone.crux' });
    expect(outcome.kind === 'failed' && outcome.message).toMatch(/doesn’t exist\. .*It was removed from the recent files\.$/);
    expect(recent.has(gone)).toBe(false);
    expect(service.current()?.name).toBe('named.crux');
  });

  it('refuses paths from the page that are not existing .crux files by full path', async () => {
    const open = service.handlers()['project:open'];
    expect(await open('relative.crux')).toMatchObject({ kind: 'failed', message: 'Crux opens projects only by their full path; got “relative.crux”.' });
    const text = join(dir, 'notes.txt');
    writeFileSync(text, 'hello');
    expect(await open(text)).toMatchObject({ kind: 'failed', message: '“notes.txt” is not a Crux project (.crux).' });
    expect(await open(join(dir, 'nowhere.crux'))).toMatchObject({
      kind: 'failed',
      message: `Crux could not find the project “nowhere.crux” at ${dir}.`,
    });
    const fake = join(dir, 'fake.crux');
    writeFileSync(fake, 'not a project');
    expect(await open(fake)).toMatchObject({
      kind: 'failed',
      message: '“fake.crux” is not a Crux project: it is a text file. To read it in Crux, import it as a document instead.',
    });
    expect(service.current()).toBeNull();
  });

  it('at startup reopens the newest project of the recent list, once', async () => {
    const path = join(dir, 'last.crux');
    makeProject(path, { paragraphs: 2, tail: 1 });
    await recent.add(join(dir, 'reading.txt'));
    await recent.add(path);
    expect(await service.startup()).toMatchObject({ kind: 'opened', project: { name: 'last.crux' } });
    service.dispose();
    expect(await service.startup()).toEqual({ kind: 'cancelled' });
  });
});
