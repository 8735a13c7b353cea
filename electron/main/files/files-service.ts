// The files service: the Open dialog, opening files named by the command line, the OS
// or the Open Recent menu, and the recent-files list. Renderer requests may only read
// files the user chose: through the dialog, or ones already on the recent list.
import { stat } from 'node:fs/promises';
import { basename, isAbsolute, resolve } from 'node:path';
import { SAVE_KINDS, type OpenedFile, type RecentFile, type SaveRequest } from '../../../shared/ipc/contract';
import { writeFileAtomic } from './atomic-write';
import type { RequestHandlers } from '../ipc/request-dispatcher';
import type { RendererEvents } from '../ipc/renderer-events';
import type { Logger, Service } from '../service';
import { OPEN_DIALOG_FILTERS, OPENABLE_EXTENSIONS, isOpenableName } from './openable-files';
import { FileOpenError, readOpenedFile } from './read-opened-file';
import type { RecentFiles } from './recent-files';
import { isProjectPath, PROJECT_EXTENSION } from '../projects/project-paths';

/** The Open dialog's filter for project files. */
const PROJECT_FILTER = { name: 'Crux projects', extensions: [PROJECT_EXTENSION] };
/** The Open dialog's first filter: projects and readings together. */
const PROJECT_OR_READING_FILTER = {
  name: 'Crux projects and readings',
  extensions: [PROJECT_EXTENSION, ...OPENABLE_EXTENSIONS],
};

/** Options the service passes to the Open dialog. */
export interface OpenDialogOptions {
  title: string;
  properties: ['openFile'];
  filters: { name: string; extensions: string[] }[];
}

/** Options the service passes to the Save dialog. */
export interface SaveDialogOptions {
  title: string;
  defaultPath: string;
  filters: { name: string; extensions: string[] }[];
}

/** The Open dialog's filter for W3C annotation files. */
const ANNOTATIONS_FILTER = { name: 'W3C Web Annotations (JSON, JSON-LD)', extensions: ['json', 'jsonld'] };

/** The OS's recent-documents list (Electron's `app`). */
export interface RecentDocuments {
  addRecentDocument(path: string): void;
  clearRecentDocuments(): void;
}

/** What the files service needs. */
export interface FilesServiceOptions {
  /** Shows the Open dialog (over the main window). */
  showOpenDialog(options: OpenDialogOptions): Promise<{ canceled: boolean; filePaths: string[] }>;
  /** Shows the Save dialog (over the main window). */
  showSaveDialog(options: SaveDialogOptions): Promise<{ canceled: boolean; filePath?: string }>;
  recent: RecentFiles;
  recentDocuments: RecentDocuments;
  events: Pick<RendererEvents, 'send'>;
  /** Opens a project file (`.crux`) chosen in the Open dialog or named outside the page; the project service tells the page. */
  openProject?(path: string): Promise<void>;
  log: Logger;
}

/** The renderer → main channels the files service answers. */
export type FileHandlers = Pick<
  RequestHandlers,
  'file:open-dialog' | 'file:open-annotations' | 'file:open-recent' | 'file:recent-list' | 'file:note-opened' | 'file:save'
>;

const MAX_NAME = 1024;
const MAX_MESSAGE = 4096;

/** Opens files and keeps the recent-files list. */
export class FilesService implements Service {
  constructor(private readonly options: FilesServiceOptions) {}

  /** Loads the recent-files list. */
  async start(): Promise<void> {
    await this.options.recent.load();
  }

  /** Shows the Open dialog; resolves to the chosen file, or null when cancelled. */
  async openWithDialog(): Promise<OpenedFile | null> {
    const { openProject } = this.options;
    const filters = OPEN_DIALOG_FILTERS.map((filter) => ({ name: filter.name, extensions: [...filter.extensions] }));
    const choice = await this.options.showOpenDialog({
      title: openProject ? 'Open a project or a reading' : 'Open a reading',
      properties: ['openFile'],
      filters: openProject ? [PROJECT_OR_READING_FILTER, PROJECT_FILTER, ...filters] : filters,
    });
    const path = choice.filePaths[0];
    if (choice.canceled || path === undefined) return null;
    if (openProject && isProjectPath(path)) {
      // A project opens in main, which tells the page (`project:outcome`); no bytes go to it.
      await openProject(path);
      return null;
    }
    const file = await readOpenedFile(path);
    await this.remember(path);
    return file;
  }

  /**
   * Shows the Open dialog for a W3C annotation file to import into the open project;
   * resolves to it, or null when cancelled. It is not a reading, so it stays off the recent list.
   */
  async openAnnotationsWithDialog(): Promise<OpenedFile | null> {
    const choice = await this.options.showOpenDialog({ title: 'Import annotations (W3C Web Annotation JSON)', properties: ['openFile'], filters: [ANNOTATIONS_FILTER] });
    const path = choice.filePaths[0];
    if (choice.canceled || path === undefined) return null;
    return readOpenedFile(path);
  }

  /** Opens a file of the recent list (and only such a file). */
  async openRecent(path: string): Promise<OpenedFile> {
    const { recent } = this.options;
    if (!recent.has(path)) {
      throw new Error(`"${basename(path)}" is not in the recent-files list; open it with File › Open… instead.`);
    }
    try {
      const file = await readOpenedFile(resolve(path));
      await this.remember(path);
      return file;
    } catch (error) {
      if (error instanceof FileOpenError && error.code === 'not-found') await recent.prune();
      throw error;
    }
  }

  /**
   * Asks where to save `request` with the Save dialog and writes it there atomically
   * (the file is whole or untouched). The kind's extension is added if the user left it
   * off. Resolves to false when the user cancels. Only the place the user picked in the
   * dialog is written: the renderer names no path.
   */
  async saveWithDialog(request: SaveRequest): Promise<boolean> {
    const { extension, label } = SAVE_KINDS[request.kind];
    const title = request.kind === 'png' || request.kind === 'svg' ? `Save the map as ${request.kind.toUpperCase()}` : `Export as ${label}`;
    const choice = await this.options.showSaveDialog({ title, defaultPath: request.suggestedName, filters: [{ name: label, extensions: [extension] }] });
    if (choice.canceled || !choice.filePath) return false;
    const path = choice.filePath.toLowerCase().endsWith(`.${extension}`) ? choice.filePath : `${choice.filePath}.${extension}`;
    await writeFileAtomic(path, request.bytes);
    return true;
  }

  /** The recent-files list, without files that have disappeared. */
  async recentList(): Promise<RecentFile[]> {
    return [...(await this.options.recent.prune())];
  }

  /**
   * Records a file the renderer opened by itself (dropped on the window): it must be an
   * absolute path to an existing file of a type Crux opens.
   */
  async noteOpened(path: string): Promise<void> {
    if (!isAbsolute(path)) throw new Error(`Crux records only absolute paths; got "${path.slice(0, 200)}".`);
    const name = basename(path);
    if (!isOpenableName(name)) {
      throw new Error(`"${name}" is not a file type Crux opens (${OPENABLE_EXTENSIONS.map((e) => `.${e}`).join(', ')}).`);
    }
    const isFile = await stat(path).then(
      (info) => info.isFile(),
      () => false,
    );
    if (!isFile) throw new Error(`Crux could not find the file "${name}" at ${path}.`);
    await this.remember(path);
  }

  /**
   * Opens a file the user named outside the page (command line, Finder, Open Recent
   * menu) and tells the page: `file:opened`, or `file:open-failed` with the reason.
   */
  async openAndNotify(path: string): Promise<void> {
    const { events, log, openProject } = this.options;
    const absolute = resolve(path);
    if (openProject && isProjectPath(absolute)) return openProject(absolute);
    try {
      const file = await readOpenedFile(absolute);
      events.send('file:opened', file);
      if (isOpenableName(file.name)) await this.remember(absolute);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      log.warn(`Could not open ${absolute}: ${message}`);
      events.send('file:open-failed', {
        name: (basename(absolute) || absolute).slice(0, MAX_NAME),
        message: message.slice(0, MAX_MESSAGE),
      });
    }
  }

  /** Empties the recent-files list (and the OS's). */
  async clearRecent(): Promise<void> {
    await this.options.recent.clear();
    this.options.recentDocuments.clearRecentDocuments();
  }

  /** The IPC handlers for the files channels. */
  handlers(): FileHandlers {
    return {
      'file:open-dialog': () => this.openWithDialog(),
      'file:open-annotations': () => this.openAnnotationsWithDialog(),
      'file:open-recent': (path) => this.openRecent(path),
      'file:recent-list': () => this.recentList(),
      'file:note-opened': (path) => this.noteOpened(path),
      'file:save': (request) => this.saveWithDialog(request),
    };
  }

  /** Waits for pending writes of the recent list. */
  async dispose(): Promise<void> {
    await this.options.recent.flush();
  }

  private async remember(path: string): Promise<void> {
    const absolute = resolve(path);
    await this.options.recent.add(absolute);
    this.options.recentDocuments.addRecentDocument(absolute);
  }
}
