import { describe, expect, it } from 'vitest';
import { reflowBlocks } from './index';

const text = (s: string) =>
  reflowBlocks(s)
    .map((b) => b.text)
    .join('\n');

describe('a line-end hyphen turned into a spaced dash', () => {
  it('rejoins a name the text writes whole elsewhere', () => {
    expect(text('Ian Mur - dock founded the project. Murdock wrote its manifesto.')).toBe(
      'Ian Murdock founded the project. Murdock wrote its manifesto.',
    );
  });

  it('rejoins a dictionary word whose halves are not both words', () => {
    expect(text('The exten - sion of the harbour took years.')).toBe('The extension of the harbour took years.');
  });

  it('keeps real dashes between words', () => {
    const s = 'The war - and the peace - changed the town. A well - known Mur - dock stays apart when never written whole.';
    expect(text(s)).toBe(s);
  });
});
