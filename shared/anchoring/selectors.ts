// W3C Web Annotation selectors over the document text, as small classes in the spirit of
// Hypothesis' anchoring: each converts between a text range and its selector
// (`fromRange`, `fromSelector`, `toSelector`, `toRange`). Stored with every annotation so
// it can be re-attached to another copy or version of the reading.
import { reanchor, type ReanchorResult } from './reanchor';
import type { TextRange } from './text-conventions';

/** Characters of context kept on each side of a quote. */
export const CONTEXT_LENGTH = 32;

/** W3C TextQuoteSelector: the quoted words and a little of the text around them. */
export interface TextQuoteSelector {
  readonly type: 'TextQuoteSelector';
  readonly exact: string;
  readonly prefix: string;
  readonly suffix: string;
}

/** W3C TextPositionSelector: offsets into the document text, `end` exclusive. */
export interface TextPositionSelector {
  readonly type: 'TextPositionSelector';
  readonly start: number;
  readonly end: number;
}

/** The selectors re-anchoring reads: a quote, and where it was when last seen. */
export interface Selectors {
  readonly quote: TextQuoteSelector;
  readonly position?: TextPositionSelector;
}

/** Converts between text ranges and TextPositionSelectors. */
export class TextPositionAnchor {
  /** @param start - first offset; @param end - offset after the last character. */
  constructor(
    readonly start: number,
    readonly end: number,
  ) {}

  /** The anchor of a range of the document text. */
  static fromRange(range: TextRange): TextPositionAnchor {
    return new TextPositionAnchor(range.start, range.end);
  }

  /** The anchor a stored selector describes. */
  static fromSelector(selector: TextPositionSelector): TextPositionAnchor {
    return new TextPositionAnchor(selector.start, selector.end);
  }

  /** The selector to store. */
  toSelector(): TextPositionSelector {
    return { type: 'TextPositionSelector', start: this.start, end: this.end };
  }

  /** The range in `text`, or null if `text` is too short to hold it. */
  toRange(text: string): TextRange | null {
    if (this.start < 0 || this.end < this.start || this.end > text.length) return null;
    return { start: this.start, end: this.end };
  }
}

/** Converts between text ranges and TextQuoteSelectors. */
export class TextQuoteAnchor {
  /** @param exact - the quoted text; @param prefix - text just before it; @param suffix - text just after it. */
  constructor(
    readonly exact: string,
    readonly prefix = '',
    readonly suffix = '',
  ) {}

  /** Quotes a range of `text`, with up to CONTEXT_LENGTH characters of context each side. */
  static fromRange(text: string, range: TextRange): TextQuoteAnchor {
    return new TextQuoteAnchor(
      text.slice(range.start, range.end),
      text.slice(Math.max(0, range.start - CONTEXT_LENGTH), range.start),
      text.slice(range.end, range.end + CONTEXT_LENGTH),
    );
  }

  /** The anchor a stored selector describes. */
  static fromSelector(selector: TextQuoteSelector): TextQuoteAnchor {
    return new TextQuoteAnchor(selector.exact, selector.prefix, selector.suffix);
  }

  /** The selector to store. */
  toSelector(): TextQuoteSelector {
    return { type: 'TextQuoteSelector', exact: this.exact, prefix: this.prefix, suffix: this.suffix };
  }

  /**
   * Finds the quote in `text` (see `reanchor`); `hint` is where it is expected to start.
   * Never guesses silently: a weak or ambiguous match comes back 'uncertain'.
   */
  toRange(text: string, hint?: number): ReanchorResult {
    const quote = this.toSelector();
    return reanchor(text, hint === undefined ? { quote } : { quote, position: { type: 'TextPositionSelector', start: hint, end: hint + this.exact.length } });
  }
}
