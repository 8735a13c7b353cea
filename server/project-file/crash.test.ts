// The crash test: a writer process appends to a project as fast as it can (compacting and
// refreshing the backup every few dozen appends) and is killed with SIGKILL at a random
// moment, over and over. After every kill the file must open as it is, and hold every
// append the writer had acknowledged — no corruption, no lost work.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { expect, it } from 'vitest';
import { CruxFile } from './crux-file';
import { tempFolder } from './test-support/project';
import { LOG_ROOT, parseLog } from './test-support/writer-log';
import { bundleWriter, startWriter, type WriterProcess } from './test-support/writer-process';
import { seededRandom } from '../../shared/test-support/random';

/** How many times the writer is killed. */
const KILLS = 200;
/** Projects killed side by side. */
const LANES = 2;
/** Writers started ahead in each lane. */
const WARM_WRITERS = 3;
/** The writer compacts (and writes the backup) after this many appends. */
const COMPACT_EVERY = 25;
/** Longest a writer runs before it is killed, in milliseconds. */
const MAX_RUN_MS = 60;
/** Share of kills timed from the start rather than from the file being open. */
const EARLY_KILLS = 0.15;


/** Opens the project as the next session would and returns its log; the file must open. */
function readLog(path: string): number[] {
  const file = CruxFile.open(path);
  try {
    return parseLog(file.loadDoc().getText(LOG_ROOT).toString());
  } finally {
    file.close({ compact: false });
  }
}

/** What one lane of kills saw. */
interface LaneResult {
  kills: number;
  killedWhileOpening: number;
  acknowledged: number;
}

/**
 * Kills writers on one project `kills` times and checks the file after each kill. The
 * writers start ahead of time, so their start-up overlaps the kills before them.
 */
async function killLane(bundle: string, path: string, kills: number, next: () => number, seed: number): Promise<LaneResult> {
  const warm: WriterProcess[] = [];
  const refill = () => {
    while (warm.length < WARM_WRITERS) warm.push(startWriter(bundle, path, COMPACT_EVERY));
  };
  const result: LaneResult = { kills: 0, killedWhileOpening: 0, acknowledged: 0 };
  try {
    refill();
    while (result.kills < kills) {
      const writer = warm.shift()!;
      refill();
      await writer.ready;
      writer.go();
      // Most kills land while appending or compacting; some while opening or creating.
      if (next() >= EARLY_KILLS) await Promise.race([writer.whenOpen, sleep(2000)]);
      await sleep(Math.floor(next() * MAX_RUN_MS));
      const end = await writer.kill();
      result.kills++;
      const context = `seed ${seed}, ${path}, kill ${result.kills}`;
      expect(end.signal, `${context}: the writer failed on its own: ${end.stderr}`).toBe('SIGKILL');
      if (!writer.opened()) result.killedWhileOpening++;
      result.acknowledged = Math.max(result.acknowledged, writer.acked());
      // Killed while creating the file: then it must not exist at all (never half-made).
      if (!existsSync(path)) {
        expect(result.acknowledged, context).toBe(0);
        continue;
      }
      const log = readLog(path);
      const gap = log.findIndex((n, i) => n !== i + 1);
      expect(gap, `${context}: the log skips after ${log[gap - 1]}`).toBe(-1);
      expect(log.length, `${context}: acknowledged appends are missing`).toBeGreaterThanOrEqual(result.acknowledged);
    }
  } finally {
    await Promise.all(warm.map((w) => w.kill()));
  }
  return result;
}

it(`keeps every acknowledged append through ${KILLS} kills at random moments`, { timeout: 150_000 }, async () => {
  const seed = Number(process.env.CRUX_CRASH_SEED ?? Date.now() % 1_000_000);
  // Seeded, so a failing run can be repeated with CRUX_CRASH_SEED.
  const next = seededRandom(seed);
  const folder = tempFolder();
  const bundle = bundleWriter(folder);
  // Two projects killed side by side: each kill mostly waits on process start and exit,
  // so two lanes take little longer than one.
  const lanes = await Promise.all(
    Array.from({ length: LANES }, (_, i) => killLane(bundle, join(folder, `crash-${i}.crux`), KILLS / LANES, next, seed)),
  );
  const total = (key: keyof LaneResult) => lanes.reduce((sum, lane) => sum + lane[key], 0);
  console.log(
    `crash test (seed ${seed}): ${total('kills')} kills, ${total('killedWhileOpening')} of them before the file was open; ` +
      `${total('acknowledged')} appends acknowledged, every one of them found after each kill`,
  );
  expect(total('kills')).toBe(KILLS);
  expect(total('acknowledged')).toBeGreaterThan(KILLS);
});
