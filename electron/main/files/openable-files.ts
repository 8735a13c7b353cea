// The file types Crux opens (DESIGN.md §1), in the forms the open dialog and the
// checks on renderer-supplied paths need them.
import { extname } from 'node:path';

/** Extensions (without the dot, lower case) of the files Crux opens. */
export const OPENABLE_EXTENSIONS: readonly string[] = ['txt', 'md', 'html', 'htm', 'pdf', 'docx'];

/** Filters of the Open dialog. */
export const OPEN_DIALOG_FILTERS: readonly { name: string; extensions: string[] }[] = [
  { name: 'Readings (text, Markdown, HTML, PDF, Word)', extensions: [...OPENABLE_EXTENSIONS] },
  { name: 'Plain text', extensions: ['txt'] },
  { name: 'Markdown', extensions: ['md'] },
  { name: 'HTML', extensions: ['html', 'htm'] },
  { name: 'PDF', extensions: ['pdf'] },
  { name: 'Word document', extensions: ['docx'] },
];

/** Whether a file name has one of the openable extensions (case-insensitive). */
export function isOpenableName(name: string): boolean {
  return OPENABLE_EXTENSIONS.includes(extname(name).slice(1).toLowerCase());
}
