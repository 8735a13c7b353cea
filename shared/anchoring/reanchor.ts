// Re-attaching an annotation to a text from its selectors alone (another copy or version
// of the reading, an imported W3C annotation, an annotation whose live anchor is lost).
// It says how sure it is, and never picks a look-alike without saying so.
import { matchQuote, type ScoredMatch } from './match-quote';
import type { Selectors } from './selectors';

/** A place the quote may belong, with its score in [0, 1]. */
export interface Candidate {
  readonly start: number;
  readonly end: number;
  readonly score: number;
}

/** Where re-anchoring put the annotation, or why it couldn't. */
export type ReanchorResult =
  | { readonly status: 'anchored'; readonly start: number; readonly end: number; readonly score: number }
  /** Plausible places, best first; the user should pick one (or none). */
  | { readonly status: 'uncertain'; readonly candidates: readonly Candidate[] }
  | { readonly status: 'orphaned' };

/**
 * Score from which a match is taken without asking. It sits above what a verbatim copy
 * of the quote in unrelated surroundings scores (about 0.7: full marks for the words,
 * little for the context), and below a passage with a quarter of its characters changed
 * in intact surroundings (about 0.87). Lower it and more damaged passages attach on their
 * own (recall), but repeated phrases start to land in the wrong place (precision).
 */
export const ANCHOR_SCORE = 0.8;

/**
 * Score from which a match is offered to the user at all. A fuzzy match its context
 * doesn't support scores under about 0.45, and a paraphrase elsewhere in the text (the
 * seed article's introduction restates its abstract) about 0.57; below this the passage
 * is treated as gone rather than burying the user in look-alikes.
 */
export const CANDIDATE_SCORE = 0.6;

/**
 * How far the best match must lead the next to be taken without asking. A character of
 * context is worth about 0.007 and a character of a 30-character quote about 0.02, so
 * this asks when two places differ by fewer than four or five characters of context:
 * copies of a phrase in near-identical surroundings are the user's call, while copies
 * whose surroundings differ by a few words are told apart even after a few typos.
 */
export const CLEAR_LEAD = 0.03;

/** Most candidates offered when uncertain. */
export const MAX_CANDIDATES = 5;

/**
 * Finds where `selectors` belong in `text`: first the remembered position (if the quote
 * is still exactly there), then exact occurrences of the quote told apart by their
 * context and position, then approximate ones (see match-quote.ts).
 */
export function reanchor(text: string, selectors: Selectors): ReanchorResult {
  const { quote, position } = selectors;
  if (quote.exact.length === 0) return { status: 'orphaned' };
  if (position && text.slice(position.start, position.end) === quote.exact) {
    return { status: 'anchored', start: position.start, end: position.end, score: 1 };
  }
  const context = { prefix: quote.prefix, suffix: quote.suffix, ...(position ? { hint: position.start } : {}) };
  const exact = decide(matchQuote(text, quote.exact, context));
  if (exact.status === 'anchored') return exact;
  // The words are not all there verbatim, or the verbatim copies don't fit their
  // surroundings: look for the passage with some of its words changed.
  return decide(matchQuote(text, quote.exact, context, true));
}

function decide(matches: readonly ScoredMatch[]): ReanchorResult {
  const plausible = matches.filter((m) => m.score >= CANDIDATE_SCORE);
  const [best, next] = plausible;
  if (!best) return { status: 'orphaned' };
  if (best.score >= ANCHOR_SCORE && (!next || best.score - next.score >= CLEAR_LEAD)) {
    return { status: 'anchored', start: best.start, end: best.end, score: best.score };
  }
  return {
    status: 'uncertain',
    candidates: plausible.slice(0, MAX_CANDIDATES).map(({ start, end, score }) => ({ start, end, score })),
  };
}
