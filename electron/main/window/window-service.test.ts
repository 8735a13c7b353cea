import { EventEmitter } from 'node:events';
import type { BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { recordingLogger } from '../../test-support/fakes';
import { resolveAppLocation } from './app-location';
import type { AppWindow, BrowserWindowClass, WindowContents } from './main-window';
import { WindowService } from './window-service';

let nextId = 1;

/** A stand-in for Electron's BrowserWindow (which cannot run here). */
class FakeWindow extends EventEmitter implements AppWindow {
  static created: FakeWindow[] = [];
  static loadError: Error | null = null;
  readonly webContents: WindowContents & EventEmitter;
  loaded: string[] = [];
  shown = 0;
  focused = 0;
  minimized = false;
  destroyed = false;

  constructor(readonly options: BrowserWindowConstructorOptions) {
    super();
    const contents = Object.assign(new EventEmitter(), {
      id: nextId++,
      send: () => undefined,
      isDestroyed: () => this.destroyed,
    });
    this.webContents = contents;
    FakeWindow.created.push(this);
  }
  loadURL(url: string): Promise<void> {
    this.loaded.push(url);
    return FakeWindow.loadError ? Promise.reject(FakeWindow.loadError) : Promise.resolve();
  }
  show(): void {
    this.shown += 1;
  }
  focus(): void {
    this.focused += 1;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.minimized = false;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  close(): void {
    this.destroyed = true;
    this.emit('closed');
  }
}

function setup() {
  FakeWindow.created = [];
  const loaded: WindowContents[] = [];
  const closed: WindowContents[] = [];
  const log = recordingLogger();
  const service = new WindowService({
    BrowserWindow: FakeWindow as unknown as BrowserWindowClass,
    preloadPath: '/app/out/preload/index.cjs',
    location: resolveAppLocation(undefined, false),
    log,
    onLoaded: (contents) => loaded.push(contents),
    onClosed: (contents) => closed.push(contents),
  });
  return { service, loaded, closed, log };
}

describe('WindowService', () => {
  it('opens one window on the app page and shows it once it is ready', () => {
    const { service } = setup();
    service.start();
    const [window] = FakeWindow.created;
    expect(window?.loaded).toEqual(['app://crux/index.html']);
    expect(window?.shown).toBe(0);
    window?.emit('ready-to-show');
    expect(window?.shown).toBe(1);
    expect(service.open()).toBe(window);
    expect(FakeWindow.created).toHaveLength(1);
  });

  it('knows its own webContents until the window closes', () => {
    const { service, closed } = setup();
    service.start();
    const window = FakeWindow.created[0] as FakeWindow;
    expect(service.ownsContents(window.webContents.id)).toBe(true);
    expect(service.ownsContents(window.webContents.id + 1000)).toBe(false);
    window.close();
    expect(service.ownsContents(window.webContents.id)).toBe(false);
    expect(service.mainWindow()).toBeNull();
    expect(closed).toEqual([window.webContents]);
  });

  it('reports each finished page load so queued events can go out', () => {
    const { service, loaded } = setup();
    service.start();
    const window = FakeWindow.created[0] as FakeWindow;
    window.webContents.emit('did-finish-load');
    window.webContents.emit('did-finish-load');
    expect(loaded).toEqual([window.webContents, window.webContents]);
  });

  it('restores and focuses the window, reopening it when it was closed', () => {
    const { service } = setup();
    service.start();
    const first = FakeWindow.created[0] as FakeWindow;
    first.minimized = true;
    service.focus();
    expect(first.minimized).toBe(false);
    expect(first.focused).toBe(1);
    first.close();
    service.focus();
    expect(FakeWindow.created).toHaveLength(2);
  });

  it('logs a page that fails to load and still shows the window', async () => {
    const { service, log } = setup();
    FakeWindow.loadError = new Error('ERR_FILE_NOT_FOUND');
    try {
      service.start();
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      FakeWindow.loadError = null;
    }
    expect(log.messages('error')).toEqual(['Could not load app://crux/index.html: ERR_FILE_NOT_FOUND']);
    expect((FakeWindow.created[0] as FakeWindow).shown).toBe(1);
  });

  it('opens nothing after dispose', () => {
    const { service } = setup();
    service.dispose();
    expect(() => service.open()).toThrow('The window service has been disposed.');
  });
});
