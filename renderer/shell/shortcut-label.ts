// Keyboard shortcuts as the user's platform writes them: "⌘O" on macOS, "Ctrl+O" elsewhere.

/** The part of the platform shortcut labels depend on. */
export interface ShortcutPlatform {
  readonly isMac: boolean;
}

const MAC_SYMBOLS: Record<string, string> = { Mod: '⌘', Alt: '⌥', Shift: '⇧', Ctrl: '⌃' };
const PC_NAMES: Record<string, string> = { Mod: 'Ctrl', Alt: 'Alt', Shift: 'Shift', Ctrl: 'Ctrl' };

/** "Mod-Shift-G" → "⇧⌘G" on macOS, "Ctrl+Shift+G" elsewhere. */
export function shortcutLabel(shortcut: string, platform: ShortcutPlatform): string {
  const parts = shortcut.split('-');
  const keyName = parts.pop() ?? '';
  if (platform.isMac) {
    // macOS orders modifiers ⌃⌥⇧⌘.
    const order = ['Ctrl', 'Alt', 'Shift', 'Mod'];
    const mods = order.filter((m) => parts.includes(m)).map((m) => MAC_SYMBOLS[m]);
    return mods.join('') + keyName;
  }
  return [...parts.map((m) => PC_NAMES[m] ?? m), keyName].join('+');
}
