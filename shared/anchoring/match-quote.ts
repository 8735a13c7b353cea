// Finding a quote in a text that may differ from the one it was taken from: exact and
// approximate (bit-parallel Myers, via approx-string-match) search, and a score that
// weighs how well each candidate's words and surroundings fit. Pure; no thresholds here
// (reanchor.ts decides what score is good enough).
import approxSearch from 'approx-string-match';

/** A place where the quote (or something close to it) occurs. */
export interface QuoteMatch {
  readonly start: number;
  readonly end: number;
  /** Edits (insertions, deletions, substitutions) between the quote and `text[start, end)`. */
  readonly errors: number;
}

/** A match with its score: 1 is the quote, verbatim, in its original context and place. */
export interface ScoredMatch extends QuoteMatch {
  readonly score: number;
}

/** What the quote was seen with: the text around it, and where it was expected to start. */
export interface QuoteContext {
  readonly prefix?: string;
  readonly suffix?: string;
  readonly hint?: number;
}

/**
 * Most edits, as a share of the quote's length, that a fuzzy match may have. A quarter
 * finds passages that had a typo corrected every few words (OCR fixes change far less),
 * while unrelated prose of the same length needs around half its characters changed to
 * match, so junk stays out. Raising it finds more damaged passages (recall) and more
 * look-alikes (precision drops); its cost grows with it (Myers is O(errors/32 · n)).
 */
export const MAX_ERROR_RATE = 0.25;

/** Cap on the edits a fuzzy search allows, whatever the quote's length (bounds its cost). */
export const MAX_ERRORS = 256;

// How much each clue counts in the score. The quote's own words weigh most; its context
// separates copies of a repeated phrase; the expected position only breaks near-ties,
// because another version of the text may have moved everything.
const WEIGHT = { quote: 50, prefix: 20, suffix: 20, position: 4 } as const;

/** Every exact occurrence of `quote` in `text`, overlapping ones included. */
export function findExact(text: string, quote: string): QuoteMatch[] {
  const found: QuoteMatch[] = [];
  if (quote.length === 0) return found;
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
    found.push({ start: at, end: at + quote.length, errors: 0 });
  }
  return found;
}

/**
 * Approximate occurrences of `quote` with at most `maxErrors` edits, one per place: of
 * overlapping matches only the one with fewest errors is kept.
 */
export function findApprox(text: string, quote: string, maxErrors: number): QuoteMatch[] {
  if (quote.length === 0 || text.length === 0) return [];
  const all = approxSearch(text, quote, maxErrors).sort((a, b) => a.start - b.start || a.end - b.end);
  const kept: QuoteMatch[] = [];
  let groupEnd = -1;
  for (const m of all) {
    const match = { start: m.start, end: m.end, errors: m.errors };
    if (m.start >= groupEnd) kept.push(match);
    else if (m.errors < kept[kept.length - 1]!.errors) kept[kept.length - 1] = match;
    groupEnd = Math.max(groupEnd, m.end);
  }
  return kept;
}

/** Most edits a fuzzy search for `quote` allows (see MAX_ERROR_RATE). */
export function maxErrorsFor(quote: string): number {
  return Math.min(MAX_ERRORS, Math.floor(quote.length * MAX_ERROR_RATE));
}

/**
 * Similarity in [0, 1] of `expected` to the best-fitting part of `window`: one minus
 * the edits needed, as a share of `expected`'s length.
 */
export function similarity(window: string, expected: string): number {
  if (expected.length === 0) return 1;
  if (window.length === 0) return 0;
  if (window.includes(expected)) return 1;
  const best = approxSearch(window, expected, expected.length).reduce((min, m) => Math.min(min, m.errors), expected.length);
  return 1 - best / expected.length;
}

/**
 * Scores a match in [0, 1] from the quote's similarity, how well the text before and
 * after fits the remembered prefix and suffix, and the distance from the expected start.
 * Clues that are absent (no prefix at the start of a text, no hint) don't count.
 */
export function scoreMatch(text: string, quote: string, match: QuoteMatch, context: QuoteContext = {}): number {
  let sum = WEIGHT.quote * (1 - match.errors / quote.length);
  let weights = WEIGHT.quote;
  const { prefix, suffix, hint } = context;
  if (prefix) {
    sum += WEIGHT.prefix * similarity(text.slice(Math.max(0, match.start - prefix.length), match.start), prefix);
    weights += WEIGHT.prefix;
  }
  if (suffix) {
    sum += WEIGHT.suffix * similarity(text.slice(match.end, match.end + suffix.length), suffix);
    weights += WEIGHT.suffix;
  }
  if (hint !== undefined) {
    sum += WEIGHT.position * (1 - Math.min(1, Math.abs(match.start - hint) / Math.max(1, text.length)));
    weights += WEIGHT.position;
  }
  return sum / weights;
}

/**
 * The candidate places of `quote` in `text`, best first: its exact occurrences, or if
 * there are none (or `fuzzy` is set), approximate ones within MAX_ERROR_RATE.
 */
export function matchQuote(text: string, quote: string, context: QuoteContext = {}, fuzzy = false): ScoredMatch[] {
  let found = fuzzy ? [] : findExact(text, quote);
  if (found.length === 0) found = findApprox(text, quote, maxErrorsFor(quote));
  return found
    .map((m) => ({ ...m, score: scoreMatch(text, quote, m, context) }))
    .sort((a, b) => b.score - a.score || a.start - b.start);
}
