import { describe, expect, it } from 'vitest';
import type { KeyPress } from '../shell/shortcuts';
import { isHistoryKey } from './history-key';

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({
  key,
  code: 'KeyH',
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('the History shortcut', () => {
  it('is Ctrl+Shift+H on Windows and Linux, ⇧⌘H on macOS', () => {
    expect(isHistoryKey(press('H', { ctrlKey: true, shiftKey: true }), false)).toBe(true);
    expect(isHistoryKey(press('H', { metaKey: true, shiftKey: true }), true)).toBe(true);
    expect(isHistoryKey(press('H', { metaKey: true, shiftKey: true }), false)).toBe(false);
    expect(isHistoryKey(press('H', { ctrlKey: true, shiftKey: true }), true)).toBe(false);
  });

  it('needs Shift and no Alt, so Ctrl+H and Ctrl+Alt+Shift+H stay free', () => {
    expect(isHistoryKey(press('h', { ctrlKey: true }), false)).toBe(false);
    expect(isHistoryKey(press('H', { ctrlKey: true, shiftKey: true, altKey: true }), false)).toBe(false);
  });

  it('goes by the physical key on other keyboard layouts', () => {
    expect(isHistoryKey(press('Х', { ctrlKey: true, shiftKey: true }), false)).toBe(true);
  });
});
