import { describe, expect, it } from 'vitest';
import type { KeyPress } from '../shell/shortcuts';
import { isExportKey } from './export-key';

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({
  key,
  code: 'KeyE',
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('the Export shortcut', () => {
  it('is Ctrl+Shift+E on Windows and Linux, ⇧⌘E on macOS', () => {
    expect(isExportKey(press('E', { ctrlKey: true, shiftKey: true }), false)).toBe(true);
    expect(isExportKey(press('E', { metaKey: true, shiftKey: true }), true)).toBe(true);
    expect(isExportKey(press('E', { metaKey: true, shiftKey: true }), false)).toBe(false);
    expect(isExportKey(press('E', { ctrlKey: true, shiftKey: true }), true)).toBe(false);
  });

  it('needs Shift and no Alt, so Ctrl+E stays free', () => {
    expect(isExportKey(press('e', { ctrlKey: true }), false)).toBe(false);
    expect(isExportKey(press('E', { ctrlKey: true, shiftKey: true, altKey: true }), false)).toBe(false);
  });

  it('goes by the physical key on other keyboard layouts', () => {
    expect(isExportKey(press('У', { ctrlKey: true, shiftKey: true }), false)).toBe(true);
  });
});
