// Rejoins words whose line-end hyphen the extraction turned into a spaced dash:
// "Mur - dock" for "Murdock", "exten - sion" for "extension". A real spaced dash ("the
// war - and the peace") stays: the pair is rejoined only where the joined form is a word
// the text writes elsewhere, or a dictionary word whose halves are not both words.
import type { Dictionary } from './dictionary';
import type { Vocabulary } from './vocabulary';

const SPACED_HYPHEN = /(?<![\p{L}-])(\p{L}+) - (\p{L}+)(?![\p{L}-])/gu;

/** Rejoins the words of a text broken by a spaced hyphen, where the evidence says so. */
export function rejoinSpacedHyphens(text: string, dict: Dictionary, vocabulary: Vocabulary): string {
  if (!text.includes(' - ')) return text;
  return text.replace(SPACED_HYPHEN, (whole, left: string, right: string) => {
    // The second half of a broken word starts in lower case.
    if (!/^\p{Ll}/u.test(right)) return whole;
    const joined = left + right;
    if (vocabulary.countAsWritten(joined) > 0) return joined;
    return dict.has(joined) && !(dict.has(left) && dict.has(right)) ? joined : whole;
  });
}
