// Benchmark: 5,000 highlights on the seed article in Chromium (production build of a
// bench-only page around the Crux reader): time to render them all, then for a keystroke
// and for a new annotation the main thread's work until the frame that shows it is
// painted (DESIGN.md §7: under 16 ms; read from a Chromium trace) and the time from the
// key to that frame; again with the annotation panel's list shown; the same reader
// without highlights for scale; and, in the same Chromium, @recogito/text-annotator
// rendering the same 5,000 spans on the same text.
// Run: npm run bench -- highlights [--count N] [--keys N]
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';
import type { Page } from 'playwright-core';
import { launchBrowser, type TestBrowser } from '../e2e/support/browser';
import { seedPath } from '../shared/test-support/corpus';
import { isKeydown, isMark, startTrace, workToPaint, type TraceEvent } from './support/trace';

const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? Math.max(1, Number(process.argv[at + 1]) || fallback) : fallback;
};
const COUNT = arg('--count', 5000);
const KEYS = arg('--keys', 40);
const CREATES = 20;
/** Characters a colleague types, arriving as Yjs updates. */
const REMOTE_KEYS = 20;
const TARGET_MS = 16;

if (!existsSync(seedPath)) {
  console.log('highlights: skipped (../shared/corpus is not beside this clone)');
  process.exit(0);
}

const stats = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? NaN;
  return { median: q(0.5), p95: q(0.95), max: s[s.length - 1] ?? NaN };
};

const root = fileURLToPath(new URL('./highlights-page/', import.meta.url));
const outDir = fileURLToPath(new URL('../.tmp/bench-highlights', import.meta.url));
const repo = fileURLToPath(new URL('..', import.meta.url));
const config = {
  root,
  base: './',
  configFile: false as const,
  logLevel: 'warn' as const,
  server: { fs: { allow: [repo] } },
  build: { outDir, emptyOutDir: true, target: 'es2022', rollupOptions: { input: { crux: `${root}crux.html`, recogito: `${root}recogito.html` } } },
};
await build(config);
const server = await preview({ ...config, preview: { host: '127.0.0.1', port: 0, strictPort: false } });
const url = server.resolvedUrls?.local[0];
if (!url) throw new Error('vite preview did not report its address');

type Bench = {
  load(text: string, count: number): Promise<{ ms: number; spans: number; documentText: string }>;
  showPanel(shown: boolean): Promise<void>;
  focusMiddle(): void;
  takeKeySamples(): { total: number[]; script: number[] };
  createOne(i: number): Promise<number>;
  remoteKey(): Promise<number>;
  rereadAll(round: number): Promise<{ longestFrame: number; ms: number }>;
};
/** The longest top-level task (ms) on a renderer's main thread in `trace` (the other renderers are idle). */
function longestMainTask(trace: readonly TraceEvent[]): number {
  const mains = new Set(trace.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const tasks = trace.filter((e) => e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && mains.has(`${e.pid}:${e.tid}`));
  if (!tasks.length) throw new Error('highlights: the trace holds no task of a renderer main thread');
  return Math.max(...tasks.map((e) => (e.dur ?? 0) / 1000));
}

type RecogitoBench = { load(text: string, count: number): Promise<{ ms: number; spans: number }> };

/** What one phase of the bench measured, ms. */
interface Measured {
  keys: ReturnType<typeof stats>;
  keyScript: ReturnType<typeof stats>;
  keyWork: ReturnType<typeof stats>;
  keyWall: ReturnType<typeof stats>;
  create: ReturnType<typeof stats>;
  createWork: ReturnType<typeof stats>;
  remote: ReturnType<typeof stats>;
  remoteWork: ReturnType<typeof stats>;
}

/** Calls the page's `bench[name](arg)` and returns its result. */
function call<K extends keyof Bench>(page: Page, name: K, arg?: number): Promise<Awaited<ReturnType<Bench[K]>>> {
  return page.evaluate(([n, a]) => (window as unknown as { bench: Record<string, (a?: number) => unknown> }).bench[n]!(a), [name, arg] as const) as Promise<Awaited<ReturnType<Bench[K]>>>;
}

/** Presses KEYS keys in the middle of the reading, then makes CREATES annotations, under a trace. */
async function measure(browser: TestBrowser, page: Page, from: number, creates = CREATES): Promise<Measured> {
  await call(page, 'focusMiddle');
  const cdp = await browser.context.newCDPSession(page);
  const stop = await startTrace(cdp);
  for (let i = 0; i < KEYS; i++) {
    await page.keyboard.press('x');
    await page.waitForTimeout(30);
  }
  const keySamples = await call(page, 'takeKeySamples');
  const created: number[] = [];
  for (let i = 0; i < creates; i++) created.push(await call(page, 'createOne', from + i));
  const remote: number[] = [];
  for (let i = 0; i < REMOTE_KEYS; i++) {
    remote.push(await call(page, 'remoteKey'));
    await page.waitForTimeout(30);
  }
  const trace = await stop();
  await cdp.detach();
  const keyWork = workToPaint(trace, isKeydown);
  const createWork = workToPaint(trace, isMark('crux-bench-create'));
  const remoteWork = workToPaint(trace, isMark('crux-bench-remote'));
  if (keyWork.length < KEYS / 2 || createWork.length < creates / 2) throw new Error(`highlights bench: the trace shows ${keyWork.length} of ${KEYS} keys and ${createWork.length} of ${creates} creates`);
  return {
    keys: stats(keySamples.total),
    keyScript: stats(keySamples.script),
    keyWork: stats(keyWork.map((w) => w.cpu)),
    keyWall: stats(keyWork.map((w) => w.wall)),
    create: stats(created),
    createWork: stats(createWork.map((w) => w.cpu)),
    remote: stats(remote),
    remoteWork: stats(remoteWork.map((w) => w.cpu)),
  };
}

const seed = readFileSync(seedPath, 'utf8');
const browser = await launchBrowser({ viewport: { width: 1440, height: 900 } });
try {
  // For scale: the same reader on the same text with no highlights (what typing costs anyway).
  const plain = await browser.context.newPage();
  await plain.goto(`${url}crux.html`);
  await plain.evaluate((text) => (window as unknown as { bench: Bench }).bench.load(text, 0), seed);
  const floor = await measure(browser, plain, 0, 0);
  await plain.close();

  const crux = await browser.context.newPage();
  await crux.goto(`${url}crux.html`);
  const loaded = await crux.evaluate(([text, count]) => (window as unknown as { bench: Bench }).bench.load(text, count), [seed, COUNT] as const);
  // First as the app opens (annotation panel in its hidden tab), then with the panel's list of all of them shown.
  const hidden = await measure(browser, crux, COUNT);
  await crux.evaluate(() => (window as unknown as { bench: Bench }).bench.showPanel(true));
  const withPanel = await measure(browser, crux, COUNT + CREATES);
  // A change the panel answers by re-reading every annotation (here: a hub added), traced:
  // the longest task on the page's main thread is how long a keystroke could wait.
  const rereads: { longestFrame: number; ms: number; longestTask: number }[] = [];
  const cdp = await browser.context.newCDPSession(crux);
  for (let round = 1; round <= 5; round++) {
    const stop = await startTrace(cdp);
    const r = await call(crux, 'rereadAll', round);
    rereads.push({ ...r, longestTask: longestMainTask(await stop()) });
  }
  await cdp.detach();
  const reread = { frame: stats(rereads.map((r) => r.longestFrame)), task: stats(rereads.map((r) => r.longestTask)), ms: stats(rereads.map((r) => r.ms)) };

  const recogito = await browser.context.newPage();
  await recogito.goto(`${url}recogito.html`);
  const other = await recogito.evaluate(([text, count]) => (window as unknown as { bench: RecogitoBench }).bench.load(text, count), [loaded.documentText, COUNT] as const);

  const verdict = (ms: number) => (ms <= TARGET_MS ? 'within target' : 'OVER TARGET');
  const ms = (x: number) => `${x.toFixed(1)} ms`;
  const both = (s: ReturnType<typeof stats>) => `median ${ms(s.median)}, p95 ${ms(s.p95)}`;
  const judged = (s: ReturnType<typeof stats>) => `${both(s)} — ${verdict(s.median)} (${TARGET_MS} ms)`;
  console.log(`highlights: ${COUNT} annotations on the seed article, Chromium, production build; ${KEYS} keys and ${CREATES} new annotations a phase\n`);
  console.log('"Work" is the main thread\'s CPU time from the input to the end of the frame that shows it (trace);');
  console.log('"to painted frame" is the time from the key to that frame, including the wait for it.\n');
  console.log('| measure | result |');
  console.log('|---|---|');
  console.log(`| Crux: render all highlights (mount to painted frame) | ${loaded.ms.toFixed(0)} ms (${loaded.spans} spans) |`);
  console.log(`| Crux: keystroke, work | ${judged(hidden.keyWork)} |`);
  console.log(`| Crux: keystroke, the same tasks' wall time | ${both(hidden.keyWall)} |`);
  console.log(`| Crux: keystroke to painted frame | ${both(hidden.keys)} (script part ${both(hidden.keyScript)}) |`);
  console.log(`| Crux: new annotation, work | ${judged(hidden.createWork)} |`);
  console.log(`| Crux: new annotation to painted frame | ${both(hidden.create)} |`);
  console.log(`| Crux: a colleague's keystroke arriving (Yjs update), work | ${judged(hidden.remoteWork)} |`);
  console.log(`| Crux: a colleague's keystroke arriving, to painted frame | ${both(hidden.remote)} |`);
  console.log(`| Crux, annotation panel shown: keystroke, work | ${judged(withPanel.keyWork)} |`);
  console.log(`| Crux, annotation panel shown: keystroke to painted frame | ${both(withPanel.keys)} |`);
  console.log(`| Crux, annotation panel shown: new annotation, work | ${judged(withPanel.createWork)} |`);
  console.log(`| Crux, annotation panel shown: new annotation to painted frame | ${both(withPanel.create)} |`);
  console.log(`| The same reader without highlights: keystroke, work | ${both(floor.keyWork)} |`);
  console.log(`| The same reader without highlights: keystroke to painted frame | ${both(floor.keys)} |`);
  console.log(`| Crux, annotation panel shown: full re-read (a hub added), 5 times | longest main-thread task median ${reread.task.median.toFixed(1)} ms, max ${reread.task.max.toFixed(1)} ms; longest frame median ${reread.frame.median.toFixed(1)} ms; shown after median ${reread.ms.median.toFixed(0)} ms |`);
  console.log(`| @recogito/text-annotator (SPANS): render the same ${COUNT} | ${other.ms.toFixed(0)} ms (${other.spans} spans on screen) |`);
} finally {
  await browser.close();
  await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
}
