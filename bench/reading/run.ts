// Runs the importer over the reading corpus and scores every document (used by the bench
// and by the quality test).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importFile } from '../../shared/import';
import { readingBlocks, type NodeJson } from './reading-blocks';
import { scoreReading, type Score } from './score';
import type { CorpusEntry, Truth } from './truth';

export const corpusDir = fileURLToPath(new URL('./corpus/', import.meta.url));

/** The documents of the corpus. */
export function corpusEntries(): CorpusEntry[] {
  return JSON.parse(readFileSync(join(corpusDir, 'corpus.json'), 'utf8')) as CorpusEntry[];
}

/** Imports one document as a user opens it and scores the reading. */
export async function scoreEntry(entry: CorpusEntry): Promise<Score> {
  const bytes = new Uint8Array(readFileSync(join(corpusDir, entry.file)));
  const { doc } = await importFile({ name: entry.file, bytes });
  const truth = JSON.parse(readFileSync(join(corpusDir, entry.truth), 'utf8')) as Truth;
  const input = readFileSync(join(corpusDir, entry.input), 'utf8');
  return scoreReading(truth, readingBlocks(doc.toJSON() as NodeJson), input);
}

/** Sums of the figures over documents. */
export function totals(scores: Score[]): Score {
  const sum = (f: (s: Score) => number) => scores.reduce((a, s) => a + f(s), 0);
  const correct = sum((s) => s.boundaries.correct);
  const found = sum((s) => s.boundaries.found);
  const truth = sum((s) => s.boundaries.truth);
  const precision = found ? correct / found : 1;
  const recall = truth ? correct / truth : 1;
  return {
    boundaries: { truth, found, correct, precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 },
    headings: { truth: sum((s) => s.headings.truth), found: sum((s) => s.headings.found), levelRight: sum((s) => s.headings.levelRight), missed: [], extra: [] },
    hyphens: {
      join: sum((s) => s.hyphens.join),
      joinRight: sum((s) => s.hyphens.joinRight),
      keep: sum((s) => s.hyphens.keep),
      keepRight: sum((s) => s.hyphens.keepRight),
      wrong: [],
    },
    footnotes: { truth: sum((s) => s.footnotes.truth), found: sum((s) => s.footnotes.found), leftInBody: sum((s) => s.footnotes.leftInBody) },
    words: { total: sum((s) => s.words.total), invented: sum((s) => s.words.invented), examples: [] },
    furnitureLeft: { count: sum((s) => s.furnitureLeft.count), examples: [] },
  };
}
