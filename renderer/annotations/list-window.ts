// Arithmetic of the windowed annotation list: how tall a row is likely to be before it
// is drawn, and which rows to draw (those near the visible part, plus the active row,
// which `aria-activedescendant` must find). Pure, so it is tested alone.

/** What a row's height depends on, before it is drawn. */
export interface RowShape {
  /** Characters of the quote's excerpt. */
  readonly quoteLength: number;
  /** Characters of the note (0: no note). */
  readonly noteLength: number;
  /** Whether the row shows free tags. */
  readonly tagged: boolean;
}

/**
 * Sizes of a row in CSS pixels, as measured in Chromium on the panel's stylesheet (a
 * plain row is 99 px; a note line or the tags add about 20): one line of small text, one
 * line of the quote or note, the average advance of a character, the row's vertical
 * padding and the gap between its parts.
 */
export const ROW_METRICS = {
  smallLine: 19,
  quoteLine: 20,
  charWidth: 7.2,
  padding: 13,
  gap: 3,
} as const;

/**
 * The likely height of a row `width` pixels wide (its content box) before it is drawn:
 * badge, quote, author and comment count, plus note and tags when it has them. The list
 * measures each drawn row; this only places rows not drawn yet, so it need not be exact.
 */
export function estimateRowHeight(shape: RowShape, width: number): number {
  const m = ROW_METRICS;
  const perLine = Math.max(10, Math.floor(width / m.charWidth));
  const lines = (chars: number) => Math.max(1, Math.ceil(chars / perLine));
  let height = m.padding + 3 * m.smallLine + lines(shape.quoteLength) * m.quoteLine;
  let parts = 4;
  if (shape.noteLength > 0) {
    height += lines(shape.noteLength) * m.quoteLine;
    parts++;
  }
  if (shape.tagged) {
    height += m.smallLine;
    parts++;
  }
  return Math.round(height + (parts - 1) * m.gap);
}

/**
 * The row indexes to draw: `near` (ascending, the rows in and around the visible part)
 * with `active` added in order if it is a row of a `count`-row list and not among them.
 */
export function rowsToDraw(near: readonly number[], active: number, count: number): number[] {
  if (active < 0 || active >= count) return [...near];
  let at = 0;
  while (at < near.length && near[at]! < active) at++;
  if (near[at] === active) return [...near];
  return [...near.slice(0, at), active, ...near.slice(at)];
}
