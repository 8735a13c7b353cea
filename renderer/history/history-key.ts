// The History shortcut. The page handles it itself in the desktop app too: the
// application menu (which owns the other shortcuts there) has no History item.
import type { KeyPress } from '../shell/shortcuts';

/** Opens the History dialog: Ctrl+Shift+H, or ⇧⌘H on macOS. */
export const HISTORY_SHORTCUT = 'Mod-Shift-H';

/** Whether `press` is the History shortcut. */
export function isHistoryKey(press: KeyPress, isMac: boolean): boolean {
  const mod = isMac ? press.metaKey && !press.ctrlKey : press.ctrlKey && !press.metaKey;
  return mod && press.shiftKey && !press.altKey && (press.code === 'KeyH' || press.key.toLowerCase() === 'h');
}
