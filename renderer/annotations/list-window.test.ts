import { describe, expect, it } from 'vitest';
import { estimateRowHeight, ROW_METRICS, rowsToDraw } from './list-window';

describe('guessing a row’s height before it is drawn', () => {
  const bare = { quoteLength: 20, noteLength: 0, tagged: false };

  it('gives a short quote one line and a long one as many as the width needs', () => {
    const one = estimateRowHeight(bare, 230);
    const long = estimateRowHeight({ ...bare, quoteLength: 140 }, 230);
    const perLine = Math.floor(230 / ROW_METRICS.charWidth);
    expect(long - one).toBe((Math.ceil(140 / perLine) - 1) * ROW_METRICS.quoteLine);
  });

  it('makes a narrower row taller for the same quote', () => {
    const quote = { ...bare, quoteLength: 140 };
    expect(estimateRowHeight(quote, 150)).toBeGreaterThan(estimateRowHeight(quote, 320));
  });

  it('adds the note’s lines and a line for tags', () => {
    const one = estimateRowHeight(bare, 230);
    expect(estimateRowHeight({ ...bare, tagged: true }, 230)).toBe(one + ROW_METRICS.smallLine + ROW_METRICS.gap);
    expect(estimateRowHeight({ ...bare, noteLength: 5 }, 230)).toBe(one + ROW_METRICS.quoteLine + ROW_METRICS.gap);
  });

  it('stays a sensible height in a list not laid out yet (no width)', () => {
    const h = estimateRowHeight({ ...bare, quoteLength: 140 }, 0);
    expect(h).toBeGreaterThan(60);
    expect(Number.isFinite(h)).toBe(true);
  });
});

describe('choosing the rows to draw', () => {
  it('draws the rows near the visible part when the active row is among them', () => {
    expect(rowsToDraw([4, 5, 6, 7], 6, 100)).toEqual([4, 5, 6, 7]);
  });

  it('adds an active row far from them, keeping the order', () => {
    expect(rowsToDraw([4, 5, 6], 90, 100)).toEqual([4, 5, 6, 90]);
    expect(rowsToDraw([40, 41], 2, 100)).toEqual([2, 40, 41]);
  });

  it('draws the active row alone in a list not laid out yet', () => {
    expect(rowsToDraw([], 7, 10)).toEqual([7]);
  });

  it('ignores no active row, or one past the end', () => {
    expect(rowsToDraw([1, 2], -1, 10)).toEqual([1, 2]);
    expect(rowsToDraw([1, 2], 10, 10)).toEqual([1, 2]);
  });
});
