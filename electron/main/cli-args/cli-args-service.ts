// Opens the file named when Crux was started (`crux FILE`), when it is started again
// while running (the single-instance lock routes that here as `second-instance`), and
// when macOS hands it a file (`open-file`, possibly before the app is ready).
import type { Logger, Service } from '../service';
import { filesFromArgv } from './parse-argv';

/** An event a listener can claim. */
export interface ClaimableEvent {
  preventDefault(): void;
}

/** The part of Electron's `app` the service uses. */
export interface CliApp {
  on(event: 'second-instance', listener: (event: unknown, argv: string[], workingDirectory: string) => void): unknown;
  on(event: 'open-file', listener: (event: ClaimableEvent, path: string) => void): unknown;
  off(event: 'second-instance', listener: (event: unknown, argv: string[], workingDirectory: string) => void): unknown;
  off(event: 'open-file', listener: (event: ClaimableEvent, path: string) => void): unknown;
}

/** What the service needs. */
export interface CliArgsServiceOptions {
  app: CliApp;
  /** This process's `process.argv`. */
  argv: readonly string[];
  /** Electron's `process.defaultApp`. */
  defaultApp: boolean;
  /** This process's working directory. */
  cwd: string;
  /** Opens a file and tells the page (FilesService.openAndNotify). */
  openFile(path: string): Promise<void>;
  /** Brings the main window to the front. */
  focusWindow(): void;
  log: Logger;
}

/** Routes files named from outside the app to `openFile`. */
export class CliArgsService implements Service {
  private started = false;

  constructor(private readonly options: CliArgsServiceOptions) {}

  /**
   * Opens the file on this process's command line and listens for later ones. Call it
   * before the app is ready: macOS may send `open-file` that early.
   */
  start(): void {
    if (this.started) return;
    this.started = true;
    const { app, argv, defaultApp, cwd } = this.options;
    app.on('second-instance', this.onSecondInstance);
    app.on('open-file', this.onOpenFile);
    this.openFirst(filesFromArgv(argv, { defaultApp, cwd }));
  }

  /** Stops listening. */
  dispose(): void {
    if (!this.started) return;
    this.started = false;
    this.options.app.off('second-instance', this.onSecondInstance);
    this.options.app.off('open-file', this.onOpenFile);
  }

  private readonly onSecondInstance = (_event: unknown, argv: string[], workingDirectory: string): void => {
    this.options.focusWindow();
    this.openFirst(filesFromArgv(argv, { defaultApp: this.options.defaultApp, cwd: workingDirectory }));
  };

  private readonly onOpenFile = (event: ClaimableEvent, path: string): void => {
    event.preventDefault();
    this.openFirst([path]);
  };

  /** Crux shows one reading at a time: the first file wins, the rest are reported in the log. */
  private openFirst(files: readonly string[]): void {
    const [first, ...rest] = files;
    if (first === undefined) return;
    if (rest.length > 0) this.options.log.warn(`Crux opens one file at a time; ignored ${rest.join(', ')}`);
    this.options.openFile(first).catch((error: unknown) => {
      this.options.log.error(`Could not open ${first}: ${error instanceof Error ? error.message : String(error)}`);
    });
  }
}
