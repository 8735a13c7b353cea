import { describe, expect, it } from 'vitest';
import { moveInList } from './list-nav';

describe('moving through the annotation list by keyboard', () => {
  it('steps with the arrows and stops at the ends', () => {
    expect(moveInList('ArrowDown', 0, 3)).toBe(1);
    expect(moveInList('ArrowDown', 2, 3)).toBe(2);
    expect(moveInList('ArrowUp', 1, 3)).toBe(0);
    expect(moveInList('ArrowUp', 0, 3)).toBe(0);
  });

  it('starts from the first (down) or the last (up) row when none is active', () => {
    expect(moveInList('ArrowDown', -1, 3)).toBe(0);
    expect(moveInList('ArrowUp', -1, 3)).toBe(2);
  });

  it('jumps with Home, End and the page keys', () => {
    expect(moveInList('Home', 5, 30)).toBe(0);
    expect(moveInList('End', 5, 30)).toBe(29);
    expect(moveInList('PageDown', 25, 30)).toBe(29);
    expect(moveInList('PageUp', 5, 30)).toBe(0);
  });

  it('ignores other keys and empty lists', () => {
    expect(moveInList('Enter', 1, 3)).toBeNull();
    expect(moveInList('ArrowDown', -1, 0)).toBeNull();
  });
});
