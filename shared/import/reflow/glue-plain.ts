// Splits glued runs with no case change inside: "campwere", "legitimacyof", "Maohad".
// Such a run looks like a compound the dictionary lacks ("overhearings", "endian",
// "dataset"), so the evidence asked for is strong: every piece a dictionary word the text
// also writes alone (or a function word), one piece a function word — glue between two
// content words ("nuclearmissiles") needs two long pieces — and no piece that is a
// prefix, particle or suffix English closes compounds with ("over", "up", "-ness").
import type { Dictionary } from './dictionary';
import type { Vocabulary } from './vocabulary';

/** Closed-class words: glue at their edges is extraction, not word formation. */
const FUNCTION = new Set(
  (
    'a an the of to in on for with by at from as and or but nor than that this these those which who whom whose how what when where why ' +
    'is was were are be been being has have had do does did will would shall should can could may might must not no ' +
    'we us our you your he him his she her it its they them their me my more most very own such so also only all any some each every ' +
    'both few fewer many much one two three four five six seven eight nine ten there then into onto upon about between during against'
  ).split(' '),
);

/** Pieces that may not open a split: prefixes and particles English closes compounds with. */
const NO_FIRST = new Set(
  ('over under out up down off back after fore through in on ad de re un dis mis con com en em ex sub inter trans non anti pre pro ' +
    'hyper super micro macro multi meta mid semi self').split(' '),
);

/** Pieces that may not close a split: particles ("login") and suffixes ("-ness"). */
const NO_LAST = new Set(
  ('in up out on off over down back away no ' +
    'ism isms ist ists ise ize less ness ship hood ward wards wise able ible ion ions ate ates al als ally ly ment ments ' +
    'ing ings er ers or ors est ous ant ants ent ents dom like ful fully ity ive ives').split(' '),
);

/** Glue between two content words needs both this long, and the run this long. */
const CONTENT_PIECE = 5;
const CONTENT_RUN = 12;

/** Dictionary words this common (SCOWL 40 and below) may stand beside a function word unseen. */
const COMMON_TIER = 3;

/** Whether a word is a closed-class word ("and", "the", "were"). */
export function isFunctionWord(word: string): boolean {
  return FUNCTION.has(word.toLowerCase());
}

/** Where a candidate piece may stand and what it is. */
type Piece = 'function' | 'content' | null;

/**
 * Splits a lower-case run into two or three words, or returns null. `glued` says the
 * run is known to be glued (it came out of a case-change split), so a dictionary word is
 * piece enough.
 */
export function splitPlain(token: string, dict: Dictionary, vocabulary: Vocabulary, glued = false): string[] | null {
  const lower = token.toLowerCase();
  const kind = (s: string): Piece => pieceKind(s, dict, vocabulary, glued);
  let best: { parts: string[]; cost: number } | null = null;
  const consider = (parts: string[]) => {
    if (!acceptable(parts, kind, dict, vocabulary, glued)) return;
    const cost = parts.length * 100 + parts.reduce((sum, p) => sum + Math.min(dict.rank(p), 10), 0);
    if (!best || cost < best.cost) best = { parts, cost };
  };
  for (let i = 1; i < lower.length; i++) {
    const a = lower.slice(0, i);
    if (kind(a) === null) continue;
    const rest = lower.slice(i);
    consider([a, rest]);
    for (let j = 2; j < rest.length - 1; j++) consider([a, rest.slice(0, j), rest.slice(j)]);
  }
  const found = best as { parts: string[]; cost: number } | null;
  return found ? restoreCase(token, found.parts) : null;
}

/**
 * Splits a capitalised run into a name and the words glued after it ("Maohad",
 * "Chinabecoming"): the name must stand alone, capitalised, elsewhere in the text (twice,
 * or once in a run known to be glued); what follows must be one or two words, a function
 * word among them or a long word the text writes alone. "Stallman" and "December" stay.
 */
export function splitName(token: string, dict: Dictionary, vocabulary: Vocabulary, glued = false): string[] | null {
  for (let i = token.length - 2; i >= 2; i--) {
    const name = token.slice(0, i);
    const isFunction = FUNCTION.has(name.toLowerCase());
    if (NO_FIRST.has(name.toLowerCase())) continue;
    if (!isFunction && (name.length < 3 || vocabulary.countAsWritten(name) < (glued ? 1 : 2))) continue;
    const rest = token.slice(i);
    const restKind = pieceKind(rest, dict, vocabulary, glued);
    if (restKind === 'function' || (restKind === 'content' && (glued || rest.length >= CONTENT_PIECE))) {
      if (!NO_LAST.has(rest.toLowerCase())) return [name, rest];
    }
    const words = splitPlain(rest, dict, vocabulary, glued);
    if (words && words.some((w) => FUNCTION.has(w.toLowerCase()))) return [name, ...words];
  }
  return null;
}

/** What a piece of a run can be: a function word, a content word, or nothing usable. */
function pieceKind(s: string, dict: Dictionary, vocabulary: Vocabulary, glued: boolean): Piece {
  if (FUNCTION.has(s)) return 'function';
  if (s.length < 3 || !dict.has(s)) return null;
  return glued || vocabulary.count(s) > 0 || dict.rank(s) <= COMMON_TIER ? 'content' : null;
}

/** Whether a split into these lower-case pieces is strong enough to make. */
function acceptable(parts: string[], kind: (s: string) => Piece, dict: Dictionary, vocabulary: Vocabulary, glued: boolean): boolean {
  const kinds = parts.map(kind);
  if (kinds.some((k) => k === null)) return false;
  if (NO_FIRST.has(parts[0]!) || NO_LAST.has(parts[parts.length - 1]!)) return false;
  // "a" glues to the word it stands before ("ameeting"), never to the word before it,
  // and a short word after it is likelier a prefix: "async", "atypical".
  if (parts.slice(1).includes('a') || (parts[0] === 'a' && parts[1]!.length < 5)) return false;
  // Three pieces are two guesses: none may be a scrap ("git at tributes", "can on name").
  if (parts.length > 2 && parts.some((p) => p.length < 3)) return false;
  // Nor may two of them make one word: "user for mat" is "user format", "hex dig its" "hexdigits".
  if (parts.length > 2 && parts.some((p, i) => i > 0 && dict.has(parts[i - 1]! + p))) return false;
  if (glued) return true;
  if (kinds.includes('function')) return true;
  // Two content words: both written alone in the text, both long.
  if (parts.some((p) => vocabulary.count(p) === 0)) return false;
  const run = parts.join('').length;
  return parts.length === 2 && run >= CONTENT_RUN && parts.every((p) => p.length >= CONTENT_PIECE);
}

/** Gives lower-case pieces back the letters (and case) of the original run. */
function restoreCase(token: string, parts: string[]): string[] {
  const out: string[] = [];
  let at = 0;
  for (const p of parts) {
    out.push(token.slice(at, at + p.length));
    at += p.length;
  }
  return out;
}
