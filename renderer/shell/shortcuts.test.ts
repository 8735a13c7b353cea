import { describe, expect, it } from 'vitest';
import { commandForKey, type KeyPress } from './shortcuts';

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({
  key,
  code: mods.code ?? '',
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('keyboard shortcuts', () => {
  it('uses Ctrl on Windows and Linux, ⌘ on macOS', () => {
    expect(commandForKey(press('o', { ctrlKey: true }), false)).toBe('open');
    expect(commandForKey(press('o', { metaKey: true }), false)).toBeNull();
    expect(commandForKey(press('o', { metaKey: true }), true)).toBe('open');
    expect(commandForKey(press('O', { ctrlKey: true, shiftKey: true }), false)).toBeNull();
  });

  it('finds with Mod+F, F3 and Mod+G, backwards with Shift', () => {
    expect(commandForKey(press('f', { ctrlKey: true }), false)).toBe('find');
    expect(commandForKey(press('F3'), false)).toBe('find-next');
    expect(commandForKey(press('F3', { shiftKey: true }), false)).toBe('find-previous');
    expect(commandForKey(press('G', { ctrlKey: true, shiftKey: true }), false)).toBe('find-previous');
    expect(commandForKey(press('f'), false)).toBeNull();
  });

  it('toggles panes by the physical digit keys and zooms the text', () => {
    expect(commandForKey(press('¡', { metaKey: true, altKey: true, code: 'Digit1' }), true)).toBe('toggle-outline');
    expect(commandForKey(press('2', { ctrlKey: true, altKey: true, code: 'Digit2' }), false)).toBe('toggle-map');
    expect(commandForKey(press('=', { ctrlKey: true }), false)).toBe('zoom-in');
    expect(commandForKey(press('-', { ctrlKey: true }), false)).toBe('zoom-out');
    expect(commandForKey(press('0', { ctrlKey: true }), false)).toBe('zoom-reset');
  });
});
