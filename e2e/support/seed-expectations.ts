// What DESIGN.md §1 says the seed article must look like once reflowed, computed from the
// corpus file at run time (never pasted into the repository): its title, byline, section
// headings, a word hyphenated across a line end, real hyphens split by a line end, and
// words the extraction glued together.

/** The lines of the seed, trimmed, with blank lines as ''. */
function linesOf(text: string): string[] {
  return text.split(/\r?\n/).map((l) => l.trim());
}

/** Blocks of consecutive non-blank lines. */
function blocksOf(text: string): string[][] {
  const blocks: string[][] = [];
  let current: string[] = [];
  for (const line of linesOf(text)) {
    if (line) current.push(line);
    else if (current.length) {
      blocks.push(current);
      current = [];
    }
  }
  if (current.length) blocks.push(current);
  return blocks;
}

const normalise = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The title: the first block of lines, joined. */
export function expectedTitle(text: string): string {
  return normalise((blocksOf(text)[0] ?? []).join(' '));
}

/** The byline: the second block (author, affiliation), joined. */
export function expectedByline(text: string): string {
  return normalise((blocksOf(text)[1] ?? []).join(' '));
}

// Words a heading does not end with but a hard-wrapped line of running text often does.
const TRAILING_FUNCTION_WORDS = new Set(['a', 'an', 'and', 'at', 'by', 'for', 'had', 'in', 'of', 'on', 'one', 'or', 'that', 'the', 'to', 'with']);

/**
 * The section headings: a short line standing alone after the end of a sentence (or a
 * blank line), followed by a blank line and a new sentence, that does not itself end a
 * sentence or end on a word that leaves one unfinished. In the seed these are exactly the
 * section titles; lines of running text cut by page breaks fail one of the tests.
 */
export function expectedHeadings(text: string): string[] {
  const lines = linesOf(text);
  const headings: string[] = [];
  // Skip the front matter: the title block and the byline block.
  let blocksSeen = 0;
  let start = 0;
  while (start < lines.length && blocksSeen < 2) {
    if (lines[start] && !lines[start + 1]) blocksSeen++;
    start++;
  }
  for (let i = start; i < lines.length - 1; i++) {
    const line = lines[i] ?? '';
    if (!line || line.length > 90 || lines[i + 1] !== '') continue;
    if (/[.?!’'”,;:)\d]$/.test(line)) continue;
    const previous = lines[i - 1] ?? '';
    if (previous !== '' && !/[.?!’'”)\d]$/.test(previous)) continue;
    const lastWord = line.split(' ').at(-1)?.toLowerCase() ?? '';
    if (TRAILING_FUNCTION_WORDS.has(lastWord)) continue;
    const next = lines.slice(i + 1).find(Boolean) ?? '';
    if (!/^[A-Z]/.test(next)) continue;
    headings.push(normalise(line));
  }
  return headings;
}

/** A word broken across a line end by a soft hyphen: its two halves and the whole word. */
export interface BrokenWord {
  head: string;
  tail: string;
  whole: string;
}

/** Words split across lines as `head-` / `tail` where both halves are lower-case letters. */
export function brokenWords(text: string): BrokenWord[] {
  const words: BrokenWord[] = [];
  for (const m of text.matchAll(/([a-z]+)-\r?\n\s*([a-z]+)/g)) {
    const head = m[1] ?? '';
    const tail = m[2] ?? '';
    words.push({ head, tail, whole: head + tail });
  }
  return words;
}

/** How often "Sino-Soviet" occurs in the seed, counting the ones split after the hyphen. */
export function sinoSovietCount(text: string): { total: number; acrossLines: number } {
  const within = text.match(/Sino-Soviet/g)?.length ?? 0;
  const acrossLines = text.match(/Sino-\r?\n\s*Soviet/g)?.length ?? 0;
  return { total: within + acrossLines, acrossLines };
}

/** Tokens like "andMoscow": a short lower-case word glued to a capitalised one. */
export function gluedWords(text: string): { glued: string; split: string }[] {
  const found = new Map<string, string>();
  for (const m of text.matchAll(/\b(and|in|by|to|on|of|the)([A-Z][a-z]+)\b/g)) {
    found.set(m[0], `${m[1]} ${m[2]}`);
  }
  return [...found].map(([glued, split]) => ({ glued, split }));
}

/** How many times `word` occurs in the seed, case-insensitively. */
export function occurrences(text: string, word: string): number {
  return text.toLowerCase().split(word.toLowerCase()).length - 1;
}
