import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OpenedFile } from '../../../shared/ipc/contract';
import { recordingLogger, tempDir, type RecordingLogger } from '../../test-support/fakes';
import { RendererEvents } from '../ipc/renderer-events';
import { FilesService, type OpenDialogOptions, type SaveDialogOptions } from './files-service';
import { RecentFiles } from './recent-files';

describe('FilesService', () => {
  let dir: string;
  let remove: () => Promise<void>;
  let log: RecordingLogger;
  let recent: RecentFiles;
  let service: FilesService;
  let dialogAnswer: { canceled: boolean; filePaths: string[] };
  let dialogOptions: OpenDialogOptions | undefined;
  let saveAnswer: { canceled: boolean; filePath?: string };
  let saveOptions: SaveDialogOptions | undefined;
  let osRecent: string[];
  let sent: [string, unknown][];

  beforeEach(async () => {
    ({ dir, remove } = await tempDir());
    log = recordingLogger();
    recent = new RecentFiles(join(dir, 'recent-files.json'), log, { caseInsensitive: false });
    dialogAnswer = { canceled: true, filePaths: [] };
    saveAnswer = { canceled: true };
    osRecent = [];
    sent = [];
    const events = new RendererEvents(log);
    events.attach({ send: (channel, payload) => void sent.push([channel, payload]), isDestroyed: () => false });
    service = new FilesService({
      showOpenDialog: async (options) => {
        dialogOptions = options;
        return dialogAnswer;
      },
      showSaveDialog: async (options) => {
        saveOptions = options;
        return saveAnswer;
      },
      recent,
      recentDocuments: {
        addRecentDocument: (path) => void osRecent.push(path),
        clearRecentDocuments: () => void (osRecent = []),
      },
      events,
      log,
    });
    await service.start();
  });
  afterEach(() => remove());

  async function file(name: string, text = 'Some text.'): Promise<string> {
    const path = join(dir, name);
    await writeFile(path, text);
    return path;
  }

  it('offers the readable file types in the Open dialog', async () => {
    await service.openWithDialog();
    expect(dialogOptions?.properties).toEqual(['openFile']);
    expect(dialogOptions?.filters[0]?.extensions).toEqual(['txt', 'md', 'html', 'htm', 'pdf', 'docx']);
  });

  it('answers null when the dialog is cancelled, and remembers nothing', async () => {
    expect(await service.openWithDialog()).toBeNull();
    expect(await service.recentList()).toEqual([]);
  });

  it('reads the chosen file and adds it to both recent lists', async () => {
    const path = await file('essay.txt');
    dialogAnswer = { canceled: false, filePaths: [path] };
    const opened = (await service.openWithDialog()) as OpenedFile;
    expect(opened.name).toBe('essay.txt');
    expect((await service.recentList()).map((f) => f.path)).toEqual([path]);
    expect(osRecent).toEqual([path]);
  });

  it('reopens a recent file', async () => {
    const path = await file('essay.txt', 'Reopened.');
    dialogAnswer = { canceled: false, filePaths: [path] };
    await service.openWithDialog();
    expect(new TextDecoder().decode((await service.openRecent(path)).bytes)).toBe('Reopened.');
  });

  it('refuses to read a file that is not on the recent list', async () => {
    const path = await file('private.txt');
    await expect(service.openRecent(path)).rejects.toThrow(
      '"private.txt" is not in the recent-files list; open it with File › Open… instead.',
    );
  });

  it('says a recent file has gone, and drops it from the list', async () => {
    const path = await file('essay.txt');
    dialogAnswer = { canceled: false, filePaths: [path] };
    await service.openWithDialog();
    await rm(path);
    await expect(service.openRecent(path)).rejects.toThrow(/could not find "essay.txt"/);
    expect(recent.entries()).toEqual([]);
  });

  it('records a dropped file only when it is an existing, openable file named by an absolute path', async () => {
    const path = await file('dropped.pdf');
    await service.noteOpened(path);
    expect(recent.has(path)).toBe(true);
    await expect(service.noteOpened('dropped.pdf')).rejects.toThrow('Crux records only absolute paths; got "dropped.pdf".');
    await expect(service.noteOpened(await file('tool.exe'))).rejects.toThrow(
      '"tool.exe" is not a file type Crux opens (.txt, .md, .html, .htm, .pdf, .docx).',
    );
    await expect(service.noteOpened(join(dir, 'missing.md'))).rejects.toThrow(
      `Crux could not find the file "missing.md" at ${join(dir, 'missing.md')}.`,
    );
    expect(recent.entries()).toHaveLength(1);
  });

  it('tells the page about a file opened from outside, and remembers it', async () => {
    const path = await file('cli.md', '# From the command line');
    await service.openAndNotify(path);
    expect(sent).toHaveLength(1);
    const [channel, payload] = sent[0] as [string, OpenedFile];
    expect(channel).toBe('file:opened');
    expect(payload.name).toBe('cli.md');
    expect(new TextDecoder().decode(payload.bytes)).toBe('# From the command line');
    expect(recent.has(path)).toBe(true);
  });

  it('tells the page why a file from outside could not be opened', async () => {
    await service.openAndNotify(join(dir, 'nope.txt'));
    expect(sent).toEqual([
      [
        'file:open-failed',
        {
          name: 'nope.txt',
          message: `Crux could not find "nope.txt" at ${join(dir, 'nope.txt')}. It may have been moved, renamed or deleted.`,
        },
      ],
    ]);
    expect(recent.entries()).toEqual([]);
  });

  it('clears both recent lists', async () => {
    await service.noteOpened(await file('a.txt'));
    await service.clearRecent();
    expect(await service.recentList()).toEqual([]);
    expect(osRecent).toEqual([]);
  });

  it('saves a map picture where the user chose, adding the extension, or not at all when cancelled', async () => {
    const bytes = new TextEncoder().encode('<svg/>');
    expect(await service.saveWithDialog({ suggestedName: 'map.svg', kind: 'svg', bytes })).toBe(false);
    expect(saveOptions?.defaultPath).toBe('map.svg');
    expect(saveOptions?.filters).toEqual([{ name: 'SVG image', extensions: ['svg'] }]);
    saveAnswer = { canceled: false, filePath: join(dir, 'seminar-map') };
    expect(await service.saveWithDialog({ suggestedName: 'map.svg', kind: 'svg', bytes })).toBe(true);
    expect(await readFile(join(dir, 'seminar-map.svg'), 'utf8')).toBe('<svg/>');
  });

  it('saves an export under its kind\'s name and extension, in a dialog titled for exports', async () => {
    const bytes = new TextEncoder().encode('[A]: a');
    saveAnswer = { canceled: false, filePath: join(dir, 'week 3') };
    expect(await service.saveWithDialog({ suggestedName: 'week 3.argdown', kind: 'argdown', bytes })).toBe(true);
    expect(saveOptions?.title).toBe('Export as Argdown');
    expect(saveOptions?.filters).toEqual([{ name: 'Argdown', extensions: ['argdown'] }]);
    expect(await readFile(join(dir, 'week 3.argdown'), 'utf8')).toBe('[A]: a');
    saveAnswer = { canceled: false, filePath: join(dir, 'notes.JSONLD') };
    expect(await service.saveWithDialog({ suggestedName: 'x.jsonld', kind: 'jsonld', bytes })).toBe(true);
    expect(await readFile(join(dir, 'notes.JSONLD'), 'utf8')).toBe('[A]: a');
  });

  it('opens an annotation file with a JSON filter and keeps it off the recent list', async () => {
    expect(await service.openAnnotationsWithDialog()).toBeNull();
    expect(dialogOptions?.filters).toEqual([{ name: 'W3C Web Annotations (JSON, JSON-LD)', extensions: ['json', 'jsonld'] }]);
    const path = await file('notes.json', '[]');
    dialogAnswer = { canceled: false, filePaths: [path] };
    const opened = await service.openAnnotationsWithDialog();
    expect(opened?.name).toBe('notes.json');
    expect(new TextDecoder().decode(opened?.bytes)).toBe('[]');
    expect(await service.recentList()).toEqual([]);
    expect(osRecent).toEqual([]);
  });

  it('hands project files from the Open dialog and the command line to the project opener, and reads no bytes of them', async () => {
    const projects: string[] = [];
    const withProjects = new FilesService({
      showOpenDialog: async (options) => {
        dialogOptions = options;
        return dialogAnswer;
      },
      showSaveDialog: async () => saveAnswer,
      recent,
      recentDocuments: { addRecentDocument: () => undefined, clearRecentDocuments: () => undefined },
      events: { send: (channel, payload) => void sent.push([channel, payload]) },
      openProject: async (path) => void projects.push(path),
      log,
    });
    const project = await file('week3.crux', 'whatever');
    dialogAnswer = { canceled: false, filePaths: [project] };
    expect(await withProjects.openWithDialog()).toBeNull();
    expect(dialogOptions?.title).toBe('Open a project or a reading');
    expect(dialogOptions?.filters[0]).toEqual({ name: 'Crux projects and readings', extensions: ['crux', 'txt', 'md', 'html', 'htm', 'pdf', 'docx'] });
    await withProjects.openAndNotify(project);
    expect(projects).toEqual([project, project]);
    expect(sent).toEqual([]);
  });
});
