// The History shortcut. The page handles it itself in the desktop app too: the
// application menu (which owns the other shortcuts there) has no History item.
import { isModShiftLetter, type KeyPress } from '../shell/shortcuts';

/** Opens the History dialog: Ctrl+Shift+H, or ⇧⌘H on macOS. */
export const HISTORY_SHORTCUT = 'Mod-Shift-H';

/** Whether `press` is the History shortcut. */
export function isHistoryKey(press: KeyPress, isMac: boolean): boolean {
  return isModShiftLetter(press, 'H', isMac);
}
