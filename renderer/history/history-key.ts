// The History shortcut. The page handles it itself in the desktop app too: File ▸
// History… shows it but leaves the key to the page (the menu owns the other shortcuts).
import { isModShiftLetter, type KeyPress } from '../shell/shortcuts';

/** Opens the History dialog: Ctrl+Shift+H, or ⇧⌘H on macOS. */
export const HISTORY_SHORTCUT = 'Mod-Shift-H';

/** Whether `press` is the History shortcut. */
export function isHistoryKey(press: KeyPress, isMac: boolean): boolean {
  return isModShiftLetter(press, 'H', isMac);
}
