// Which section the reader is in: the last heading at or above the top of the view.

/**
 * The index of the last of `count` headings whose top (as `offsetOf(i)` measures it
 * from the top of the view, negative above it) is at or above 0; 0 if none is.
 * Headings come in reading order, so this is a binary search: a long book's outline
 * costs a handful of layout reads per scroll frame.
 */
export function currentEntryIndex(count: number, offsetOf: (index: number) => number): number {
  if (count === 0) return -1;
  let lo = 0;
  let hi = count - 1;
  let found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (offsetOf(mid) <= 0) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}
