// The window service: opens the one main window, loads the renderer into it, remembers
// which webContents belong to the app (the IPC sender check asks), and reopens the
// window on demand (macOS dock click).
import type { Logger, Service } from '../service';
import type { AppLocation } from './app-location';
import { createMainWindow, type AppWindow, type BrowserWindowClass, type WindowContents } from './main-window';

/** What the window service needs. */
export interface WindowServiceOptions {
  BrowserWindow: BrowserWindowClass;
  /** Absolute path of the built preload script. */
  preloadPath: string;
  location: AppLocation;
  log: Logger;
  /** Called each time the page (re)loaded and can receive events. */
  onLoaded(contents: WindowContents): void;
  /** Called when the window is gone. */
  onClosed(contents: WindowContents): void;
}

/** Owns the main window. */
export class WindowService implements Service {
  private window: AppWindow | null = null;
  private readonly ownContents = new Set<number>();
  private disposed = false;

  constructor(private readonly options: WindowServiceOptions) {}

  /** Opens the main window. */
  start(): void {
    this.open();
  }

  /** The main window, or null while there is none. */
  mainWindow(): AppWindow | null {
    return this.window && !this.window.isDestroyed() ? this.window : null;
  }

  /** Whether the webContents with this id belongs to a window this service created. */
  ownsContents(id: number): boolean {
    return this.ownContents.has(id);
  }

  /** Brings the main window to the front, opening it if there is none. */
  focus(): void {
    const window = this.mainWindow() ?? this.open();
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  }

  /** Opens the main window unless it is open already; returns it. */
  open(): AppWindow {
    const existing = this.mainWindow();
    if (existing) return existing;
    if (this.disposed) throw new Error('The window service has been disposed.');
    const { BrowserWindow, preloadPath, location, log } = this.options;
    const window = createMainWindow(BrowserWindow, preloadPath);
    const contents = window.webContents;
    this.window = window;
    this.ownContents.add(contents.id);
    window.once('ready-to-show', () => window.show());
    contents.on('did-finish-load', () => this.options.onLoaded(contents));
    window.on('closed', () => {
      this.ownContents.delete(contents.id);
      if (this.window === window) this.window = null;
      this.options.onClosed(contents);
    });
    window.loadURL(location.entryUrl).catch((error: unknown) => {
      log.error(`Could not load ${location.entryUrl}: ${error instanceof Error ? error.message : String(error)}`);
      if (!window.isDestroyed()) window.show();
    });
    return window;
  }

  /** Forgets the window; Electron closes it when the app quits. */
  dispose(): void {
    this.disposed = true;
    this.window = null;
    this.ownContents.clear();
  }
}
