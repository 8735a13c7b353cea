import { describe, expect, it } from 'vitest';
import { markerLabel, stackMarkers } from './margin-markers';

describe('stackMarkers', () => {
  it('keeps markers where their passages are when they do not touch, top to bottom', () => {
    expect(stackMarkers([{ id: 'b', count: 1, top: 300 }, { id: 'a', count: 2, top: 100 }], 24)).toEqual([
      { id: 'a', count: 2, top: 100 },
      { id: 'b', count: 1, top: 300 },
    ]);
  });

  it('moves a marker that would cover the one above it down, one under the other', () => {
    const stacked = stackMarkers([{ id: 'a', count: 1, top: 100 }, { id: 'b', count: 3, top: 100 }, { id: 'c', count: 1, top: 110 }], 24);
    expect(stacked.map((p) => [p.id, p.top])).toEqual([['a', 100], ['b', 124], ['c', 148]]);
  });
});

describe('markerLabel', () => {
  it('says how many comments and on which words', () => {
    expect(markerLabel(1, 'the breakwater')).toBe('1 comment on “the breakwater” — open the thread');
    expect(markerLabel(4, 'the breakwater')).toBe('4 comments on “the breakwater” — open the thread');
  });

  it('shortens a long passage to 60 characters with an ellipsis', () => {
    const label = markerLabel(2, 'word '.repeat(40));
    const quote = /“(.*)”/.exec(label)![1]!;
    expect(quote.length).toBeLessThanOrEqual(60);
    expect(quote.endsWith('…')).toBe(true);
  });
});
