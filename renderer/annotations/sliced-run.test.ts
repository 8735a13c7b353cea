import { describe, expect, it } from 'vitest';
import { runSliced, type Phase, type SliceClock } from './sliced-run';

/** A clock whose time moves only when a step says so, and that runs scheduled slices when told. */
function manualClock() {
  let time = 0;
  const queue: (() => void)[] = [];
  const clock: SliceClock = {
    now: () => time,
    later(fn) {
      queue.push(fn);
      return () => {
        const at = queue.indexOf(fn);
        if (at >= 0) queue.splice(at, 1);
      };
    },
  };
  return {
    clock,
    spend: (ms: number) => (time += ms),
    pending: () => queue.length,
    runNext: () => queue.shift()?.(),
  };
}

/** A phase of `count` steps, each taking `ms` on the clock and recorded in `seen`. */
function phase(name: string, count: number, ms: number, m: ReturnType<typeof manualClock>, seen: string[]): Phase {
  return {
    count: () => count,
    step: (i) => {
      seen.push(`${name}${i}`);
      m.spend(ms);
    },
  };
}

describe('running long work in slices', () => {
  it('finishes short work before returning', () => {
    const m = manualClock();
    const seen: string[] = [];
    let done = false;
    const run = runSliced([phase('a', 3, 0.01, m, seen), phase('b', 2, 0.01, m, seen)], () => (done = true), m.clock);
    expect(seen).toEqual(['a0', 'a1', 'a2', 'b0', 'b1']);
    expect(done).toBe(true);
    expect(run.finished).toBe(true);
    expect(m.pending()).toBe(0);
  });

  it('gives the page back once a slice has used its budget, and goes on where it stopped', () => {
    const m = manualClock();
    const seen: string[] = [];
    let done = false;
    const run = runSliced([phase('a', 100, 1, m, seen), phase('b', 1, 1, m, seen)], () => (done = true), m.clock, 8);
    expect(seen).toHaveLength(8);
    expect(done).toBe(false);
    expect(m.pending()).toBe(1);
    let slices = 1;
    while (m.pending()) {
      m.runNext();
      slices++;
    }
    expect(seen).toEqual([...[...Array(100).keys()].map((i) => `a${i}`), 'b0']);
    expect(slices).toBe(Math.ceil(101 / 8));
    expect(done).toBe(true);
    expect(run.finished).toBe(true);
  });

  it('asks a phase for its count only when it starts (after the phases before it ran)', () => {
    const m = manualClock();
    let items: number[] = [];
    const sum: number[] = [];
    runSliced(
      [
        { count: () => 1, step: () => (items = [1, 2, 3]) },
        { count: () => items.length, step: (i) => sum.push(items[i]!) },
      ],
      () => undefined,
      m.clock,
    );
    expect(sum).toEqual([1, 2, 3]);
  });

  it('runs a step longer than the budget whole, then gives the page back', () => {
    const m = manualClock();
    const seen: string[] = [];
    runSliced([phase('slow', 1, 30, m, seen), phase('b', 2, 0, m, seen)], () => undefined, m.clock, 8);
    expect(seen).toEqual(['slow0']);
    m.runNext();
    expect(seen).toEqual(['slow0', 'b0', 'b1']);
  });

  it('runs no further step, nor done, once cancelled', () => {
    const m = manualClock();
    const seen: string[] = [];
    let done = false;
    const run = runSliced([phase('a', 100, 1, m, seen)], () => (done = true), m.clock, 8);
    run.cancel();
    expect(m.pending()).toBe(0);
    expect(seen).toHaveLength(8);
    expect(done).toBe(false);
    expect(run.finished).toBe(false);
  });

  it('stops at once when a step cancels the run (a newer change restarts the work)', () => {
    const m = manualClock();
    const seen: number[] = [];
    let done = false;
    let run: { cancel(): void } | null = null;
    const step = (i: number) => {
      seen.push(i);
      m.spend(1);
      if (i === 10) run?.cancel();
    };
    run = runSliced([{ count: () => 50, step }], () => (done = true), m.clock, 8);
    while (m.pending()) m.runNext();
    expect(seen).toEqual([...Array(11).keys()]);
    expect(done).toBe(false);
  });

  it('refuses a phase whose count is not a whole number ≥ 0', () => {
    const m = manualClock();
    let done = false;
    expect(() => runSliced([{ count: () => -1, step: () => undefined }], () => (done = true), m.clock)).toThrow('runSliced: phase 1 has -1 steps, not a whole number ≥ 0');
    expect(() => runSliced([{ count: () => 0, step: () => undefined }, { count: () => 2.5, step: () => undefined }], () => (done = true), m.clock)).toThrow(
      'runSliced: phase 2 has 2.5 steps, not a whole number ≥ 0',
    );
    expect(done).toBe(false);
  });
});
