// Benchmark: how cleanly the importer reads the documents of the reading corpus
// (bench/reading/corpus: LaTeX- and LibreOffice-typeset PDFs and plain-text extractions,
// each with its scored truth), and the seed article's figures. Targets (issue 13):
// boundary F1 >= 0.95, heading recall >= 0.9, hyphen join >= 0.95, invented words <= 1 in
// 2,000, no page furniture; the seed 6/6 headings and 117 footnote markers.
// Run: npm run bench -- reading [--verbose]
import { parseArgs } from 'node:util';
import { outlineOf } from '../shared/document/outline';
import { reflowBlocks, reflowText } from '../shared/import/reflow';
import { hasCorpus, readSeed } from '../shared/test-support/corpus';
import { corpusEntries, scoreEntry, totals } from './reading/run';
import type { Score } from './reading/score';

const { values } = parseArgs({ options: { verbose: { type: 'boolean', default: false } } });
const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : '—');

function line(name: string, s: Score): string {
  const b = s.boundaries;
  return [
    name.padEnd(24),
    `boundary F1 ${b.f1.toFixed(3)} (P ${b.precision.toFixed(2)} R ${b.recall.toFixed(2)})`,
    `headings ${s.headings.found}/${s.headings.truth} (level ${s.headings.levelRight})`,
    `hyphen join ${s.hyphens.joinRight}/${s.hyphens.join} keep ${s.hyphens.keepRight}/${s.hyphens.keep}`,
    `footnotes ${s.footnotes.found}/${s.footnotes.truth} (in body ${s.footnotes.leftInBody})`,
    `invented ${s.words.invented}/${s.words.total}`,
    `furniture ${s.furnitureLeft.count}`,
  ].join(' | ');
}

const scores: Score[] = [];
for (const entry of corpusEntries()) {
  const s = await scoreEntry(entry);
  scores.push(s);
  console.log(line(entry.name, s));
  if (values.verbose) {
    if (s.headings.missed.length) console.log(`    missed headings: ${s.headings.missed.join(' · ')}`);
    if (s.headings.extra.length) console.log(`    extra headings: ${s.headings.extra.map((h) => h.slice(0, 50)).join(' · ')}`);
    if (s.hyphens.wrong.length) console.log(`    hyphens wrong: ${s.hyphens.wrong.join(', ')}`);
    if (s.words.examples.length) console.log(`    invented: ${s.words.examples.join(', ')}`);
    if (s.furnitureLeft.examples.length) console.log(`    furniture: ${s.furnitureLeft.examples.join(' · ')}`);
  }
}
const t = totals(scores);
console.log(line('TOTAL', t));
console.log(
  `targets: F1 ${t.boundaries.f1.toFixed(3)} >= 0.95 · heading recall ${pct(t.headings.found, t.headings.truth)} >= 90% · ` +
    `hyphen join ${pct(t.hyphens.joinRight, t.hyphens.join)} >= 95% (keep ${pct(t.hyphens.keepRight, t.hyphens.keep)}) · ` +
    `invented ${((2000 * t.words.invented) / Math.max(1, t.words.total)).toFixed(2)} per 2,000 <= 1 · furniture ${t.furnitureLeft.count} = 0`,
);

if (hasCorpus) {
  const seed = readSeed();
  const headings = outlineOf(reflowText(seed)).headings.length;
  const markers = reflowBlocks(seed).reduce((n, b) => n + b.notes.length, 0);
  console.log(`seed (sino-soviet-split.txt): ${headings}/6 headings, ${markers} footnote markers (must stay 6 and 117)`);
} else console.log('seed: ../shared/corpus absent, not measured');
