// The pages of extracted text (pdftotext separates them with form feeds): the running
// heads and page numbers at the pages' edges go, and the footnote texts at a page's foot
// leave the text to become the reading's notes. Text without form feeds passes unchanged.

/** Lines that are only a page number: "12", "- 12 -", "Page 12", "12 of 30". */
export const PAGE_NUMBER = /^(?:[-–—]\s*)?(?:page\s+)?\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?(?:\s*[-–—])?$/i;

/** A footnote text found at a page's foot: its number and its lines (number removed). */
export interface PageNote {
  label: string;
  lines: string[];
}

/** How many lines at each page edge may be furniture; how many at the foot may be notes. */
const EDGE_LINES = 2;
const FOOT_LINES = 12;

/** A note's first line: "3 The text…", "3. The text…", "3The text…" or the number alone. */
const NOTE_START = /^(\d{1,3})(?:(?:[.)]?\s+|(?=[‘“"'(]?\p{Lu}))(\S.*))?$/u;

/** The text with page furniture and page-foot notes removed, and the notes. */
export function readPages(text: string): { text: string; notes: PageNote[] } {
  if (!text.includes('\f')) return { text, notes: [] };
  const pages = text.split('\f').map((p) => p.split('\n'));
  const furniture = edgeFurniture(pages);
  const printed = printedNumberOffset(pages);
  const notes: PageNote[] = [];
  const kept = pages.map((lines, p) => {
    const body = stripEdges(lines, (line) => furniture.has(furnitureKey(line)) || (printed !== null && endNumbers(line).includes(p + printed)));
    const foot = footNotes(body, notes.length ? Number(notes.at(-1)!.label) + 1 : 1);
    if (foot) notes.push(...foot.notes);
    return attachSectionNumbers(foot ? foot.body : body);
  });
  // Every page but the last ends its last line, so the form feed opens the next page's first line.
  const ended = kept.map((lines, i) => (i < kept.length - 1 && lines.at(-1) !== '' ? [...lines, ''] : lines));
  return { text: ended.map((lines) => lines.join('\n')).join('\f'), notes };
}

/** A line as running heads are compared: trimmed, every number the same. */
function furnitureKey(line: string): string {
  return line.trim().replace(/\d+/g, '#');
}

/** Indices of the non-blank lines of a page. */
function filled(lines: string[]): number[] {
  return lines.flatMap((l, i) => (l.trim() ? [i] : []));
}

/**
 * Keys of the lines that repeat at the edges (first or last lines) of several pages: the
 * same text, or the same text with a changing number ("Title, page 3"), on at least two
 * pages and at least two pages in five.
 */
function edgeFurniture(pages: string[][]): Set<string> {
  const counts = new Map<string, number>();
  let withText = 0;
  for (const lines of pages) {
    const idx = filled(lines);
    if (idx.length) withText++;
    const edge = new Set([...idx.slice(0, EDGE_LINES), ...idx.slice(-EDGE_LINES)].map((i) => furnitureKey(lines[i]!)));
    for (const k of edge) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const needed = Math.max(2, Math.ceil(withText * 0.4));
  return new Set([...counts].filter(([k, n]) => n >= needed && k.length <= 100 && /\p{L}/u.test(k)).map(([k]) => k));
}

/** The numbers at either end of a line ("2 3 SYSTEM OVERVIEW" → 2, "Methods 7" → 7). */
function endNumbers(line: string): number[] {
  const t = line.trim();
  const first = /^(\d{1,4})\s/.exec(t);
  const last = /\s(\d{1,4})$/.exec(t);
  return [first, last].flatMap((m) => (m ? [Number(m[1])] : []));
}

/**
 * Running heads whose text changes (a section title) but that carry the printed page
 * number: the offset between printed number and page index, if the top or foot line of
 * at least two pages (and two in five) shows the same one; else null.
 */
function printedNumberOffset(pages: string[][]): number | null {
  const votes = new Map<number, Set<number>>();
  let withText = 0;
  pages.forEach((lines, p) => {
    const idx = filled(lines);
    if (idx.length) withText++;
    for (const i of [idx[0], idx.at(-1)]) {
      if (i === undefined || lines[i]!.trim().length > 100) continue;
      for (const n of endNumbers(lines[i]!)) votes.set(n - p, (votes.get(n - p) ?? new Set()).add(p));
    }
  });
  const [offset, pagesSeen] = [...votes].reduce<[number | null, number]>((a, [o, ps]) => (ps.size > a[1] ? [o, ps.size] : a), [null, 0]);
  return pagesSeen >= Math.max(2, Math.ceil(withText * 0.4)) ? offset : null;
}

/** A page without the furniture lines at its top and foot. */
function stripEdges(lines: string[], isHead: (line: string) => boolean): string[] {
  const out = [...lines];
  const isFurniture = (i: number) => PAGE_NUMBER.test(out[i]!.trim()) || isHead(out[i]!);
  for (let n = 0; n < EDGE_LINES; n++) {
    const first = filled(out)[0];
    if (first === undefined || !isFurniture(first)) break;
    out.splice(first, 1);
  }
  for (let n = 0; n < EDGE_LINES; n++) {
    const last = filled(out).at(-1);
    if (last === undefined || !isFurniture(last)) break;
    out.splice(last, 1);
  }
  return out;
}

/** Whether footnote number `n` stands in the text as a marker glued to a word or a stop. */
function hasMarker(text: string, n: number): boolean {
  return new RegExp(`(?<=[\\p{L}.,;:!?’'”")\\]])${n}(?=[\\s.,;:!?)\\]’”]|$)`, 'mu').test(text);
}

/**
 * The notes at the foot of a page: from the first line among the last few that starts with
 * the next note number (`expected`, or one more if a note was lost) whose marker stands in
 * the page's text above, to the page's end. Each following line that starts with the next
 * number (marked above too) starts the next note; other lines continue the note.
 */
function footNotes(lines: string[], expected: number): { body: string[]; notes: PageNote[] } | null {
  const idx = filled(lines);
  for (const start of idx.slice(-FOOT_LINES)) {
    const m = NOTE_START.exec(lines[start]!.trim());
    if (!m) continue;
    const n = Number(m[1]);
    const above = lines.slice(0, start).join('\n');
    if ((n !== expected && n !== expected + 1) || !hasMarker(above, n)) continue;
    const notes: PageNote[] = [{ label: m[1]!, lines: m[2] ? [m[2]] : [] }];
    for (const i of idx.filter((k) => k > start)) {
      const t = lines[i]!.trim();
      const next = NOTE_START.exec(t);
      const label = Number(notes.at(-1)!.label) + 1;
      if (next && Number(next[1]) === label && hasMarker(above, label)) notes.push({ label: next[1]!, lines: next[2] ? [next[2]] : [] });
      else notes.at(-1)!.lines.push(t);
    }
    if (notes.some((note) => !note.lines.length)) return null;
    return { body: lines.slice(0, start), notes };
  }
  return null;
}

/**
 * A section number that came out on a line of its own ("2.1", a blank line, "Stream
 * Header") rejoins the title below it. Page numbers are gone by now (they sit at the page
 * edges), so a bare number inside a page followed by a short title line is a section's.
 */
function attachSectionNumbers(lines: string[]): string[] {
  const out = [...lines];
  const idx = filled(out);
  idx.forEach((i, n) => {
    const title = idx[n + 1];
    const number = out[i]!.trim();
    if (title === undefined || title - i > 2 || !/^\d{1,2}(?:\.\d{1,2})*\.?$/.test(number)) return;
    const t = out[title]!.trim();
    if (!/^\p{Lu}/u.test(t) || /[.,;:!?]$/.test(t) || t.split(/\s+/).length > 10) return;
    out[title] = `${number} ${t}`;
    out[i] = '';
  });
  return out;
}
