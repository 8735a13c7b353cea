import { describe, expect, it } from 'vitest';
import { relativeTime } from './relative-time';
import { parseTags } from './tag-input';

const now = Date.UTC(2026, 10, 27, 12, 0, 0);

describe('comment times', () => {
  it('read as people say them', () => {
    expect(relativeTime(now - 10_000, now)).toBe('just now');
    expect(relativeTime(now - 5 * 60_000, now)).toBe('5 min ago');
    expect(relativeTime(now - 60 * 60_000, now)).toBe('1 hour ago');
    expect(relativeTime(now - 5 * 3_600_000, now)).toBe('5 hours ago');
    expect(relativeTime(now - 24 * 3_600_000, now)).toBe('yesterday');
    expect(relativeTime(now - 3 * 86_400_000, now)).toBe('3 days ago');
    expect(relativeTime(Date.UTC(2026, 0, 2), now)).toBe('2026-01-02');
  });
});

describe('tags typed in one field', () => {
  it('split on commas, trimmed, blanks dropped', () => {
    expect(parseTags(' weather, source ,, ')).toEqual(['weather', 'source']);
    expect(parseTags('')).toEqual([]);
  });
});
