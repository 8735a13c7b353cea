import { describe, expect, it } from 'vitest';
import {
  BIG_STEP,
  defaultLayout,
  maxSize,
  MIN_READER_WIDTH,
  PANE_LIMITS,
  parseLayout,
  resize,
  setCollapsed,
  sizeAfterKey,
  STEP,
} from './pane-layout';

const wide = 1600;

describe('pane layout', () => {
  it('moves the left splitter right with ArrowRight and the right splitter left with ArrowLeft', () => {
    const layout = defaultLayout();
    expect(sizeAfterKey(layout, 'left', 'ArrowRight', false, wide)).toBe(layout.left.size + STEP);
    expect(sizeAfterKey(layout, 'left', 'ArrowLeft', true, wide)).toBe(layout.left.size - BIG_STEP);
    expect(sizeAfterKey(layout, 'right', 'ArrowLeft', false, wide)).toBe(layout.right.size + STEP);
    expect(sizeAfterKey(layout, 'right', 'ArrowRight', false, wide)).toBe(layout.right.size - STEP);
    expect(sizeAfterKey(layout, 'left', 'Home', false, wide)).toBe(PANE_LIMITS.left.min);
    expect(sizeAfterKey(layout, 'left', 'End', false, wide)).toBe(PANE_LIMITS.left.max);
    expect(sizeAfterKey(layout, 'left', 'a', false, wide)).toBeNull();
  });

  it('keeps panes within their limits and leaves the reader room', () => {
    const layout = defaultLayout();
    expect(resize(layout, 'left', 10, wide).left.size).toBe(PANE_LIMITS.left.min);
    expect(resize(layout, 'left', 5000, wide).left.size).toBe(PANE_LIMITS.left.max);
    const narrow = 1000;
    const grown = resize(layout, 'right', 5000, narrow);
    expect(grown.right.size).toBe(narrow - layout.left.size - MIN_READER_WIDTH);
    expect(maxSize(setCollapsed(layout, 'left', true), 'right', narrow)).toBe(narrow - MIN_READER_WIDTH);
    expect(maxSize(setCollapsed(layout, 'left', true), 'right', wide)).toBe(PANE_LIMITS.right.max);
  });

  it('remembers the width of a collapsed pane and shows it again at that width', () => {
    const layout = resize(defaultLayout(), 'left', 300, wide);
    const collapsed = setCollapsed(layout, 'left', true);
    expect(collapsed.left).toEqual({ size: 300, collapsed: true });
    expect(setCollapsed(collapsed, 'left', false).left).toEqual({ size: 300, collapsed: false });
  });

  it('restores a stored layout and repairs a damaged one', () => {
    const stored = JSON.stringify({ left: { size: 333, collapsed: true }, right: { size: 9999, collapsed: false } });
    expect(parseLayout(stored)).toEqual({
      left: { size: 333, collapsed: true },
      right: { size: PANE_LIMITS.right.max, collapsed: false },
    });
    expect(parseLayout('nonsense')).toEqual(defaultLayout());
    expect(parseLayout(JSON.stringify({ left: { size: 'wide' } }))).toEqual(defaultLayout());
  });
});
