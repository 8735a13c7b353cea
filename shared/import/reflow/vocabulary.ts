// The text's own vocabulary: how often each run of letters stands alone in it, by
// lower-case form and as written. Names and terms a dictionary lacks ("Stallman",
// "endian") are known from the text itself; glued words ("andMoscow") are runs of their
// own here, so their pieces count only where the text writes them apart.
import { forEachLetterRun } from './letters';

/** Counts of the letter runs of one text. */
export class Vocabulary {
  private readonly lower = new Map<string, number>();
  private readonly exact = new Map<string, number>();

  /** Counts the runs of letters of the given texts (a reading's blocks). */
  constructor(texts: Iterable<string> = []) {
    for (const text of texts) {
      forEachLetterRun(text, (start, end) => {
        const w = text.slice(start, end);
        this.exact.set(w, (this.exact.get(w) ?? 0) + 1);
        const l = w.toLowerCase();
        this.lower.set(l, (this.lower.get(l) ?? 0) + 1);
      });
    }
  }

  /** How often the word stands alone in the text, in any case. */
  count(word: string): number {
    return this.lower.get(word.toLowerCase()) ?? 0;
  }

  /** How often the word stands alone in the text written exactly so (same capitals). */
  countAsWritten(word: string): number {
    return this.exact.get(word) ?? 0;
  }
}
