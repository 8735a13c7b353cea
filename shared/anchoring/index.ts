// Anchoring: the reading as one plain "document text", live anchors that follow their
// words through edits, W3C selectors, and fuzzy re-attachment. See docs/architecture.md.
export { BLOCK_SEPARATOR, LEAF_TEXT, leafText, type Assoc, type TextRange } from './text-conventions';
export { yDocText, type YDocText, type YPosition } from './y-doc-text';
export { pmDocText, type PmDocText } from './pm-doc-text';
export {
  anchorSchema,
  articleText,
  createAnchor,
  isAnchor,
  resolveLiveRange,
  trimRange,
  MAX_QUOTE_LENGTH,
  type Anchor,
  type ItemId,
  type RelativePositionJSON,
} from './anchor';
export {
  CONTEXT_LENGTH,
  TextPositionAnchor,
  TextQuoteAnchor,
  type Selectors,
  type TextPositionSelector,
  type TextQuoteSelector,
} from './selectors';
export { findApprox, findExact, matchQuote, scoreMatch, similarity, MAX_ERROR_RATE, type QuoteContext, type QuoteMatch, type ScoredMatch } from './match-quote';
export { reanchor, ANCHOR_SCORE, CANDIDATE_SCORE, CLEAR_LEAD, type Candidate, type ReanchorResult } from './reanchor';
export { resolveAnnotation, resolveAnnotations, type Resolution } from './resolve';
