// Rebuilds the typeset corpus and its truth from the sources: `npx tsx
// bench/reading/build-corpus.ts` (needs pdflatex, soffice and pdftotext; see corpus/README.md).
// Not part of the bench: the built files are committed, so the bench needs none of these tools.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toFodt } from './fodt';
import { toLatex } from './latex';
import { parseSource, splitNotes, type SourceDoc } from './source';
import type { CorpusEntry, HyphenCase, Truth, TruthBlock } from './truth';

const dir = fileURLToPath(new URL('./corpus/', import.meta.url));

function typeset(name: string, doc: SourceDoc): void {
  const work = mkdtempSync(join(tmpdir(), 'crux-corpus-'));
  try {
    if (doc.meta.engine === 'latex') {
      writeFileSync(join(dir, `${name}.tex`), toLatex(doc));
      copyFileSync(join(dir, `${name}.tex`), join(work, `${name}.tex`));
      for (let run = 0; run < 2; run++) execFileSync('pdflatex', ['-interaction=batchmode', `${name}.tex`], { cwd: work, stdio: 'ignore' });
    } else {
      writeFileSync(join(dir, `${name}.fodt`), toFodt(doc));
      execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${work}/profile`, '--convert-to', 'pdf', '--outdir', work, join(dir, `${name}.fodt`)], { stdio: 'ignore' });
    }
    copyFileSync(join(work, `${name}.pdf`), join(dir, `${name}.pdf`));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', join(dir, `${name}.pdf`), join(dir, `${name}.txt`)]);
}

function truthBlocks(doc: SourceDoc): TruthBlock[] {
  const blocks: TruthBlock[] = [{ kind: 'title', text: doc.meta.title ?? '' }, { kind: 'byline', text: doc.meta.author ?? '' }];
  const counters = [0, 0, 0];
  for (const b of doc.blocks) {
    if (b.kind === 'heading') {
      counters[b.level - 1]!++;
      counters.fill(0, b.level);
      const number = doc.meta.numbered === 'yes' ? `${counters.slice(0, b.level).join('.')} ` : '';
      blocks.push({ kind: 'heading', level: b.level, text: number + b.text });
    } else if (b.kind === 'paragraph') blocks.push({ kind: 'paragraph', text: splitNotes(b.text).runs.join('') });
    else if (b.kind === 'code') blocks.push({ kind: 'code', text: b.lines.join('\n') });
    else blocks.push({ kind: 'math', text: b.text });
  }
  return blocks;
}

/** Words broken at line ends in the extracted text, told apart by the source's spelling. */
function hyphenCases(extracted: string, source: string): HyphenCase[] {
  const cases: HyphenCase[] = [];
  const re = /([\p{L}-]*\p{L})[-\u00ad]\n(\p{L}[\p{L}-]*)/gu;
  for (const m of extracted.matchAll(re)) {
    const [a, b] = [m[1]!, m[2]!];
    const kept = `${a}-${b}`;
    const joined = a + b;
    const has = (w: string) => new RegExp(`(?<![\\p{L}-])${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'u').test(source);
    if (has(kept)) cases.push({ word: kept, before: `${a}-`, after: b, join: false });
    else if (has(joined)) cases.push({ word: joined, before: `${a}-`, after: b, join: true });
    else console.warn(`  ? ${a}- ${b}: neither form in the source`);
  }
  return cases;
}

/**
 * The page furniture: each page's first line (a running head; on the first page of a LaTeX
 * article the title instead) and its last line when that is a page number.
 */
function furniture(extracted: string, latex: boolean): string[] {
  const found: string[] = [];
  extracted.split('\f').forEach((page, n) => {
    const lines = page.split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean);
    if (!lines.length) return;
    if (n > 0 || !latex) found.push(lines[0]!);
    if (/^\d{1,3}$/.test(lines.at(-1)!)) found.push(lines.at(-1)!);
  });
  return found;
}

const entries: CorpusEntry[] = [];
for (const file of readdirSync(dir).filter((f) => f.endsWith('.src.md')).sort()) {
  const name = file.slice(0, -'.src.md'.length);
  const doc = parseSource(readFileSync(join(dir, file), 'utf8'));
  console.log(`${name}: typesetting with ${doc.meta.engine}`);
  typeset(name, doc);
  const extracted = readFileSync(join(dir, `${name}.txt`), 'utf8');
  const blocks = truthBlocks(doc);
  const footnotes = doc.blocks.flatMap((b) => (b.kind === 'paragraph' ? b.notes : []));
  const sourceText = [...blocks.map((b) => b.text), ...footnotes].join('\n');
  const truth: Truth = { blocks, footnotes, hyphens: hyphenCases(extracted, sourceText), furniture: furniture(extracted, doc.meta.engine === 'latex') };
  writeFileSync(join(dir, `${name}.truth.json`), `${JSON.stringify(truth, null, 1)}\n`);
  entries.push({ name: `${name}.pdf`, file: `${name}.pdf`, truth: `${name}.truth.json`, input: `${name}.txt` });
  if (doc.meta.extract === 'yes') entries.push({ name: `${name}.txt`, file: `${name}.txt`, truth: `${name}.truth.json`, input: `${name}.txt` });
}
writeFileSync(join(dir, 'corpus.json'), `${JSON.stringify(entries, null, 1)}\n`);
