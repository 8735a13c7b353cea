// The renderer's one view of the world outside the page: opening files, the recent-files
// list and the application menu. The desktop app implements it over the preload API and
// browser mode over a file input and local storage, so the rest of the UI never knows
// which one it runs in.
import type { Hosting, MenuCommand, OpenedFile, ProjectOutcome, ReadingSource, SaveKind, SyncConnection, TokenInfoView } from '../../shared/ipc';

/** A file the user opened before, as the recent-files list shows it. */
export interface RecentEntry {
  /** What reopens it: a file path on the desktop, an opaque key in the browser. */
  key: string;
  /** The file's name, for display. */
  name: string;
  /** When it was last opened (ms since the epoch). */
  openedAt: number;
  /** A longer description for a tooltip (the folder on the desktop), or null. */
  detail: string | null;
}

/** Project files (`.crux`), on the desktop: each project lives in one file the main process keeps open. */
export interface ProjectFiles {
  /** The project open now (at startup: the one open when the app last ran). */
  current(): Promise<ProjectOutcome>;
  /** New Project: the Save dialog, then an empty project there. */
  create(): Promise<ProjectOutcome>;
  /** Opens a project file by path (from the recent list). */
  open(path: string): Promise<ProjectOutcome>;
  /** Opens a project file dropped onto the window. */
  openDropped(file: File): Promise<ProjectOutcome>;
  /** Save As: the Save dialog, then the project goes on in the copy. */
  saveAs(): Promise<ProjectOutcome>;
  /** The project a just-imported reading goes in (the open one while empty, else a new file). */
  forReading(source: ReadingSource): Promise<ProjectOutcome>;
  /** Recovers a damaged file just reported into `x.recovered.crux` and opens it. */
  recover(path: string): Promise<ProjectOutcome>;
  /** Projects the main process opened or failed to open on its own (menu, command line). */
  onOutcome(listener: (outcome: ProjectOutcome) => void): () => void;
}

/** Where the UI runs: the Electron app or a plain browser tab. */
export type PlatformKind = 'desktop' | 'browser';

/** Everything the renderer asks of the platform it runs on. */
export interface Platform {
  /** Which implementation this is. */
  readonly kind: PlatformKind;
  /** Whether shortcut labels should say ⌘ (macOS) rather than Ctrl. */
  readonly isMac: boolean;
  /**
   * Whether an application menu owns the keyboard shortcuts (it then sends
   * `menu:command` events, and the page must not act on the same keys twice).
   */
  readonly menuOwnsShortcuts: boolean;
  /** Project files, on the desktop; null in a browser (projects live in its storage). */
  readonly projects: ProjectFiles | null;
  /** Asks the user for a file; resolves to null if they cancel. */
  chooseFile(): Promise<OpenedFile | null>;
  /** Asks the user for a W3C annotation file (.json, .jsonld) to import; resolves to null if they cancel. */
  chooseAnnotationFile(): Promise<OpenedFile | null>;
  /** Reads a file dropped onto the window. */
  readDroppedFile(file: File): Promise<OpenedFile>;
  /** Reopens an entry of the recent-files list; rejects with a message for the user. */
  openRecent(entry: RecentEntry): Promise<OpenedFile>;
  /** The recent-files list, newest first. */
  recentFiles(): Promise<RecentEntry[]>;
  /** Records a file that was opened successfully, for the recent-files list. */
  noteOpened(file: OpenedFile): Promise<void>;
  /** Files the platform opened on its own (command line, OS "open with"). */
  onFileOpened(listener: (file: OpenedFile) => void): () => void;
  /** Files the platform failed to read on its own, with the reason. */
  onOpenFailed(listener: (failure: { name: string; message: string }) => void): () => void;
  /**
   * Saves a file the app made (a map picture, an export): the Save dialog on the desktop, a
   * download in the browser. Resolves to false if the user cancelled.
   */
  saveFile(suggestedName: string, kind: SaveKind, bytes: Uint8Array): Promise<boolean>;
  /** Commands from the application menu. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /** Greys the application menu's items of the commands that cannot run now (no menu: nothing). */
  showDisabledCommands(commands: readonly MenuCommand[]): void;
  /** This user's connection to a project on the platform's own sync server. */
  syncConnection(projectId: string): Promise<SyncConnection>;
  /** Opens the project to the local network (a port, 0 for any) and says how to reach it. */
  host(projectId: string, port: number): Promise<Hosting>;
  /** Stops hosting; resolves to the connection to use from now on. */
  stopHosting(projectId: string): Promise<SyncConnection>;
  /** The project's tokens (owner only). */
  listTokens(projectId: string): Promise<TokenInfoView[]>;
  /** Issues a token for a join link (owner only). */
  issueToken(projectId: string, role: 'editor' | 'commenter' | 'viewer', label: string): Promise<TokenInfoView & { token: string }>;
  /** Revokes a token; its participants are disconnected (owner only). */
  revokeToken(projectId: string, id: string): Promise<void>;
}
