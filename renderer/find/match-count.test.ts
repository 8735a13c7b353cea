import { describe, expect, it } from 'vitest';
import { matchCountLabel } from './match-count';

const matches = [
  { from: 3, to: 8 },
  { from: 20, to: 25 },
  { from: 40, to: 45 },
];

describe('matchCountLabel', () => {
  it('says which match is selected out of how many', () => {
    expect(matchCountLabel('mao', matches, { from: 20, to: 25 })).toBe('2 of 3');
  });

  it('counts matches when none is selected, and says when there are none', () => {
    expect(matchCountLabel('mao', matches, { from: 0, to: 0 })).toBe('3 matches');
    expect(matchCountLabel('mao', matches.slice(0, 1), { from: 0, to: 0 })).toBe('1 match');
    expect(matchCountLabel('zzz', [], { from: 0, to: 0 })).toBe('No matches');
    expect(matchCountLabel('', matches, { from: 3, to: 8 })).toBe('');
  });
});
