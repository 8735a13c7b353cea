// The project service (DESIGN.md §5): the app keeps each project in one `.crux` file,
// served by the embedded sync server through the file store. New, Open (dialog, command
// line, drop, recent list), Save As, a new file for each imported reading, recovery of a
// damaged file. One project is open at a time; a file another window or process holds is
// refused with the lock's message and nothing changes. Plain Node: no `electron` import.
import { mkdir, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, resolve } from 'node:path';
import { CruxFileError, recoverCruxFile, type CruxFileStore, type OpenProject } from '../../../server/project-file';
import type { ProjectInfo, ProjectOutcome, ReadingSource } from '../../../shared/ipc/contract';
import type { RequestHandlers } from '../ipc/request-dispatcher';
import type { RendererEvents } from '../ipc/renderer-events';
import type { RecentDocuments } from '../files/files-service';
import type { RecentFiles } from '../files/recent-files';
import type { Logger, Service } from '../service';
import { isProjectPath, newProjectPath, projectsFolder, withProjectExtension } from './project-paths';

/** What the Save dialog is asked for a project file. */
export interface ProjectSaveDialogOptions {
  title: string;
  defaultPath: string;
  buttonLabel: string;
  filters: { name: string; extensions: string[] }[];
}

/** What the project service needs. */
export interface ProjectServiceOptions {
  /** The embedded server's store; the service opens and releases files in it. */
  store: CruxFileStore;
  /** The user's documents folder (Electron's `app.getPath('documents')`). */
  documentsDir: string;
  /** Shows the Save dialog (over the main window). */
  showSaveDialog(options: ProjectSaveDialogOptions): Promise<{ canceled: boolean; filePath?: string }>;
  recent: RecentFiles;
  recentDocuments: RecentDocuments;
  events: Pick<RendererEvents, 'send'>;
  /** Called before a project's file is closed: disconnect its clients (SyncService.closeProject). */
  beforeRelease?(id: string): Promise<void>;
  /** Called whenever the open project changes (the window title follows it). */
  onDidChange?(project: ProjectInfo | null): void;
  log: Logger;
}

/** The renderer → main channels the project service answers. */
export type ProjectChannel = Extract<keyof RequestHandlers, `project:${string}`>;

const FILTERS = [{ name: 'Crux project', extensions: ['crux'] }];

const MEDIA_TYPES: Record<ReadingSource['format'], string> = {
  txt: 'text/plain',
  md: 'text/markdown',
  html: 'text/html',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** Opens, creates and saves project files; knows which one is open. */
export class ProjectService implements Service {
  private open: OpenProject | null = null;
  private startupDone = false;
  /** Damaged files the user was told about: the only ones `project:recover` may touch. */
  private readonly damaged = new Set<string>();
  /** One operation at a time: two dialogs or opens must not interleave. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: ProjectServiceOptions) {}

  /** Nothing to register; the recent list is loaded by the files service. */
  start(): void {}

  /**
   * Closes the open project's file (compacting and unlocking it), at once: the app is
   * quitting and will not wait for promises.
   */
  dispose(): void {
    const current = this.open;
    this.open = null;
    if (!current) return;
    try {
      this.options.store.release(current.name);
    } catch (error) {
      this.options.log.error(`Closing ${current.path} failed: ${String(error)}`);
    }
  }

  /** The open project, if any. */
  current(): ProjectInfo | null {
    return this.open ? info(this.open) : null;
  }

  /**
   * The open project; on the first call, with none open, reopens the newest project of
   * the recent list (what was open when the app last ran). `cancelled`: none.
   */
  startup(): Promise<ProjectOutcome> {
    return this.serialise(async () => {
      const first = !this.startupDone;
      this.startupDone = true;
      if (this.open) return opened(this.open);
      if (!first) return { kind: 'cancelled' };
      const last = (await this.options.recent.prune()).find((file) => isProjectPath(file.path));
      return last ? this.openPath(last.path) : { kind: 'cancelled' };
    });
  }

  /** New Project: asks where, creates an empty project there and opens it. */
  newWithDialog(): Promise<ProjectOutcome> {
    return this.serialise(async () => {
      const path = await this.askPath('New Project', 'Create', 'Untitled.crux');
      if (!path) return { kind: 'cancelled' };
      return this.switchTo(path, () => this.options.store.open(path, { create: true, details: { title: basename(path, '.crux') } }));
    });
  }

  /** Opens the project file at `path` (dialog, command line, drop, recent list). */
  openFile(path: string): Promise<ProjectOutcome> {
    return this.serialise(() => this.openPath(path));
  }

  /** Save As: asks where, copies the open project there and goes on in the copy. */
  saveAsWithDialog(): Promise<ProjectOutcome> {
    return this.serialise(async () => {
      const current = this.open;
      if (!current) return failed('', '', 'There is no open project to save. Open a reading or a project first.', false);
      const path = await this.askPath('Save Project As', 'Save', current.path);
      if (!path) return { kind: 'cancelled' };
      if (resolve(path) === current.path) return opened(current);
      try {
        this.open = this.options.store.saveAs(current.name, path);
      } catch (error) {
        return this.failure(path, error);
      }
      await this.remember(path);
      this.changed();
      this.options.log.info(`Saved ${current.path} as ${path}; going on in the copy.`);
      return opened(this.open);
    });
  }

  /**
   * The project a just-imported reading goes in: the open project while it has no reading
   * (made by New Project), else a new file in Documents/Crux named after the reading.
   * The original file and its details are stored in the project.
   */
  forReading(source: ReadingSource): Promise<ProjectOutcome> {
    return this.serialise(async () => {
      const current = this.open;
      if (current && current.meta.sourceName === null && this.options.store.file(current.name).getOriginal() === null) {
        this.storeSource(current.name, source);
        this.open = { ...current, meta: this.options.store.file(current.name).meta };
        this.changed();
        return opened(this.open);
      }
      const folder = projectsFolder(this.options.documentsDir);
      try {
        await mkdir(folder, { recursive: true });
      } catch (error) {
        return failed(basename(folder), folder, `Crux couldn’t create the folder for new projects, ${folder}: ${String(error)}`, false);
      }
      const path = newProjectPath(folder, source.name);
      return this.switchTo(path, () => {
        const project = this.options.store.open(path, {
          create: true,
          details: { title: source.title || basename(path, '.crux'), sourceName: source.name, sourceFormat: source.format },
        });
        this.storeSource(project.name, source, false);
        return project;
      });
    });
  }

  /** Recovers a damaged file the user was told about into `x.recovered.crux` and opens that. */
  recover(path: string): Promise<ProjectOutcome> {
    return this.serialise(async () => {
      const target = resolve(path);
      if (!this.damaged.has(target)) {
        return failed(basename(target), target, `Crux recovers only a damaged file it has just reported; open “${basename(target)}” first.`, false);
      }
      let report;
      try {
        report = recoverCruxFile(target);
      } catch (error) {
        return this.failure(target, error);
      }
      this.damaged.delete(target);
      this.options.log.info(`Recovered ${target} into ${report.path}: ${report.problems.length} problem(s) while reading.`);
      const outcome = await this.openPath(report.path);
      return outcome.kind === 'opened' ? { ...outcome, notice: report.summary } : outcome;
    });
  }

  /** Opens `path` and tells the page (command line, Finder, menu): `project:outcome`. */
  async openAndNotify(path: string): Promise<void> {
    this.notify(await this.openFile(path));
  }

  /** Runs New Project from the menu and tells the page. */
  async newAndNotify(): Promise<void> {
    this.notify(await this.newWithDialog());
  }

  /** Runs Save As from the menu and tells the page. */
  async saveAsAndNotify(): Promise<void> {
    this.notify(await this.saveAsWithDialog());
  }

  /** The IPC handlers of the `project:*` channels. */
  handlers(): Pick<RequestHandlers, ProjectChannel> {
    return {
      'project:current': () => this.startup(),
      'project:new': () => this.newWithDialog(),
      'project:open': (path) => this.openDropped(path),
      'project:save-as': () => this.saveAsWithDialog(),
      'project:for-reading': (source) => this.forReading(source),
      'project:recover': (path) => this.recover(path),
    };
  }

  /** A path the page names (a dropped file, a recent entry): an existing `.crux` file, by absolute path. */
  private async openDropped(path: string): Promise<ProjectOutcome> {
    const name = basename(path);
    if (!isAbsolute(path)) return failed(name, path, `Crux opens projects only by their full path; got “${path.slice(0, 200)}”.`, false);
    if (!isProjectPath(path)) return failed(name, path, `“${name}” is not a Crux project (.crux).`, false);
    const isFile = await stat(path).then(
      (s) => s.isFile(),
      () => false,
    );
    if (!isFile && !this.options.recent.has(path)) {
      return failed(name, path, `Crux could not find the project “${name}” at ${dirname(path)}.`, false);
    }
    return this.openFile(path);
  }

  private notify(outcome: ProjectOutcome): void {
    if (outcome.kind !== 'cancelled') this.options.events.send('project:outcome', outcome);
  }

  private async openPath(path: string): Promise<ProjectOutcome> {
    const target = resolve(path);
    if (this.open?.path === target) return opened(this.open);
    const outcome = await this.switchTo(target, () => this.options.store.open(target));
    if (outcome.kind === 'failed' && this.options.recent.has(target)) {
      const gone = await stat(target).then(
        () => false,
        () => true,
      );
      if (gone) {
        await this.options.recent.prune();
        return { ...outcome, message: `${outcome.message} It was removed from the recent files.` };
      }
    }
    return outcome;
  }

  /** Opens a new file with `open`; only once it is open is the old project closed. */
  private async switchTo(path: string, open: () => OpenProject): Promise<ProjectOutcome> {
    let next: OpenProject;
    try {
      next = open();
    } catch (error) {
      return this.failure(path, error);
    }
    await this.releaseCurrent();
    this.open = next;
    await this.remember(next.path);
    this.changed();
    this.options.log.info(`Opened the project ${next.path}.`);
    return opened(next);
  }

  private async releaseCurrent(): Promise<void> {
    const current = this.open;
    if (!current) return;
    this.open = null;
    try {
      await this.options.beforeRelease?.(current.name);
    } catch (error) {
      this.options.log.warn(`Could not disconnect the clients of ${current.path}: ${String(error)}`);
    }
    try {
      this.options.store.release(current.name);
    } catch (error) {
      // The appended updates are safe; only the tidying at close failed.
      this.options.log.error(`Closing ${current.path} failed: ${String(error)}`);
    }
    this.changed();
  }

  private storeSource(id: string, source: ReadingSource, details = true): void {
    const file = this.options.store.file(id);
    if (details) file.setDetails({ title: source.title || file.meta.title, sourceName: source.name, sourceFormat: source.format });
    try {
      if (source.bytes.byteLength > 0) file.setOriginal(source.bytes, source.name, MEDIA_TYPES[source.format]);
    } catch (error) {
      // The reading is in the document; a project without its original still works.
      this.options.log.warn(`Could not keep the original ${source.name} in ${file.path}: ${String(error)}`);
    }
  }

  private failure(path: string, error: unknown): ProjectOutcome {
    const described = describeFailure(error);
    const target = resolve(path);
    if (described.recoverable) this.damaged.add(target);
    this.options.log.warn(`Could not open ${target}: ${described.message}${described.detail ? ` (${described.detail})` : ''}`);
    return failed(basename(target), target, described.message, described.recoverable);
  }

  private async askPath(title: string, buttonLabel: string, defaultPath: string): Promise<string | null> {
    const where = isAbsolute(defaultPath) ? defaultPath : resolve(projectsFolder(this.options.documentsDir), defaultPath);
    const choice = await this.options.showSaveDialog({ title, defaultPath: where, buttonLabel, filters: FILTERS });
    if (choice.canceled || !choice.filePath) return null;
    return resolve(withProjectExtension(choice.filePath));
  }

  private async remember(path: string): Promise<void> {
    await this.options.recent.add(path);
    this.options.recentDocuments.addRecentDocument(path);
  }

  private changed(): void {
    this.options.onDidChange?.(this.current());
  }

  private serialise<T>(run: () => Promise<T>): Promise<T> {
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => {});
    return next;
  }
}

function info(project: OpenProject): ProjectInfo {
  return { id: project.name, path: project.path, name: basename(project.path), title: project.meta.title.slice(0, 1024) };
}

function opened(project: OpenProject): ProjectOutcome {
  return { kind: 'opened', project: info(project), notice: null };
}

function failed(name: string, path: string, message: string, recoverable: boolean): ProjectOutcome {
  return { kind: 'failed', name: name.slice(0, 1024), path: path.slice(0, 4096), message: message.slice(0, 4096), recoverable };
}

/** A failure as the user is told it; `detail` (SQLite's words) only goes to the log. */
function describeFailure(error: unknown): { message: string; detail: string | undefined; recoverable: boolean } {
  if (error instanceof CruxFileError) return { message: error.message, detail: error.detail, recoverable: error.code === 'damaged' };
  return { message: error instanceof Error ? error.message : String(error), detail: undefined, recoverable: false };
}
