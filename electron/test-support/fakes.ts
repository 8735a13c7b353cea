// Test helpers for the Electron layer: a logger that remembers what it was told, and
// temporary folders on the real file system.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
