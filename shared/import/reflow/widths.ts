// How wide a line of extracted text was on the page, estimated from its characters: a
// proportional font sets "mm" far wider than "ii", so counting characters misjudges which
// lines filled the column. Widths are those of a common serif text face (Times metrics,
// thousandths of an em); characters outside the table count as an average letter.

/** Printable ASCII from the space to the tilde, in order, and their widths. */
const ASCII = ` !"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_\`abcdefghijklmnopqrstuvwxyz{|}~`;
const ASCII_WIDTHS = [
  250, 333, 408, 500, 500, 833, 778, 333, 333, 333, 500, 564, 250, 333, 250, 278, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 278, 278, 564,
  564, 564, 444, 921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722, 722,
  611, 333, 278, 333, 469, 500, 333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333, 389, 278, 500, 500,
  722, 500, 500, 444, 480, 200, 480, 541,
];
const WIDTHS = new Map<string, number>([...ASCII].map((c, i) => [c, ASCII_WIDTHS[i]!]));
for (const [chars, w] of [['‘’', 333], ['“”', 444], ['–', 500], ['—', 1000], ['…', 1000]] as const) for (const c of chars) WIDTHS.set(c, w);

/** The estimated set width of a line. */
export function lineWidth(text: string): number {
  let w = 0;
  for (const c of text) w += WIDTHS.get(c) ?? (/\p{Lu}/u.test(c) ? 667 : 500);
  return w;
}

/** The width of a full line of the text: most lines that wrap are about this wide. */
export function columnWidth(texts: string[]): number {
  const widths = texts.map(lineWidth).sort((x, y) => x - y);
  return widths[Math.floor(widths.length * 0.9)] ?? 0;
}

/** Share of the column a line must fill to count as full; a narrower one ended its paragraph. */
export const FULL_SHARE = 0.92;

/**
 * Share of a full line's characters a line must also fall short of: the width table only
 * estimates the face, and a line that holds as many characters as the fullest ones was
 * full, however narrow its letters look.
 */
export const FULL_CHARS = 0.95;
