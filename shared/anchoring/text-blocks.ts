// What the Yjs and the ProseMirror text models share: the document text as a list of
// textblocks, each a row of inline children that cover spans of the text, and how an
// offset picks its block and the child it leans into.
import type { Assoc } from './text-conventions';

/** The span of the document text an inline child covers (zero width for a footnote marker). */
export interface TextSpan {
  readonly start: number;
  readonly width: number;
}

/**
 * Index of the last block whose `start(block)` is at or before `at`, or -1 if none;
 * `start` must grow along `blocks` (text offsets, positions).
 */
export function lastBlockBy<B>(blocks: readonly B[], at: number, start: (block: B) => number): number {
  let lo = -1;
  let hi = blocks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (start(blocks[mid]!) <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Index of the block holding text offset `at` (blocks are in text order; the first starts at 0). */
export function blockAtOffset(blocks: readonly { readonly textStart: number }[], at: number): number {
  return Math.max(0, lastBlockBy(blocks, at, (b) => b.textStart));
}

/**
 * The child `offset` leans into: with assoc 1 the first child whose span holds a
 * character at `offset` (passing zero-width children), with -1 the last child with a
 * character before `offset`. Null when there is none: `offset` is at the block's end
 * (assoc 1) or start (assoc -1), past any zero-width children there.
 */
export function childAt(children: readonly TextSpan[], offset: number, assoc: Assoc): number | null {
  if (assoc >= 0) {
    for (let k = 0; k < children.length; k++) if (offset < children[k]!.start + children[k]!.width) return k;
  } else {
    for (let k = children.length - 1; k >= 0; k--) if (offset > children[k]!.start) return k;
  }
  return null;
}
