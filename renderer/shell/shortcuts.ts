// The page's keyboard shortcuts, as the same commands the desktop menu sends. In the
// desktop app the menu owns these keys; in browser mode the page handles them itself.
import type { MenuCommand } from '../../shared/ipc';

/** The parts of a keyboard event shortcuts look at. */
export interface KeyPress {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/**
 * Whether `press` is Mod+Shift+`letter` (no Alt); `Mod` is ⌘ on macOS and Ctrl elsewhere.
 * The physical key counts too, so the shortcut works on other keyboard layouts.
 */
export function isModShiftLetter(press: KeyPress, letter: string, isMac: boolean): boolean {
  const mod = isMac ? press.metaKey && !press.ctrlKey : press.ctrlKey && !press.metaKey;
  const upper = letter.toUpperCase();
  return mod && press.shiftKey && !press.altKey && (press.code === `Key${upper}` || press.key.toUpperCase() === upper);
}

/** The command `press` stands for, or null. `Mod` is ⌘ on macOS and Ctrl elsewhere. */
export function commandForKey(press: KeyPress, isMac: boolean): MenuCommand | null {
  const mod = isMac ? press.metaKey && !press.ctrlKey : press.ctrlKey && !press.metaKey;
  const key = press.key.length === 1 ? press.key.toLowerCase() : press.key;
  if (press.key === 'F3' && !mod && !press.altKey) return press.shiftKey ? 'find-previous' : 'find-next';
  if (!mod) return null;
  if (press.altKey) {
    // With Alt, macOS turns digits into other characters; the physical key is what counts.
    if (press.code === 'Digit1') return 'toggle-outline';
    if (press.code === 'Digit2') return 'toggle-map';
    return null;
  }
  switch (key) {
    case 'o':
      return press.shiftKey ? null : 'open';
    case 'f':
      return press.shiftKey ? null : 'find';
    case 'g':
      return press.shiftKey ? 'find-previous' : 'find-next';
    case '=':
    case '+':
      return 'zoom-in';
    case '-':
    case '_':
      return 'zoom-out';
    case '0':
      return press.shiftKey ? null : 'zoom-reset';
    default:
      return null;
  }
}
