import { describe, expect, it } from 'vitest';
import { shortcutLabel } from './shortcut-label';

describe('shortcutLabel', () => {
  it('writes shortcuts the way each platform does', () => {
    expect(shortcutLabel('Mod-O', { isMac: false })).toBe('Ctrl+O');
    expect(shortcutLabel('Mod-O', { isMac: true })).toBe('⌘O');
    expect(shortcutLabel('Mod-Shift-G', { isMac: true })).toBe('⇧⌘G');
    expect(shortcutLabel('Mod-Alt-1', { isMac: false })).toBe('Ctrl+Alt+1');
    expect(shortcutLabel('F3', { isMac: false })).toBe('F3');
  });
});
