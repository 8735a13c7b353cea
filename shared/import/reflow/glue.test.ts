import { describe, expect, it } from 'vitest';
import { englishDictionary } from './dictionary';
import { splitGluedWords } from './glue';
import { reflowBlocks } from './index';
import { Vocabulary } from './vocabulary';

/** The text as reflow writes it, blocks joined by new lines. */
function reflowed(text: string): string {
  return reflowBlocks(text)
    .map((b) => b.text)
    .join('\n');
}

/** Words of the output that the input never wrote: what a wrong split invents. */
function invented(text: string): string[] {
  const source = new Set(text.match(/\p{L}+/gu) ?? []);
  return (reflowed(text).match(/\p{L}+/gu) ?? []).filter((w) => !source.has(w));
}

describe('glued words: never split a real word', () => {
  it('leaves names, months, terms and compounds the dictionary lacks', () => {
    const text = [
      'Richard Stallman wrote the manifesto in December, and Stallman said so again in St. Paul.',
      'The endian question and the overhearings of the committee filled the dataset and the namespace.',
      'Dec. 5 was the day a man came with all the JavaScript and the YouTube links.',
    ].join(' ');
    expect(invented(text)).toEqual([]);
  });

  it('leaves a run the text writes twice, even one that looks glued', () => {
    const text = 'The tableware of the camp was old. Each tableware set came from the camp stores.';
    expect(invented(text)).toEqual([]);
  });

  it('keeps glue whose pieces the text never writes alone and no function word joins', () => {
    // "nuclear" and "missiles" appear nowhere else: the evidence is too weak.
    const text = 'The treaty counted the nuclearmissiles of both sides.';
    expect(reflowed(text)).toBe(text);
  });

  it('invents no word in a plain text full of rare names and terms', () => {
    const text = [
      'Linus Torvalds and Andrew Tanenbaum argued about microkernels on Usenet in January.',
      'Their newsgroup thread covered bootloaders, filesystems, toolchains and little endian machines.',
      'Later Debian maintainers such as Ian Murdock packaged the tarballs and the changelogs.',
      'A Cambridge overhearing is not overhearings; a Wednesday is not a Wednesdays feast.',
    ].join('\n\n');
    expect(invented(text)).toEqual([]);
  });

  it('leaves code, keys, options and file names alone', () => {
    const text = [
      'Use sizeof(array) and set merge.conflictstyle in the file.',
      'Run git with --no-thanks or see the readme.txt file and CGI::startfrom there.',
      'Pieces must not be scraps or make one word: a userformat, hexdigits, canonname, aCC.',
      'A word before a hyphen may be glue: struggles betweenMarxism-Leninism and Marxism.',
    ].join(' ');
    expect(invented(text)).toEqual(['between']);
  });
});

describe('glued words: split on strong evidence', () => {
  it('splits at a case change when the text writes the capitalised word alone', () => {
    const text = 'Talks between Paris andMoscow went well. Moscow agreed, and the talks withMoscow went on.';
    expect(reflowed(text)).toBe('Talks between Paris and Moscow went well. Moscow agreed, and the talks with Moscow went on.');
  });

  it('splits a name glued after a lower-case function word though the text never writes it alone, but not a common word as code writes it', () => {
    const text = 'The envoy gave in toMoravian pressure. Call toString and onClick on the button.';
    expect(reflowed(text)).toBe('The envoy gave in to Moravian pressure. Call toString and onClick on the button.');
  });

  it('splits a function word glued to a word without a case change', () => {
    const text = 'The socialist campwere divided over the legitimacyof the new line.';
    expect(reflowed(text)).toBe('The socialist camp were divided over the legitimacy of the new line.');
  });

  it('splits a name the text writes alone from the function word glued after it', () => {
    const text = 'Mao spoke first. Later Maohad doubts, as Mao told the committee.';
    expect(reflowed(text)).toBe('Mao spoke first. Later Mao had doubts, as Mao told the committee.');
  });

  it('splits two long content words the text writes alone', () => {
    const text = 'The nuclear talks were about missiles. The treaty counted the nuclearmissiles of both sides.';
    expect(reflowed(text)).toBe('The nuclear talks were about missiles. The treaty counted the nuclear missiles of both sides.');
  });

  it('works paragraph by paragraph with one vocabulary for the whole text', () => {
    const dict = englishDictionary();
    const vocabulary = new Vocabulary(['Moscow spoke.', 'Talks andMoscow.']);
    expect(splitGluedWords('Talks andMoscow.', dict, vocabulary)).toBe('Talks and Moscow.');
    expect(splitGluedWords('A brand like JavaScript stays.', dict, vocabulary)).toBe('A brand like JavaScript stays.');
  });
});
