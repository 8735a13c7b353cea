// Finds the files named on a command line (`crux FILE`, a file association, a second
// launch), skipping the executable, the app path of a development run, and the
// switches Electron and Chromium add (`--inspect=…`, `--original-process-start-time=…`,
// macOS's `-psn_…`).
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** How to read a command line. */
export interface ArgvContext {
  /**
   * True when running as `electron <app path> …` (Electron's `process.defaultApp`): the
   * first argument after the switches is then the app, not a file.
   */
  defaultApp: boolean;
  /** The folder relative paths are resolved against. */
  cwd: string;
}

const URL_LIKE = /^[a-z][a-z0-9+.-]+:\/\//i;

/** The absolute paths of the files named in `argv` (`process.argv` shape), in order, without duplicates. */
export function filesFromArgv(argv: readonly string[], context: ArgvContext): string[] {
  const files: string[] = [];
  let skipAppPath = context.defaultApp;
  let afterDoubleDash = false;
  for (const arg of argv.slice(1)) {
    if (!afterDoubleDash && arg === '--') {
      afterDoubleDash = true;
      continue;
    }
    if (!afterDoubleDash && arg.startsWith('-')) continue;
    if (arg.trim() === '') continue;
    if (skipAppPath) {
      skipAppPath = false;
      continue;
    }
    const path = toPath(arg, context.cwd);
    if (path !== null && !files.includes(path)) files.push(path);
  }
  return files;
}

/** A command-line argument as an absolute path; null for URLs that are not file: URLs. */
function toPath(arg: string, cwd: string): string | null {
  if (URL_LIKE.test(arg)) {
    if (!arg.toLowerCase().startsWith('file:')) return null;
    try {
      return fileURLToPath(arg);
    } catch {
      return null;
    }
  }
  return isAbsolute(arg) ? resolve(arg) : resolve(cwd, arg);
}
