// Benchmark: open a file, reflow it and render it, in Chromium, with the production build
// of the renderer — the seed article and a synthetic 2 MB book (DESIGN.md §7 targets:
// 150 ms and 1.5 s of work in the renderer). Times come from the app's own User Timing
// measures (opening/open-timing.ts): from the bytes in hand to the first painted frame;
// traced runs then give the CPU time the page's main thread and import worker spent on it.
// Run: npm run bench -- open-render [--runs N]
import { existsSync, readFileSync } from 'node:fs';
import { seedPath } from '../shared/test-support/corpus';
import { withBuiltApp } from './support/serve-build';
import { syntheticBook } from './support/synthetic-book';
import { startTrace, workBetween } from './support/trace';

interface Case {
  label: string;
  name: string;
  bytes: Buffer;
  targetMs: number;
}

interface Sample {
  total: number;
  import: number;
  render: number;
  paint: number;
  deferred: number;
}

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Math.max(1, Number(process.argv[runsArg + 1]) || 7) : 7;

const cases: Case[] = [];
if (existsSync(seedPath)) {
  cases.push({ label: 'seed article', name: 'sino-soviet-split.txt', bytes: readFileSync(seedPath), targetMs: 150 });
} else {
  console.log('seed article: skipped (../shared/corpus is not beside this clone)');
}
const book = Buffer.from(syntheticBook(), 'utf8');
cases.push({ label: 'synthetic 2 MB book', name: 'synthetic-book.txt', bytes: book, targetMs: 1500 });

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

await withBuiltApp(async (page, browser) => {
  const cdp = await browser.context.newCDPSession(page);
  console.log(`open-render: Chromium, production build, ${RUNS} runs each after one warm-up, median; then ${RUNS} traced runs\n`);
  for (const c of cases) {
    const samples: Sample[] = [];
    const work: { main: number; worker: number }[] = [];
    // The untraced runs give the times; the traced ones (tracing slows the page a little)
    // how much of that was the threads' work rather than waiting for a CPU on a busy machine.
    for (let run = 0; run <= 2 * RUNS; run++) {
      const traced = run > RUNS;
      const stop = traced ? await startTrace(cdp) : null;
      await page.evaluate(() => {
        performance.clearMarks();
        performance.clearMeasures();
      });
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Open…' }).click()]);
      await chooser.setFiles({ name: c.name, mimeType: 'text/plain', buffer: c.bytes });
      await page.waitForFunction(() => performance.getEntriesByName('crux:open', 'measure').length > 0, null, { timeout: 60_000 });
      // (No helper functions inside: tsx would wrap them in a __name() the page lacks.)
      const [total, imported, render, paint, deferred] = await page.evaluate(() =>
        ['crux:open', 'crux:open:import', 'crux:open:render', 'crux:open:paint', 'crux:open:deferred'].map(
          (name) => performance.getEntriesByName(name, 'measure')[0]?.duration ?? NaN,
        ),
      );
      const sample: Sample = { total: total ?? NaN, import: imported ?? NaN, render: render ?? NaN, paint: paint ?? NaN, deferred: deferred ?? NaN };
      if (stop) {
        const spent = workBetween(await stop(), 'crux:open:start', 'crux:open:painted');
        work.push({ main: spent.main.cpu, worker: spent.workers.cpu });
      } else if (run > 0) samples.push(sample);
    }
    const m = (key: keyof Sample) => median(samples.map((s) => s[key]));
    const total = m('total');
    const verdict = total <= c.targetMs ? 'within target' : 'OVER TARGET';
    console.log(
      `${c.label} (${(c.bytes.length / 1024).toFixed(0)} KB): ${total.toFixed(0)} ms ` +
        `[import+reflow ${m('import').toFixed(0)} · render ${m('render').toFixed(0)} · paint ${m('paint').toFixed(0)}] ` +
        `target ${c.targetMs} ms — ${verdict}; then ${m('deferred').toFixed(0)} ms for what waits for the first frame (map, side lists)`,
    );
    const main = median(work.map((w) => w.main));
    const worker = median(work.map((w) => w.worker));
    const cpu = median(work.map((w) => w.main + w.worker));
    console.log(
      `  CPU time of that work (traced runs): ${cpu.toFixed(0)} ms [main thread ${main.toFixed(0)} · import worker ${worker.toFixed(0)}] ` +
        `— ${cpu <= c.targetMs ? 'within' : 'OVER'} target`,
    );
  }
});
