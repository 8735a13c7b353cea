import { describe, expect, it } from 'vitest';
import { currentEntryIndex } from './current-section';

describe('currentEntryIndex', () => {
  const tops = [-900, -300, -10, 40, 800];
  it('picks the last heading that has scrolled past the top', () => {
    expect(currentEntryIndex(tops.length, (i) => tops[i] as number)).toBe(2);
  });

  it('is the first section before any heading reached the top, and none without headings', () => {
    expect(currentEntryIndex(3, (i) => 100 + i)).toBe(0);
    expect(currentEntryIndex(0, () => 0)).toBe(-1);
  });

  it('is the last section at the end of the text', () => {
    expect(currentEntryIndex(tops.length, () => -1)).toBe(tops.length - 1);
  });
});
