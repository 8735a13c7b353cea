// Deterministic "random" word ranges over a document text, the same for both pages of
// the highlight benchmark: each range covers 1–12 words inside one block.

/** A text range in the document text. */
export interface BenchRange {
  start: number;
  end: number;
}

/** `count` word ranges over `text` (blocks separated by "\n"), from a fixed seed. */
export function benchRanges(text: string, count: number): BenchRange[] {
  const words: { start: number; end: number; block: number }[] = [];
  let block = 0;
  const re = /\S+|\n/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0] === '\n') block++;
    else words.push({ start: m.index, end: m.index + m[0].length, block });
  }
  let seed = 20261127;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const out: BenchRange[] = [];
  while (out.length < count) {
    const i = Math.floor(next() * words.length);
    const first = words[i]!;
    let j = i + Math.floor(next() * 12);
    while (j > i && (words[j] === undefined || words[j]!.block !== first.block)) j--;
    out.push({ start: first.start, end: words[j]!.end });
  }
  return out;
}

/** Waits until the browser has painted the current state (the frame after the next). */
export function nextPaint(): Promise<number> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0)));
}
