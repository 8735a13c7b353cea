import { describe, expect, it } from 'vitest';
import { runSliced, type SliceClock } from './sliced-run';

/** A clock that advances `perStep` ms for each step run, and runs scheduled slices when told. */
function manualClock(perStep: number) {
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
    step: () => (time += perStep),
    pending: () => queue.length,
    runNext: () => queue.shift()?.(),
  };
}

describe('running a long loop in slices', () => {
  it('finishes a short loop before returning', () => {
    const m = manualClock(0.01);
    const seen: number[] = [];
    let done = false;
    const run = runSliced(5, (i) => seen.push(i), () => (done = true), m.clock);
    expect(seen).toEqual([0, 1, 2, 3, 4]);
    expect(done).toBe(true);
    expect(run.finished).toBe(true);
    expect(m.pending()).toBe(0);
  });

  it('gives the page back after about the budget, and goes on where it stopped', () => {
    const m = manualClock(0.1);
    const seen: number[] = [];
    let done = false;
    const run = runSliced(
      1000,
      (i) => {
        seen.push(i);
        m.step();
      },
      () => (done = true),
      m.clock,
      8,
    );
    const first = seen.length;
    expect(first).toBeGreaterThanOrEqual(80);
    expect(first).toBeLessThan(120);
    expect(done).toBe(false);
    expect(m.pending()).toBe(1);
    while (m.pending()) m.runNext();
    expect(seen).toEqual([...Array(1000).keys()]);
    expect(done).toBe(true);
    expect(run.finished).toBe(true);
  });

  it('runs no further step, nor done, once cancelled', () => {
    const m = manualClock(1);
    let steps = 0;
    let done = false;
    const run = runSliced(100, () => (steps++, m.step()), () => (done = true), m.clock, 8);
    const before = steps;
    run.cancel();
    expect(m.pending()).toBe(0);
    expect(steps).toBe(before);
    expect(done).toBe(false);
    expect(run.finished).toBe(false);
  });

  it('refuses a count that is not a whole number ≥ 0, running nothing', () => {
    let ran = false;
    expect(() => runSliced(-1, () => (ran = true), () => (ran = true))).toThrow('runSliced: count must be a whole number ≥ 0, not -1');
    expect(() => runSliced(2.5, () => (ran = true), () => (ran = true))).toThrow('runSliced: count must be a whole number ≥ 0, not 2.5');
    expect(ran).toBe(false);
  });
});
