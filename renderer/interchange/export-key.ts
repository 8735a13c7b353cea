// The Export shortcut. Like History's, the page handles it itself in the desktop app
// too: File ▸ Export… shows it but leaves the key to the page.
import { isModShiftLetter, type KeyPress } from '../shell/shortcuts';

/** Opens the Export dialog: Ctrl+Shift+E, or ⇧⌘E on macOS. */
export const EXPORT_SHORTCUT = 'Mod-Shift-E';

/** Whether `press` is the Export shortcut. */
export function isExportKey(press: KeyPress, isMac: boolean): boolean {
  return isModShiftLetter(press, 'E', isMac);
}
