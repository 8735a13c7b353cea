// Finds the runs of letters (Unicode \p{L}) in a text by their char codes: what
// /\p{L}+/gu finds, at a fraction of its cost on a whole book, where reflow walks every
// word several times (word counts, hyphenation evidence, glued words).

/** One letter of any script, as a regular expression over one code point. */
const LETTER = /^\p{L}$/u;

/** Letters of the Basic Multilingual Plane, looked up once each: 0 unknown, 1 letter, 2 not. */
const bmpKind = new Uint8Array(0x10000);

/** Astral code points looked up so far. */
const astralKind = new Map<number, boolean>();

/** The length in code units (1 or 2) of the letter at `i` of `text`, or 0 if no letter starts there. */
export function letterLength(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0x80) return ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) ? 1 : 0;
  if (c >= 0xd800 && c <= 0xdbff) {
    const low = text.charCodeAt(i + 1);
    // A lone surrogate is no letter.
    if (!(low >= 0xdc00 && low <= 0xdfff)) return 0;
    const point = (c - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
    let letter = astralKind.get(point);
    if (letter === undefined) {
      letter = LETTER.test(String.fromCodePoint(point));
      astralKind.set(point, letter);
    }
    return letter ? 2 : 0;
  }
  let kind = bmpKind[c]!;
  if (kind === 0) {
    kind = LETTER.test(String.fromCharCode(c)) ? 1 : 2;
    bmpKind[c] = kind;
  }
  return kind === 1 ? 1 : 0;
}

/**
 * Calls `visit(start, end)` for each run of letters in `text`, in order, as
 * `text.matchAll(/\p{L}+/gu)` would find them (`end` exclusive).
 */
export function forEachLetterRun(text: string, visit: (start: number, end: number) => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    let step = letterLength(text, i);
    if (step === 0) {
      i++;
      continue;
    }
    const start = i;
    while (step > 0) {
      i += step;
      step = i < n ? letterLength(text, i) : 0;
    }
    visit(start, i);
  }
}

/**
 * Calls `visit(start, end)` for each word in `text` — runs of letters joined by single
 * hyphens ("Sino-Soviet", "well-known") — as matching `\p{L}+(?:-\p{L}+)*` (flags gu) would.
 */
export function forEachHyphenatedWord(text: string, visit: (start: number, end: number) => void): void {
  let open = -1;
  let close = -1;
  forEachLetterRun(text, (start, end) => {
    if (open >= 0 && start === close + 1 && text.charCodeAt(close) === 0x2d) {
      close = end;
      return;
    }
    if (open >= 0) visit(open, close);
    open = start;
    close = end;
  });
  if (open >= 0) visit(open, close);
}
