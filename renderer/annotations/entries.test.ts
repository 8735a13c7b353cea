import { describe, expect, it } from 'vitest';
import { NO_FILTERS, type Filters } from '../state/ui-store';
import { allTags, countRoles, excerpt, matchesFilters, sameEntry, sortedIndex, type PanelEntry } from './entries';

const entry = (over: Partial<PanelEntry>): PanelEntry => ({
  id: 'a-1',
  role: 'evidence',
  author: 'p-ana',
  authorName: 'Ana',
  authorColour: '#0072b2',
  note: '',
  tags: [],
  hubs: [],
  quote: 'The ferry left before dawn',
  orphaned: false,
  start: 0,
  created: 1,
  comments: [],
  ...over,
});

const entries = [
  entry({ id: 'a-1', role: 'evidence', tags: ['weather'], hubs: ['hub-realist'], note: 'A dated source' }),
  entry({ id: 'a-2', role: 'claim', author: 'p-ben', quote: 'the wind had turned', comments: ['Which wind?'] }),
  entry({ id: 'a-3', role: 'counter', orphaned: true, quote: 'a lamp', tags: ['light', 'weather'] }),
];
const ids = (filters: Partial<Filters>) => entries.filter((e) => matchesFilters(e, { ...NO_FILTERS, ...filters })).map((e) => e.id);

describe('annotation filters', () => {
  it('let everything through when empty', () => {
    expect(ids({})).toEqual(['a-1', 'a-2', 'a-3']);
  });

  it('filter by role, author, hub, tag and orphaned, and combine', () => {
    expect(ids({ roles: new Set(['claim', 'counter']) })).toEqual(['a-2', 'a-3']);
    expect(ids({ authors: new Set(['p-ben']) })).toEqual(['a-2']);
    expect(ids({ hubs: new Set(['hub-realist']) })).toEqual(['a-1']);
    expect(ids({ tags: new Set(['weather']) })).toEqual(['a-1', 'a-3']);
    expect(ids({ orphanedOnly: true })).toEqual(['a-3']);
    expect(ids({ tags: new Set(['weather']), roles: new Set(['evidence']) })).toEqual(['a-1']);
  });

  it('search quote, note, tags and comments, ignoring case', () => {
    expect(ids({ query: 'WIND' })).toEqual(['a-2']);
    expect(ids({ query: 'dated' })).toEqual(['a-1']);
    expect(ids({ query: 'light' })).toEqual(['a-3']);
    expect(ids({ query: 'which' })).toEqual(['a-2']);
    expect(ids({ query: '   ' })).toEqual(['a-1', 'a-2', 'a-3']);
    expect(ids({ query: 'nowhere' })).toEqual([]);
  });
});

describe('panel summaries', () => {
  it('count roles and list tags in use', () => {
    expect(countRoles(entries)).toEqual({ evidence: 1, claim: 1, counter: 1 });
    expect(allTags(entries)).toEqual(['light', 'weather']);
  });

  it('shorten long quotes on a word boundary', () => {
    expect(excerpt('short\n  quote')).toBe('short quote');
    expect(excerpt('one two three four five', 12)).toBe('one two…');
  });
});

describe('whether a row needs drawing again', () => {
  it('keeps a row whose annotation shows the same, and redraws one whose quote, note, tags, author or comments changed', () => {
    const base = entry({ tags: ['weather'], comments: ['Which wind?'] });
    expect(sameEntry(base, entry({ tags: ['weather'], comments: ['Which wind?'], start: 40 }))).toBe(true);
    for (const change of [{ quote: 'The ferry left' }, { note: 'dated' }, { tags: ['weather', 'sea'] }, { authorName: 'Ana B.' }, { comments: [] }, { role: 'claim' as const }, { orphaned: true }]) {
      expect(sameEntry(base, entry({ tags: ['weather'], comments: ['Which wind?'], ...change }))).toBe(false);
    }
  });
});

describe('placing a new row', () => {
  it('puts an entry where the document order puts it: by start, then age, then id', () => {
    const sorted = [entry({ id: 'a-1', start: 0 }), entry({ id: 'a-2', start: 10, created: 1 }), entry({ id: 'a-3', start: 10, created: 5 }), entry({ id: 'a-4', start: 30 })];
    expect(sortedIndex(sorted, entry({ id: 'a-0', start: 0, created: 0 }))).toBe(0);
    expect(sortedIndex(sorted, entry({ id: 'a-9', start: 10, created: 3 }))).toBe(2);
    expect(sortedIndex(sorted, entry({ id: 'a-9', start: 20 }))).toBe(3);
    expect(sortedIndex(sorted, entry({ id: 'a-9', start: 99 }))).toBe(4);
  });
});
