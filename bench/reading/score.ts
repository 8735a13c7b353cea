// Scores a reading against the truth of its document: paragraph boundaries, headings,
// hyphens at line ends, footnotes, invented words and page furniture. Pure: it sees the
// reading as blocks of text (see reading-blocks.ts for how a document becomes blocks).
import { alignTokens } from './align';
import type { Truth } from './truth';

/** A block of the reading being scored. */
export interface OutBlock {
  kind: string;
  level?: number;
  text: string;
}

/** What the importer made: the body blocks, and the footnote texts it recognised as notes. */
export interface Reading {
  blocks: OutBlock[];
  notes: string[];
}

/** The figures of one document. */
export interface Score {
  boundaries: { truth: number; found: number; correct: number; precision: number; recall: number; f1: number };
  headings: { truth: number; found: number; levelRight: number; missed: string[]; extra: string[] };
  hyphens: { join: number; joinRight: number; keep: number; keepRight: number; wrong: string[] };
  footnotes: { truth: number; found: number; leftInBody: number };
  words: { total: number; invented: number; examples: string[] };
  furnitureLeft: { count: number; examples: string[] };
}

/** Words for comparison: letters and digits, NFC, lower case. */
export function tokens(text: string): string[] {
  return text.normalize('NFC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

const key = (text: string) => tokens(text).join(' ');

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function count(haystack: string, needle: string): number {
  if (!needle) return 0;
  let n = 0;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length)) n++;
  return n;
}

/** Block starts (token indices of the truth) of the truth and of the reading, aligned. */
function boundaryScore(truth: Truth, reading: Reading, matchOf: Int32Array): Score['boundaries'] {
  const truthStarts = new Set<number>();
  const inCode = new Set<number>();
  let at = 0;
  for (const b of truth.blocks) {
    const n = tokens(b.text).length;
    if (n === 0) continue;
    if (at > 0) truthStarts.add(at);
    if (b.kind === 'code') for (let i = at + 1; i < at + n; i++) inCode.add(i);
    at += n;
  }
  const outStarts = new Set<number>();
  let j = 0;
  for (const b of reading.blocks) {
    const n = tokens(b.text).length;
    if (n === 0) continue;
    // The block starts where its first matched word sits in the truth.
    let k = j;
    while (k < j + n && matchOf[k]! < 0) k++;
    if (k < j + n && j > 0 && !inCode.has(matchOf[k]!)) outStarts.add(matchOf[k]!);
    j += n;
  }
  outStarts.delete(0);
  let correct = 0;
  for (const s of outStarts) if (truthStarts.has(s)) correct++;
  const precision = outStarts.size ? correct / outStarts.size : 1;
  const recall = truthStarts.size ? correct / truthStarts.size : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { truth: truthStarts.size, found: outStarts.size, correct, precision, recall, f1 };
}

function headingScore(truth: Truth, reading: Reading): Score['headings'] {
  const want = truth.blocks.filter((b) => b.kind === 'heading');
  const got = reading.blocks.filter((b) => b.kind === 'heading');
  const gotKeys = got.map((b) => key(b.text));
  let found = 0;
  let levelRight = 0;
  const missed: string[] = [];
  for (const h of want) {
    const i = gotKeys.indexOf(key(h.text));
    if (i < 0) {
      missed.push(h.text);
      continue;
    }
    found++;
    if (got[i]!.level === h.level) levelRight++;
    gotKeys[i] = '';
  }
  const wantKeys = new Set(want.map((h) => key(h.text)));
  const extra = got.filter((b) => !wantKeys.has(key(b.text))).map((b) => b.text);
  return { truth: want.length, found, levelRight, missed, extra };
}

function hyphenScore(truth: Truth, text: string): Score['hyphens'] {
  const score = { join: 0, joinRight: 0, keep: 0, keepRight: 0, wrong: [] as string[] };
  for (const h of truth.hyphens) {
    const stem = h.before.slice(0, -1);
    // Every form the broken word takes in the text: joined, hyphenated, or apart by spaces.
    const forms = new RegExp(`(?<![\\p{L}-])${escape(stem)}(?:\\s*[-‐]\\s*|\\s+)?${escape(h.after)}(?![\\p{L}])`, 'gu');
    const seen = [...text.matchAll(forms)].map((m) => m[0]);
    const right = seen.length > 0 && seen.every((w) => w === h.word);
    if (h.join) {
      score.join++;
      if (right) score.joinRight++;
    } else {
      score.keep++;
      if (right) score.keepRight++;
    }
    if (!right) score.wrong.push(h.word);
  }
  return score;
}

/** Scores a reading of a document against its truth; `input` is the text the importer read. */
export function scoreReading(truth: Truth, reading: Reading, input: string): Score {
  const truthTokens = truth.blocks.flatMap((b) => tokens(b.text));
  const bodyTokens = reading.blocks.flatMap((b) => tokens(b.text));
  const matchOf = alignTokens(truthTokens, bodyTokens);
  const bodyText = reading.blocks.map((b) => b.text).join('\n').normalize('NFC');
  const bodyKey = ` ${bodyTokens.join(' ')} `;
  const noteKeys = reading.notes.map((n) => ` ${key(n)} `);

  const noteStart = (note: string) => ` ${tokens(note).slice(0, 8).join(' ')} `;
  const found = truth.footnotes.filter((n) => noteKeys.some((k) => k.startsWith(noteStart(n)))).length;
  // Left in the body: the note's words after the first (a label may be glued to the first).
  const leftInBody = truth.footnotes.filter((n) => bodyKey.includes(` ${tokens(n).slice(1, 8).join(' ')} `)).length;

  const known = new Set([...truthTokens, ...truth.footnotes.flatMap(tokens), ...tokens(input)]);
  const outWords = [...bodyTokens, ...reading.notes.flatMap(tokens)];
  const invented = outWords.filter((w) => !known.has(w));

  const truthKey = ` ${truthTokens.join(' ')} `;
  const furniture = [...new Set(truth.furniture)];
  const pageNumbers = new Set(furniture.filter((f) => /^\d+$/.test(f)));
  const left: string[] = [];
  for (const f of furniture.filter((x) => !pageNumbers.has(x))) {
    const extra = count(bodyKey, ` ${key(f)} `) - count(truthKey, ` ${key(f)} `);
    for (let i = 0; i < extra; i++) left.push(f);
  }
  // A page number left in the text is a number the truth has no place for.
  bodyTokens.forEach((t, i) => {
    if (matchOf[i]! < 0 && pageNumbers.has(t)) left.push(t);
  });

  return {
    boundaries: boundaryScore(truth, reading, matchOf),
    headings: headingScore(truth, reading),
    hyphens: hyphenScore(truth, [bodyText, ...reading.notes].join("\n")),
    footnotes: { truth: truth.footnotes.length, found, leftInBody },
    words: { total: outWords.length, invented: invented.length, examples: [...new Set(invented)].slice(0, 12) },
    furnitureLeft: { count: left.length, examples: left.slice(0, 6) },
  };
}
