import { describe, expect, it } from 'vitest';
import { alignTokens } from './align';
import { readingBlocks } from './reading-blocks';
import { scoreReading, tokens, type Reading } from './score';
import type { Truth } from './truth';

const truth: Truth = {
  blocks: [
    { kind: 'title', text: 'A Title' },
    { kind: 'heading', level: 1, text: '1. First part' },
    { kind: 'paragraph', text: 'The reconstruction of a well-known alliance began.' },
    { kind: 'paragraph', text: 'A second paragraph follows here.' },
  ],
  footnotes: ['A note about the alliance and its end.'],
  hyphens: [
    { word: 'reconstruction', before: 'recon-', after: 'struction', join: true },
    { word: 'well-known', before: 'well-', after: 'known', join: false },
  ],
  furniture: ['Journal of Tests 7', '2'],
};
const input = 'A Title\n1. First part\nThe recon-\nstruction of a well-\nknown alliance began.\nJournal of Tests 7\nA second paragraph follows here.\n2\n';

const perfect: Reading = {
  blocks: [
    { kind: 'title', text: 'A Title' },
    { kind: 'heading', level: 1, text: '1. First part' },
    { kind: 'paragraph', text: 'The reconstruction of a well-known alliance began.' },
    { kind: 'paragraph', text: 'A second paragraph follows here.' },
  ],
  notes: ['A note about the alliance and its end.'],
};

describe('scoreReading', () => {
  it('gives a perfect reading full marks', () => {
    const s = scoreReading(truth, perfect, input);
    expect(s.boundaries).toMatchObject({ truth: 3, found: 3, correct: 3, f1: 1 });
    expect(s.headings).toMatchObject({ truth: 1, found: 1, levelRight: 1 });
    expect(s.hyphens).toMatchObject({ join: 1, joinRight: 1, keep: 1, keepRight: 1 });
    expect(s.footnotes).toEqual({ truth: 1, found: 1, leftInBody: 0 });
    expect(s.words.invented).toBe(0);
    expect(s.furnitureLeft.count).toBe(0);
  });

  it('counts a heading run into its paragraph as a missed heading and a missed boundary', () => {
    const s = scoreReading(
      truth,
      { ...perfect, blocks: [perfect.blocks[0]!, { kind: 'paragraph', text: `1. First part ${perfect.blocks[2]!.text}` }, perfect.blocks[3]!] },
      input,
    );
    expect(s.headings.found).toBe(0);
    expect(s.boundaries).toMatchObject({ truth: 3, found: 2, correct: 2 });
    expect(s.boundaries.recall).toBeCloseTo(2 / 3);
  });

  it('finds a paragraph broken in two, wrong hyphens, invented words and a running head', () => {
    const s = scoreReading(
      truth,
      {
        blocks: [
          perfect.blocks[0]!,
          perfect.blocks[1]!,
          { kind: 'paragraph', text: 'The recon struction of a wellknown' },
          { kind: 'paragraph', text: 'alliance began. Journal of Tests 7' },
          { kind: 'paragraph', text: 'A second paragraph follows here. 2' },
          { kind: 'paragraph', text: 'A note about the alliance and its end.' },
        ],
        notes: [],
      },
      input,
    );
    expect(s.boundaries).toMatchObject({ truth: 3, found: 4, correct: 3 });
    expect(s.hyphens).toMatchObject({ joinRight: 0, keepRight: 0, wrong: ['reconstruction', 'well-known'] });
    // "recon" and "struction" are words of the input; only the made-up joint is invented.
    expect(s.words.examples).toEqual(['wellknown']);
    expect(s.footnotes).toEqual({ truth: 1, found: 0, leftInBody: 1 });
    expect(s.furnitureLeft.examples).toEqual(['Journal of Tests 7', '2']);
  });
});

describe('tokens and alignment', () => {
  it('compares words in NFC, whatever the case', () => {
    expect(tokens('Universita\u0308t, “MUST”')).toEqual(['universität', 'must']);
  });

  it('matches equal words in order and leaves insertions unmatched', () => {
    expect(Array.from(alignTokens(['a', 'b', 'c', 'd'], ['a', 'x', 'c', 'd', 'y']))).toEqual([0, -1, 2, 3, -1]);
    expect(Array.from(alignTokens([], ['a']))).toEqual([-1]);
  });
});

describe('readingBlocks', () => {
  it('reads the notes from the list under a closing Notes heading', () => {
    const p = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });
    const doc = {
      type: 'doc',
      content: [
        p('Body text.'),
        { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Notes' }] },
        { type: 'ordered_list', content: [{ type: 'list_item', content: [p('First note.')] }] },
      ],
    };
    expect(readingBlocks(doc)).toEqual({ blocks: [{ kind: 'paragraph', text: 'Body text.' }], notes: ['First note.'] });
  });
});
