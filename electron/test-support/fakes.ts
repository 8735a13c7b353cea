// Test helpers for the Electron layer: a logger that remembers what it was told,
// temporary folders on the real file system, and idle project handlers.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import type { RecentFiles } from '../main/files/recent-files';
import type { RequestHandlers } from '../main/ipc/request-dispatcher';
import { MenuService } from '../main/menu/menu-service';
import type { Logger } from '../main/service';

/** A logger that records every message by level. */
export interface RecordingLogger extends Logger {
  readonly lines: { level: 'info' | 'warn' | 'error'; message: string }[];
  /** All messages of one level. */
  messages(level: 'info' | 'warn' | 'error'): string[];
}

/** Makes a RecordingLogger. */
export function recordingLogger(): RecordingLogger {
  const lines: RecordingLogger['lines'] = [];
  return {
    lines,
    info: (message) => lines.push({ level: 'info', message }),
    warn: (message) => lines.push({ level: 'warn', message }),
    error: (message) => lines.push({ level: 'error', message }),
    messages: (level) => lines.filter((line) => line.level === level).map((line) => line.message),
  };
}

/** A fresh temporary folder and the function that removes it. */
export async function tempDir(prefix = 'crux-electron-'): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** Project handlers for tests about other channels: every request answers "cancelled", as when no dialog is confirmed. */
/** A menu that ignores which commands the page reports disabled (tests that do not reach it). */
export const NO_MENU_HANDLERS: Pick<RequestHandlers, 'menu:disabled'> = { 'menu:disabled': () => undefined };

export const NO_PROJECT_HANDLERS: Pick<RequestHandlers, `project:${string}` & keyof RequestHandlers> = {
  'project:current': async () => ({ kind: 'cancelled' }),
  'project:new': async () => ({ kind: 'cancelled' }),
  'project:open': async () => ({ kind: 'cancelled' }),
  'project:save-as': async () => ({ kind: 'cancelled' }),
  'project:for-reading': async () => ({ kind: 'cancelled' }),
  'project:recover': async () => ({ kind: 'cancelled' }),
};

/** A menu service on `recent` whose items do nothing, and every template it installs, oldest first. */
export function recordingMenu(recent: RecentFiles): { service: MenuService; installed: MenuItemConstructorOptions[][] } {
  const installed: MenuItemConstructorOptions[][] = [];
  const service = new MenuService({
    setApplicationMenu: (template) => void installed.push(template),
    recent,
    platform: 'linux',
    isDev: false,
    sendCommand: () => undefined,
    openRecent: () => undefined,
    clearRecent: () => undefined,
    newProject: () => undefined,
    saveAs: () => undefined,
  });
  return { service, installed };
}
