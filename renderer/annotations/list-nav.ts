// Keyboard movement in a list (the annotation panel): which row a key moves the active
// row to. Pure; the panel applies it.

/** The index `key` moves to from `current` in a list of `count` rows, or null if the key does not move. */
export function moveInList(key: string, current: number, count: number): number | null {
  if (count === 0) return null;
  switch (key) {
    case 'ArrowDown':
      return current < 0 ? 0 : Math.min(current + 1, count - 1);
    case 'ArrowUp':
      return current < 0 ? count - 1 : Math.max(current - 1, 0);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    case 'PageDown':
      return current < 0 ? 0 : Math.min(current + 10, count - 1);
    case 'PageUp':
      return current < 0 ? 0 : Math.max(current - 10, 0);
    default:
      return null;
  }
}
