import type { BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { createMainWindow, type AppWindow } from './main-window';

describe('createMainWindow', () => {
  it("opens the window hidden with the security checklist's web preferences", () => {
    let seen: BrowserWindowConstructorOptions | undefined;
    class RecordingWindow {
      constructor(options: BrowserWindowConstructorOptions) {
        seen = options;
      }
    }
    createMainWindow(RecordingWindow as unknown as new (o: BrowserWindowConstructorOptions) => AppWindow, '/app/out/preload/index.cjs');
    expect(seen?.show).toBe(false);
    expect(seen?.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    });
    expect(seen?.webPreferences?.enableBlinkFeatures).toBeUndefined();
    expect(seen?.webPreferences?.disableBlinkFeatures).toBe('Auxclick');
  });
});
