// Structure of pdftotext-style text that has no blank lines: numbered and unnumbered
// headings, front matter, paragraph ends by line width, code runs and display formulas.
import { describe, expect, it } from 'vitest';
import { reflowBlocks, reflowText } from './index';

/** The blocks' kinds (with heading levels) and texts, footnote markers written as [^N]. */
function render(text: string): string[] {
  return reflowBlocks(text).map((b) => {
    let t = b.text;
    for (const n of [...b.notes].reverse()) t = `${t.slice(0, n.index)}[^${n.label}]${t.slice(n.index)}`;
    return `${b.kind}${b.level ?? ''}: ${t}`;
  });
}

const para = (n: number) =>
  [
    `Paragraph ${n} says that a lighthouse keeper trims the wick every evening`,
    'and polishes the great lens until no smear is left on any of its prisms.',
  ].join('\n');

describe('structure: numbered headings without blank lines', () => {
  it('finds numbered headings between paragraphs, their level from the numbering depth', () => {
    const text = ['1. Duties', para(1), '1.1 The Lamp', para(2), '1.1.2. Spare Wicks', para(3), 'II. Stores', para(4)].join('\n');
    expect(render(text).map((b) => b.slice(0, 22))).toEqual([
      'heading1: 1. Duties',
      'paragraph: Paragraph 1',
      'heading2: 1.1 The Lamp',
      'paragraph: Paragraph 2',
      'heading3: 1.1.2. Spare',
      'paragraph: Paragraph 3',
      'heading1: II. Stores',
      'paragraph: Paragraph 4',
    ]);
  });

  it('takes a run of numbered lines for a list, not headings', () => {
    const text = [para(1), '1. Trim the wick', '2. Polish the lens', '3. Wind the clockwork', para(2)].join('\n');
    expect(render(text).some((b) => b.startsWith('heading'))).toBe(false);
  });

  it('never takes a numbered sentence for a heading', () => {
    const text = [para(1), '2. The keeper logs the weather.', para(2)].join('\n');
    expect(render(text).some((b) => b.startsWith('heading'))).toBe(false);
  });
});

describe('structure: unnumbered headings', () => {
  it('finds a short line between sentences where numbered headings show the text has headings, one level below', () => {
    const text = ['1. Duties', para(1), 'Night watches', para(2), '2. Stores', para(3)].join('\n');
    expect(render(text).filter((b) => b.startsWith('heading'))).toEqual(['heading1: 1. Duties', 'heading2: Night watches', 'heading1: 2. Stores']);
  });

  it('leaves such a line in the text of a document without numbered headings', () => {
    const text = [para(1), 'Night watches', para(2)].join('\n');
    expect(render(text).some((b) => b.startsWith('heading'))).toBe(false);
  });
});

describe('structure: front matter without blank lines', () => {
  it('takes the lines above the first heading for the title and the byline', () => {
    const text = ['A Keeper’s Guide to the', 'Northern Lights', 'Ada Keel and Tom Rook', '1. Duties', para(1), '2. Stores', para(2)].join('\n');
    expect(render(text).slice(0, 3)).toEqual(['title: A Keeper’s Guide to the Northern Lights', 'byline: Ada Keel and Tom Rook', 'heading1: 1. Duties']);
  });
});

describe('structure: paragraph ends by line width', () => {
  const keeper = (last: string) =>
    [
      'The keeper climbs the hundred steps at dusk, carrying a can of oil,',
      'a rag, a pair of scissors and the log book in a canvas bag at his side',
      last,
      'From the gallery he can see the whole bay and the reef to the south,',
      'where the wreck of an old collier still shows at the lowest tides.',
    ].join('\n');

  it('ends a paragraph at a finished sentence on a line narrower than the column, though not much shorter in characters', () => {
    const last = 'and it is still a little illicit to sit idle till it is lit.';
    expect(last.length / 70).toBeGreaterThan(0.8);
    expect(render(keeper(last)).map((b) => b.slice(0, 26))).toEqual(['paragraph: The keeper clim', 'paragraph: From the galler']);
  });

  it('runs on over a finished sentence on a line holding a full line of characters, however narrow its letters look', () => {
    // The width table only estimates the face: a line as long as the fullest ones was full.
    const last = 'and it is still a little illicit, if idle, to sit still till it is lit.';
    expect(render(keeper(last))).toHaveLength(1);
  });

  it('runs on over a finished sentence on a line as wide as the column', () => {
    const text = [
      'The keeper climbs the hundred steps at dusk, carrying a can of oil.',
      'A rag, a pair of scissors and the log book ride in a bag at his side.',
    ].join('\n');
    expect(render(text)).toHaveLength(1);
  });
});

describe('structure: code and formulas', () => {
  it('keeps a run of code line by line, apart from the paragraphs around it', () => {
    const text = [para(1), 'int count(int n)', '{', 'if (n > 9)', 'return 0;', 'return n + 1;', '}', para(2)].join('\n');
    const blocks = render(text);
    expect(blocks).toHaveLength(3);
    expect(blocks[1]).toBe('code: int count(int n)\n{\nif (n > 9)\nreturn 0;\nreturn n + 1;\n}');
    const doc = reflowText(text);
    expect(doc.child(1).content.content.some((n) => n.type.name === 'hard_break')).toBe(true);
    expect(doc.child(1).firstChild!.marks.map((m) => m.type.name)).toEqual(['code']);
  });

  it('sets a display formula apart from the sentence that introduces it', () => {
    const text = [para(1).replace(/\.$/, ', by the rule:'), 'oil = (hours + 2) × 3', para(2)].join('\n');
    expect(render(text).map((b) => b.split(':')[0])).toEqual(['paragraph', 'paragraph', 'paragraph']);
    expect(render(text)[1]).toBe('paragraph: oil = (hours + 2) × 3');
  });
});

describe('structure: footnote numbers after a decimal', () => {
  it('does not take the last digit of a version number for a footnote marker', () => {
    const text = ['The keeper read the manual.1 It covered version 1.2 of the lamp and', 'its later changes in full.2'].join('\n');
    expect(render(text)).toEqual(['paragraph: The keeper read the manual.[^1] It covered version 1.2 of the lamp and its later changes in full.[^2]']);
  });
});

describe('structure: lists that look a little like code', () => {
  it('keeps clauses ending in semicolons as prose', () => {
    const text = [para(1), 'the keeper shall trim the wick;', 'the keeper shall polish the lens;', 'the keeper shall log the weather;', 'the keeper shall sweep the stairs;', para(2)].join('\n');
    expect(render(text).some((b) => b.startsWith('code'))).toBe(false);
  });
});
