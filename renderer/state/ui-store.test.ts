import { describe, expect, it } from 'vitest';
import { createUiStore } from './ui-store';

describe('UI store', () => {
  it('notifies subscribers with the new and previous state, and never mutates a state', () => {
    const store = createUiStore();
    const seen: [string | null, string | null][] = [];
    store.subscribe((s, prev) => seen.push([s.selected, prev.selected]));
    const first = store.get();
    store.update({ selected: 'a', selectedBy: 'panel' });
    store.update({ selected: 'b' });
    expect(seen).toEqual([
      ['a', null],
      ['b', 'a'],
    ]);
    expect(first.selected).toBeNull();
    expect(Object.isFrozen(store.get())).toBe(true);
  });

  it('stays quiet when nothing changes, and stops notifying after unsubscribe', () => {
    const store = createUiStore({ selected: 'x' });
    let calls = 0;
    const off = store.subscribe(() => calls++);
    store.update({ selected: 'x' });
    expect(calls).toBe(0);
    store.update({ hovered: 'y' });
    off();
    store.update({ hovered: 'z' });
    expect(calls).toBe(1);
  });
});
