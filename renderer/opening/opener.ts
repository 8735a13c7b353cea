// Opening a file, from any source (dialog, drop, recent list, the main process): import
// it in the worker with progress, then hand the reading over — or, if anything fails,
// say so and leave the open document exactly as it was. The newest request wins.
import { ImportError, type ImportResult } from '../../shared/import/types';
import type { OpenedFile } from '../../shared/ipc';
import type { ImportClient } from '../import/import-client';
import { OpenFileError, type Platform, type RecentEntry } from '../platform';
import type { Notices } from './notices';
import { markOpenStep, measureOpen } from './open-timing';
import { mainErrorMessage } from '../../shared/ipc';

/**
 * Where a file's reading will be shown, made ready while the file imports (a project's
 * local copy and sync connection take as long to open as a short article to import).
 */
export interface PreparedOpen {
  /** Shows the imported reading. */
  show(result: ImportResult): Promise<void>;
  /** Lets go of what was prepared: the import failed, or a newer open replaced this one. */
  cancel(): void;
}

/** Starts preparing to show `file`'s reading; called as its import starts. */
export type PrepareOpen = (file: OpenedFile) => PreparedOpen;

/** Opens files. */
export interface Opener {
  /** Asks the user for a file and opens it. */
  chooseAndOpen(): Promise<void>;
  /** Opens a file dropped onto the window. */
  openDropped(file: File): Promise<void>;
  /** Reopens a recent file. */
  openRecent(entry: RecentEntry): Promise<void>;
  /** Opens a file already read into memory. */
  open(file: OpenedFile): Promise<void>;
  /** Shows a failure the platform reported about a file (null: its name is unknown). */
  fail(name: string | null, message: string): void;
}

/** Creates the opener. */
export function createOpener(deps: {
  platform: Platform;
  importer: ImportClient;
  notices: Notices;
  prepare: PrepareOpen;
  /** Called after a file opened, e.g. to refresh the recent list. */
  opened?: (file: OpenedFile) => void;
}): Opener {
  const { platform, importer, notices } = deps;
  let latest = 0;
  let choosing = false;
  /** Stops the import under way, if any. */
  let running: AbortController | null = null;

  function fail(name: string | null, message: string): void {
    notices.showError(name, message);
  }

  async function open(file: OpenedFile): Promise<void> {
    const ticket = ++latest;
    markOpenStep('start');
    // The newest request wins: the one before it stops now rather than hold up the worker.
    running?.abort();
    const controller = new AbortController();
    running = controller;
    const progress = notices.startProgress(file.name, () => controller.abort());
    const importing = importer.import(
      { name: file.name, bytes: file.bytes },
      (f, stage) => {
        if (ticket === latest) progress.update(f, stage);
      },
      controller.signal,
    );
    const target = deps.prepare(file);
    let result: ImportResult;
    try {
      result = await importing;
    } catch (error) {
      progress.finish();
      target.cancel();
      if (running === controller) running = null;
      if (ticket !== latest) return;
      if (error instanceof ImportError && error.code === 'cancelled') notices.announce(`Stopped opening ${file.name}.`);
      else fail(file.name, messageOf(error));
      return;
    }
    if (running === controller) running = null;
    progress.finish();
    // A newer request started while this one ran: it decides what is shown.
    if (ticket !== latest) {
      target.cancel();
      return;
    }
    markOpenStep('imported');
    notices.clearError();
    try {
      await target.show(result);
    } catch (error) {
      fail(file.name, `Crux could not open the project for this reading: ${messageOf(error)}`);
      return;
    }
    markOpenStep('rendered');
    measureOpen();
    const warnings = result.warnings.length ? ` ${result.warnings.join(' ')}` : '';
    notices.announce(`Opened ${file.name}.${warnings}`);
    deps.opened?.(file);
    platform.noteOpened(file).catch((error: unknown) => console.warn('Could not update the recent files', error));
  }

  async function attempt(name: string | null, read: () => Promise<OpenedFile | null>): Promise<void> {
    let file: OpenedFile | null;
    try {
      file = await read();
    } catch (error) {
      fail(error instanceof OpenFileError ? error.fileName : name, messageOf(error));
      return;
    }
    if (file) await open(file);
  }

  return {
    async chooseAndOpen() {
      // The menu and the page may both ask for a dialog; one at a time is enough.
      if (choosing) return;
      choosing = true;
      try {
        await attempt(null, () => platform.chooseFile());
      } finally {
        choosing = false;
      }
    },
    openDropped: (file) => attempt(file.name, () => platform.readDroppedFile(file)),
    openRecent: (entry) => attempt(entry.name, () => platform.openRecent(entry)),
    open,
    fail,
  };
}

const messageOf = mainErrorMessage;
