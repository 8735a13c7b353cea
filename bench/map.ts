// Benchmark: the argument map with 2,000 nodes and 4,000 edges, in Chromium, with the
// production build (DESIGN.md §7: layout under 2 s, panning and zooming smooth, i.e.
// frames under 16 ms). The map is made in Node with the shared model (4 hubs, 1,996
// claims, each linked to a hub and to another claim), stored in the project's local
// copy (IndexedDB, as y-indexeddb keeps it) and opened by reloading the app. Layout
// time is the app's own User Timing measure "crux:map-layout"; frame times are the
// intervals between animation frames while the mouse pans (drag) and zooms (wheel).
// Run: npm run bench -- map [--nodes N] [--edges M]
import * as Y from 'yjs';
import { addClaim, addLink, createLocalOrigin, ensureDefaultHubs, DEFAULT_HUBS } from '../shared/model';
import { launchBrowser } from '../e2e/support/browser';
import { serveBuiltRenderer } from './support/serve-build';

const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? Math.max(1, Number(process.argv[at + 1]) || fallback) : fallback;
};
const NODES = arg('--nodes', 2000);
const EDGES = arg('--edges', 4000);

/** A seeded generator, so every run draws the same map. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

function syntheticMap(): Uint8Array {
  const doc = new Y.Doc();
  ensureDefaultHubs(doc);
  const me = createLocalOrigin('bench');
  const claims: string[] = [];
  for (let i = claims.length + DEFAULT_HUBS.length; i < NODES; i++) claims.push(addClaim(doc, { text: `Synthetic claim number ${i}`, author: 'bench' }, me));
  const next = random(7);
  let edges = 0;
  for (let i = 0; edges < EDGES; i++) {
    const source = claims[i % claims.length]!;
    // Every other link goes to a hub, the rest to another claim.
    const target = i % 2 === 0 ? DEFAULT_HUBS[Math.floor(next() * DEFAULT_HUBS.length)]!.id : claims[Math.floor(next() * claims.length)]!;
    if (target === source) continue;
    const before = doc.getMap('edges').size;
    addLink(doc, { source, target, relation: next() < 0.7 ? 'supports' : 'challenges', author: 'bench', strength: (1 + Math.floor(next() * 3)) as 1 | 2 | 3 }, me);
    edges += doc.getMap('edges').size - before;
  }
  return Y.encodeStateAsUpdate(doc);
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};

const update = syntheticMap();
const served = await serveBuiltRenderer();
const browser = await launchBrowser({ viewport: { width: 1440, height: 900 } });
try {
  const page = await browser.context.newPage();
  await page.goto(served.url);
  await page.getByRole('toolbar', { name: 'Document' }).waitFor();
  // A project with a small reading, so the app reopens it after a reload.
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Open…' }).click()]);
  await chooser.setFiles({ name: 'bench.txt', mimeType: 'text/plain', buffer: Buffer.from('A reading for the map benchmark.\n\nA second paragraph.\n') });
  await page.locator('.crux-reading').waitFor({ timeout: 60_000 });
  await page.waitForTimeout(500);
  await page.evaluate(async (bytes) => {
    const id = localStorage.getItem('crux.last-project');
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open(`crux-project-${id}`);
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('updates', 'readwrite');
      tx.objectStore('updates').add(new Uint8Array(bytes));
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, [...update]);

  await page.reload();
  await page.waitForFunction(() => performance.getEntriesByName('crux:map-layout', 'measure').length > 0, null, { timeout: 120_000 });
  const layout = await page.evaluate(() => {
    const m = performance.getEntriesByName('crux:map-layout', 'measure')[0] as PerformanceMeasure;
    return { ms: m.duration, ...(m.detail as { nodes: number; edges: number }) };
  });
  await page.waitForTimeout(1000);

  const box = (await page.getByRole('application', { name: 'Argument map' }).boundingBox())!;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  // (A string, not a function: tsx would wrap named inner functions in a __name() the page lacks.)
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__stop = false;
    let last = performance.now();
    const tick = (now) => {
      window.__frames.push(now - last);
      last = now;
      if (!window.__stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  // Pan: drag across the map and back, three times; zoom: wheel in and out.
  for (let round = 0; round < 3; round++) {
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    for (let i = 1; i <= 30; i++) await page.mouse.move(cx + i * 6, cy + i * 3);
    for (let i = 29; i >= 0; i--) await page.mouse.move(cx + i * 6, cy + i * 3);
    await page.mouse.up();
    for (let i = 0; i < 10; i++) await page.mouse.wheel(0, -60);
    for (let i = 0; i < 10; i++) await page.mouse.wheel(0, 60);
  }
  const frames = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __stop: boolean };
    w.__stop = true;
    return w.__frames.slice(1);
  });
  const webgl = await page.evaluate(() => document.createElement('canvas').getContext('webgl2') !== null);
  const p50 = percentile(frames, 50);
  const p95 = percentile(frames, 95);
  console.log(`map: Chromium (headless, --disable-gpu; WebGL2 ${webgl ? 'available' : 'unavailable'}), production build`);
  console.log(`layout of ${layout.nodes} nodes and ${layout.edges} edges: ${layout.ms.toFixed(0)} ms — target 2000 ms — ${layout.ms <= 2000 ? 'within target' : 'OVER TARGET'}`);
  console.log(`pan and zoom, ${frames.length} frames: median ${p50.toFixed(1)} ms, 95th percentile ${p95.toFixed(1)} ms — target 16 ms — ${p95 <= 16.7 ? 'within target' : 'OVER TARGET'}`);
} finally {
  await browser.close();
  await served.close();
}
