import { describe, expect, it } from 'vitest';
import { schema } from '../../shared/schema';
import { outlineEntries, sameOutline, slugify } from './outline-entries';

const doc = schema.node('doc', null, [
  schema.node('title', null, schema.text('A  Study of Things')),
  schema.node('byline', null, schema.text('A. Author')),
  schema.node('paragraph', null, schema.text('Opening words.')),
  schema.node('heading', { level: 1 }, schema.text('Origins')),
  schema.node('paragraph', null, schema.text('Body.')),
  schema.node('heading', { level: 2 }, schema.text('Harbour-town elections in 1963: a recount')),
  schema.node('heading', { level: 1 }, schema.text('Origins')),
  schema.node('heading', { level: 1 }),
]);

describe('outlineEntries', () => {
  const entries = outlineEntries(doc);

  it('lists the title and every heading in reading order with levels', () => {
    expect(entries.map((e) => [e.level, e.text])).toEqual([
      [0, 'A Study of Things'],
      [1, 'Origins'],
      [2, 'Harbour-town elections in 1963: a recount'],
      [1, 'Origins'],
      [1, 'Untitled section'],
    ]);
  });

  it('gives readable ids that never repeat', () => {
    expect(entries.map((e) => e.id)).toEqual([
      'title',
      'sec-origins',
      'sec-harbour-town-elections-in-1963-a-recount',
      'sec-origins-2',
      'sec-section',
    ]);
  });

  it('points each entry at its node', () => {
    for (const e of entries) expect(['title', 'heading']).toContain(doc.nodeAt(e.pos)?.type.name);
  });

  it('compares outlines by what they show', () => {
    expect(sameOutline(entries, outlineEntries(doc))).toBe(true);
    expect(sameOutline(entries, entries.slice(1))).toBe(false);
  });
});

describe('slugify', () => {
  it('keeps letters and digits of any script and drops accents', () => {
    expect(slugify('Tito’s Yugoslavia, 1948–53')).toBe('tito-s-yugoslavia-1948-53');
    expect(slugify('Éléments de réponse')).toBe('elements-de-reponse');
    expect(slugify('中苏关系')).toBe('中苏关系');
    expect(slugify('—')).toBe('');
  });
});
