// Splits words that text extraction glued together: "andMoscow", "campwere",
// "understandable.During", "InMay1961". Splits only where the pieces are words (or a
// capitalised name after a known word) and the glued form is not a word itself.
import type { Dictionary } from './dictionary';
import { forEachLetterRun } from './letters';

const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';

/** Highest SCOWL tier (0-based) of the words allowed after a glued name. */
const COMMON_TIER = 2;

/** Tokens seen this often in a text are its own vocabulary (names, terms), never split. */
const FREQUENT = 3;

/**
 * Splits glued words in a paragraph's text. `counts` holds each token's frequency in the
 * text. `splits` remembers how each token came out, for the other paragraphs of the same
 * text (same dictionary and counts): a book repeats its words thousands of times.
 */
export function splitGluedWords(text: string, dict: Dictionary, counts: Map<string, number>, splits = new Map<string, string>()): string {
  const spaced = text
    // A sentence stop glued to the next sentence: "understandable.During". (The look-behind
    // comes after the stop so the search jumps from stop to stop instead of testing it at
    // every character.)
    .replace(/([.?!])(?<=\p{Ll}{2}[.?!])(?=\p{Lu}\p{Ll})/gu, '$1 ')
    // A comma or semicolon glued to the next word: "now,much".
    .replace(/([,;])(?<=\p{Ll}[,;])(?=\p{L}{2})/gu, '$1 ');
  let words = '';
  let at = 0;
  forEachLetterRun(spaced, (start, end) => {
    const token = spaced.slice(start, end);
    let out = splits.get(token);
    if (out === undefined) {
      out = splitToken(token, dict, counts).join(' ');
      splits.set(token, out);
    }
    if (out === token) return;
    words += spaced.slice(at, start) + out;
    at = end;
  });
  words += spaced.slice(at);
  return (
    words
      // A month glued to its day or year: "30March", "May1961".
      .replace(new RegExp(`(?<=\\b\\d{1,2})(${MONTHS})\\b`, 'g'), ' $1')
      .replace(new RegExp(`\\b(${MONTHS})(?=\\d{4}\\b)`, 'g'), '$1 ')
  );
}

/**
 * Splits one run of letters into words, or returns it whole. `glued` says the run came
 * out of a split already, so the extraction lost spaces around it.
 */
export function splitToken(token: string, dict: Dictionary, counts: Map<string, number>, glued = false): string[] {
  if (dict.has(token) || (counts.get(token.toLowerCase()) ?? 0) >= FREQUENT) return [token];
  const camel = splitCamel(token, dict);
  if (camel) return camel.flatMap((part) => splitToken(part, dict, counts, true));
  if (token.length < 5) return [token];
  if (/^\p{Lu}/u.test(token)) return splitName(token, dict, counts, glued) ?? [token];
  return segment(token, dict) ?? [token];
}

/**
 * Splits a capitalised run into a name and the words glued after it ("Maohad",
 * "Chinabecoming"): only when the name stands alone elsewhere in the text, or, in a run
 * already known to be glued, is a word. Names the text never writes alone stay whole —
 * "Zealand" is not "Zeal and".
 */
function splitName(token: string, dict: Dictionary, counts: Map<string, number>, glued: boolean): string[] | null {
  for (let i = token.length - 2; i >= 2; i--) {
    const name = token.slice(0, i);
    const standsAlone = (counts.get(name.toLowerCase()) ?? 0) > 0;
    const gluedWord = glued && name.length >= 4 && dict.has(name);
    if (!standsAlone && !gluedWord) continue;
    const rest = token.slice(i);
    const words = dict.has(rest) ? [rest] : segment(rest, dict);
    const shortest = standsAlone ? 2 : 3;
    // What follows a name must be common words: "Khrushchevites" is not "Khrushchev it es".
    if (words?.every((w) => w.length >= shortest && dict.rank(w) <= COMMON_TIER && isPlainPiece(w.toLowerCase(), 'last'))) {
      return [name, ...words];
    }
  }
  return null;
}

/**
 * Splits at a lower-to-upper case change where the left part is a known word (or a name
 * of three letters or more) and the right part starts a capitalised word or an acronym:
 * "andMoscow", "BeijingWeekly", "theCCPat". Leaves "MiG", "McDonald", "iPhone".
 */
function splitCamel(token: string, dict: Dictionary): string[] | null {
  const m = /^(\p{L}*?\p{Ll})(\p{Lu}.*)$/u.exec(token);
  if (m) {
    const [, left, right] = m as unknown as [string, string, string];
    const rightOk = /^\p{Lu}\p{Ll}{2,}/u.test(right) || /^\p{Lu}{2,}/u.test(right);
    const leftOk = dict.has(left) ? left.length >= 2 || /^[aI]$/.test(left) : left.length >= 3 && /^\p{Lu}/u.test(left);
    if (rightOk && leftOk) return [left, right];
  }
  // An acronym glued to a lower-case word: "CCPat" → "CCP at".
  const acronym = /^(\p{Lu}{2,})(\p{Ll}{2,})$/u.exec(token);
  if (acronym && dict.has(acronym[2]!) && !dict.has(token)) return [acronym[1]!, acronym[2]!];
  return null;
}

/**
 * Splits a glued run into two or three dictionary words, fewest pieces first, then the
 * most common words. Pieces are two letters or more, but "a" and "I" may stand alone.
 */
function segment(token: string, dict: Dictionary): string[] | null {
  const lower = token.toLowerCase();
  const isPiece = (s: string) => (s.length >= 2 || s === 'a' || s === 'i') && dict.has(s);
  const fits = (parts: string[]) =>
    parts.every(isPiece) && isPlainPiece(parts[0]!, 'first') && isPlainPiece(parts[parts.length - 1]!, 'last');
  let best: { parts: string[]; cost: number } | null = null;
  const consider = (parts: string[]) => {
    const cost = parts.length * 100 + parts.reduce((sum, p) => sum + dict.rank(p), 0);
    if (!best || cost < best.cost) best = { parts, cost };
  };
  for (let i = 1; i < lower.length; i++) {
    const a = lower.slice(0, i);
    if (!isPiece(a)) continue;
    const rest = lower.slice(i);
    if (fits([a, rest])) consider([a, rest]);
    for (let j = 1; j < rest.length; j++) {
      const three = [a, rest.slice(0, j), rest.slice(j)];
      if (fits(three)) consider(three);
    }
  }
  const found = best as { parts: string[]; cost: number } | null;
  if (!found) return null;
  // Give the pieces back their original letters (case).
  const out: string[] = [];
  let at = 0;
  for (const p of found.parts) {
    out.push(token.slice(at, at + p.length));
    at += p.length;
  }
  return out;
}

/** Prefixes that are also dictionary "words": a run starting with one is likelier one word. */
const PREFIXES = new Set('ad de re un dis mis con com en em ex sub inter trans non anti pre pro'.split(' '));
/** Suffixes that are also dictionary "words": a run ending with one is likelier one word. */
const SUFFIXES = new Set(
  'ism isms ist ists ise ize less ness ship hood ward wards wise able ible ion ions ate ates al als ally ly ment ments ing ings er ers or ors est ous ant ants ent ents dom like ful fully ity ive ives'.split(' '),
);

/** Whether a piece may stand first or last in a split (not a bare prefix or suffix). */
function isPlainPiece(piece: string, where: 'first' | 'last'): boolean {
  return where === 'first' ? !PREFIXES.has(piece) : !SUFFIXES.has(piece);
}
