import { describe, expect, it } from 'vitest';
import { addRecent, MAX_RECENT, parseRecentList } from './recent-list';
import type { RecentEntry } from './platform';

const entry = (key: string, openedAt = 1): RecentEntry => ({ key, name: `${key}.txt`, openedAt, detail: null });

describe('recent files list', () => {
  it('puts the newest file first and does not list a file twice', () => {
    let list = addRecent([], entry('a', 1));
    list = addRecent(list, entry('b', 2));
    list = addRecent(list, entry('a', 3));
    expect(list.map((e) => [e.key, e.openedAt])).toEqual([
      ['a', 3],
      ['b', 2],
    ]);
  });

  it('forgets the oldest files beyond the limit', () => {
    let list: RecentEntry[] = [];
    for (let i = 0; i < MAX_RECENT + 3; i++) list = addRecent(list, entry(`f${i}`, i));
    expect(list).toHaveLength(MAX_RECENT);
    expect(list[0]?.key).toBe(`f${MAX_RECENT + 2}`);
    expect(list.some((e) => e.key === 'f0')).toBe(false);
  });

  it('reads back what it stored and ignores damaged storage', () => {
    const list = [entry('a'), entry('b')];
    expect(parseRecentList(JSON.stringify(list))).toEqual(list);
    expect(parseRecentList(null)).toEqual([]);
    expect(parseRecentList('{not json')).toEqual([]);
    expect(parseRecentList('{"key":"a"}')).toEqual([]);
    expect(parseRecentList(JSON.stringify([entry('a'), { key: '', name: 'x', openedAt: 1, detail: null }, 7]))).toEqual([
      entry('a'),
    ]);
  });
});
