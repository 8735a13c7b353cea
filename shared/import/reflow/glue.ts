// Splits words that text extraction glued together: "andMoscow", "campwere",
// "understandable.During", "InMay1961". A wrong split invents words the author never
// wrote ("St all man", "Dec ember", "end i an", "over hearings"), which is worse than a
// glued pair left alone, so a token is split only on strong evidence:
// - it is not a word: not in the dictionary (nor a form of one) and not seen elsewhere
//   in the text, where a name or a term ("Stallman", "endian") is written again;
// - a case change inside it ("andMoscow") splits it into two parts that are words:
//   dictionary words or words the text writes standing alone;
// - without a case change (glue-plain.ts) the pieces must be words the text writes alone
//   and one of them a function word ("campwere", "legitimacyof", "Maohad").
import type { Dictionary } from './dictionary';
import { isFunctionWord, splitName, splitPlain } from './glue-plain';
import { forEachLetterRun } from './letters';
import type { Vocabulary } from './vocabulary';

const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';

/**
 * Splits glued words in a paragraph's text. `vocabulary` counts the words of the whole
 * text. `splits` remembers how each token came out, for the other paragraphs of the same
 * text (same dictionary and vocabulary): a book repeats its words thousands of times.
 */
export function splitGluedWords(text: string, dict: Dictionary, vocabulary: Vocabulary, splits = new Map<string, string>()): string {
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
    if (inCode(spaced, start, end)) return;
    let out = splits.get(token);
    if (out === undefined) {
      out = splitToken(token, dict, vocabulary).join(' ');
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
 * Whether a run sits in code or a name of a file, option or key rather than in prose:
 * "sizeof(", "merge.conflictstyle", "--no-thanks", "ssize_t", "CGI::startfrom".
 */
function inCode(text: string, start: number, end: number): boolean {
  const before = text[start - 1] ?? ' ';
  const after = text[end] ?? ' ';
  if (/[_/\\<>=$`@#:]/.test(before) || /[_/\\<>=$`@#(]/.test(after)) return true;
  // Hyphens join option and branch names ("--no-thanks"), but also compounds in prose
  // glued to a word before them ("betweenMarxism-Leninism").
  if ((before === '-' || after === '-') && !/\p{Lu}/u.test(text.slice(start, end))) return true;
  // A dot inside a word, as in a key or a file name: "merge.conflictstyle", "readme.txt".
  return (before === '.' && /\p{L}/u.test(text[start - 2] ?? '')) || (after === '.' && /\p{L}/u.test(text[end + 1] ?? ''));
}

/**
 * Splits one run of letters into words, or returns it whole. `glued` says the run came
 * out of a split already: it was never counted standing alone, so once is "elsewhere".
 */
export function splitToken(token: string, dict: Dictionary, vocabulary: Vocabulary, glued = false): string[] {
  // A function word glued to a capitalised word ("andMoscow", "InMay") is glue however
  // often the text repeats it; any other run the text writes twice is its own word.
  const seen = glued ? 1 : gluedAfterFunctionWord(token) ? Infinity : 2;
  if (isKnown(token, dict, vocabulary, seen)) return [token];
  const camel = splitCamel(token, dict, vocabulary);
  if (camel) return camel;
  // Capitals inside a run that is no case-change glue: a name like "McDonald" or "MiG".
  if (token.length < 5 || /^.+\p{Lu}/u.test(token)) return [token];
  if (/^\p{Lu}/u.test(token)) return splitName(token, dict, vocabulary, glued) ?? [token];
  return splitPlain(token, dict, vocabulary, glued) ?? [token];
}

/** Whether a run opens with a function word and a capital right after it: "theChinese". */
function gluedAfterFunctionWord(token: string): boolean {
  const m = /^(\p{L}\p{Ll}*)\p{Lu}/u.exec(token);
  return m !== null && m[1]!.length >= 2 && isFunctionWord(m[1]!);
}

/** Endings a word takes ("overhearings" is "overhearing" + s): the base form is evidence. */
const INFLECTIONS = /(?:s|es|ed|d|ing|ings|ly|er|ers|ness)$/;

/**
 * Whether a run of letters is a word: in the dictionary, written at least `seen` times in
 * the text, or an inflected form of a word that is either.
 */
export function isKnown(token: string, dict: Dictionary, vocabulary: Vocabulary, seen: number): boolean {
  if (dict.has(token) || vocabulary.count(token) >= seen) return true;
  const lower = token.toLowerCase();
  for (const m of lower.matchAll(/(?=(s|es|ed|d|ing|ings|ly|er|ers|ness)$)/g)) {
    const base = lower.slice(0, m.index);
    if (base.length >= 4 && (dict.has(base) || vocabulary.count(base) >= 1)) return true;
  }
  return INFLECTIONS.test(lower) && lower.length > 5 && dict.has(lower.replace(/ies$/, 'y'));
}

/**
 * Splits at a lower-to-upper case change where both sides are words: "andMoscow",
 * "BeijingWeekly", "theCCPat". Each side is split further if it is glued itself. The
 * right side must start with a name, capitalised word or acronym the text writes alone
 * as written (or a month); the left side must end with a dictionary word or a word the
 * text writes alone. Leaves "MiG", "McDonald", "iPhone", and brand names like
 * "JavaScript" whose capitalised half the text never writes alone.
 */
function splitCamel(token: string, dict: Dictionary, vocabulary: Vocabulary): string[] | null {
  const m = /^(\p{L}*?\p{Ll})(\p{Lu}.*)$/u.exec(token);
  if (m) {
    const [, left, right] = m as unknown as [string, string, string];
    if ((/^\p{Lu}\p{Ll}{2,}/u.test(right) || /^\p{Lu}{2,}/u.test(right)) && (left.length >= 2 || left === 'a')) {
      const leftParts = splitToken(left, dict, vocabulary, true);
      const rightParts = splitToken(right, dict, vocabulary, true);
      const last = leftParts[leftParts.length - 1]!;
      const first = rightParts[0]!;
      const leftOk = last.length >= 2 || last === 'a' ? leftWord(last, first, dict, vocabulary) : false;
      // After a function word ("toAmerican") the text may write only a form of the name.
      // After a lower-case function word a name is glue even if the text never writes it
      // alone ("toAmerican"); a common word is not, since code writes "toString", "onClick".
      const afterFunctionWord = isFunctionWord(last) && /^\p{Ll}/u.test(last);
      const name = /^\p{Lu}\p{Ll}{3,}$/u.test(first) && !dict.has(first);
      const rightOk = vocabulary.countAsWritten(first) > 0 || isMonth(first) || (afterFunctionWord && (stemWritten(first, vocabulary) || name));
      if (leftOk && rightOk) return [...leftParts, ...rightParts];
    }
  }
  // An acronym glued to a lower-case word: "CCPat" → "CCP at".
  const acronym = /^(\p{Lu}{2,})(\p{Ll}{2,})$/u.exec(token);
  if (acronym && vocabulary.countAsWritten(acronym[1]!) > 0 && dict.has(acronym[2]!)) return [acronym[1]!, acronym[2]!];
  return null;
}

/**
 * Whether the left side of a case change is a word glued to what follows. A capitalised
 * left side must be a dictionary word, and never stands before an acronym: "OpenSSH",
 * "NetBSD", "AsciiDoc" are names, where "DefenceMinister" is glue.
 */
function leftWord(left: string, right: string, dict: Dictionary, vocabulary: Vocabulary): boolean {
  // "aCC" is a compiler's name: "a" glues only to a word ("aMinister").
  if (left === 'a') return /^\p{Lu}\p{Ll}/u.test(right);
  if (/^\p{Ll}/u.test(left)) return dict.has(left) || vocabulary.count(left) > 0;
  return (dict.has(left) || isFunctionWord(left)) && !/^\p{Lu}{2}/u.test(right);
}

/** Whether the text writes alone, as here, a word this one extends: "American" → "America". */
function stemWritten(word: string, vocabulary: Vocabulary): boolean {
  for (let n = word.length - 1; n >= Math.max(4, word.length - 4); n--) if (vocabulary.countAsWritten(word.slice(0, n)) > 0) return true;
  return false;
}

function isMonth(word: string): boolean {
  return new RegExp(`^(?:${MONTHS})$`).test(word);
}
