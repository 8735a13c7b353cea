// Joins the lines of a block into running text, rejoining words the layout hyphenated
// across line ends ("reconstruc-" + "tion") while keeping real hyphens ("Sino-" +
// "Soviet", "counter-" + "revolution").
import type { Dictionary } from './dictionary';
import { forEachHyphenatedWord } from './letters';

/** Prefixes English writes with a hyphen even where the closed form is a word too. */
const HYPHEN_PREFIXES = new Set(
  'anti counter non self quasi semi neo pseudo ultra near half well ex post pre pro co cross mid multi over under'.split(' '),
);

/** Evidence from the whole text: hyphenated and closed compounds seen mid-line. */
export interface HyphenEvidence {
  /** Lower-cased "left-right" forms that occur within a line. */
  hyphenated: Set<string>;
  /** Lower-cased words that occur within a line. */
  words: Set<string>;
}

/** Collects which hyphenated compounds and which words the text uses within its lines. */
export function collectHyphenEvidence(lines: string[]): HyphenEvidence {
  const hyphenated = new Set<string>();
  const words = new Set<string>();
  // A word broken at a line end is no evidence: cut it off each line before counting.
  const body = lines.map((line) => (line.endsWith('-') ? line.replace(/\S+$/, '') : line)).join('\n');
  forEachHyphenatedWord(body, (start, end) => {
    const w = body.slice(start, end).toLowerCase();
    if (w.includes('-')) hyphenated.add(w);
    else words.add(w);
  });
  return { hyphenated, words };
}

/** Joins a block's lines into one string of running text. */
export function joinLines(lines: string[], dict: Dictionary, evidence: HyphenEvidence): string {
  const parts: string[] = [];
  let prev = '';
  for (const line of lines) {
    if (!parts.length) {
      parts.push(line);
      prev = line;
      continue;
    }
    // (Most lines do not end in a hyphen; the test is cheap, the pattern is not.)
    const hyphen = prev.endsWith('-') ? /(\p{L}+)-$/u.exec(prev.slice(-64)) : null;
    if (hyphen) {
      const right = /^\p{L}+/u.exec(line)?.[0] ?? '';
      if (!keepHyphen(hyphen[1]!, right, dict, evidence)) parts[parts.length - 1] = prev.slice(0, -1);
      parts.push(line);
    } else if (/[–—/]$/.test(prev)) {
      // A dash or slash at a line end binds the two sides without a space.
      parts.push(line);
    } else {
      parts.push(' ', line);
    }
    prev = line;
  }
  return parts.join('');
}

/** Decides whether "left-" at a line end and "right" on the next line keep the hyphen. */
export function keepHyphen(left: string, right: string, dict: Dictionary, evidence: HyphenEvidence): boolean {
  if (!right) return true;
  // A capital after the break is a compound of names or a prefix to one: Sino-Soviet.
  if (/^\p{Lu}/u.test(right)) return true;
  const l = left.toLowerCase();
  const r = right.toLowerCase();
  const closed = l + r;
  if (evidence.hyphenated.has(`${l}-${r}`)) return true;
  if (evidence.words.has(closed)) return false;
  const leftWord = dict.has(l);
  const rightWord = dict.has(r);
  if (dict.has(closed)) return leftWord && rightWord && HYPHEN_PREFIXES.has(l);
  return leftWord || rightWord;
}
