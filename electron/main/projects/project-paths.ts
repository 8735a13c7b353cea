// Where project files go and what they are called: the folder new projects are created in
// (Documents/Crux), a file name made from the imported reading's name, numbered when
// taken, and the `.crux` extension added to a name typed without it.
import { existsSync } from 'node:fs';
import { basename, extname, join } from 'node:path';

/** The extension of project files. */
export const PROJECT_EXTENSION = 'crux';

/** Whether a file name or path names a project file (case-insensitive). */
export function isProjectPath(path: string): boolean {
  return extname(path).toLowerCase() === `.${PROJECT_EXTENSION}`;
}

/** `path` with `.crux` added unless it ends with it already. */
export function withProjectExtension(path: string): string {
  return isProjectPath(path) ? path : `${path}.${PROJECT_EXTENSION}`;
}

/** The folder new projects made from an imported reading go in: `<documents>/Crux`. */
export function projectsFolder(documentsDir: string): string {
  return join(documentsDir, 'Crux');
}

/** Longest base name kept for a new project file (file systems allow 255 bytes). */
const MAX_BASE = 80;

/**
 * A free path in `folder` for a project made from the reading `readingName`: the reading's
 * name without its extension, cleaned of characters file systems refuse, then `name.crux`,
 * `name 2.crux`, `name 3.crux`… ("Untitled" when nothing usable is left).
 */
export function newProjectPath(folder: string, readingName: string, exists: (path: string) => boolean = existsSync): string {
  const stem = basename(readingName, extname(readingName))
    // Control characters and what Windows, macOS or Linux refuse in a name.
    .replace(/[\p{Cc}<>:"/\\|?*]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .slice(0, MAX_BASE)
    .trim();
  const base = stem || 'Untitled';
  for (let n = 1; ; n++) {
    const candidate = join(folder, `${n === 1 ? base : `${base} ${n}`}.${PROJECT_EXTENSION}`);
    // A leftover lock or log marks a name a crash may still be using: skip it too.
    if (!exists(candidate) && !exists(`${candidate}.lock`) && !exists(`${candidate}-wal`)) return candidate;
  }
}
