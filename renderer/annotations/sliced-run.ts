// Long loops cut into short slices: runs a step for each item, giving the page back
// between slices, so a re-read of thousands of annotations never holds up a keystroke.
// Timing and scheduling come in as functions, so the slicing itself is tested alone.

/** How a sliced run tells time and schedules its next slice. */
export interface SliceClock {
  /** Milliseconds, monotonic. */
  now(): number;
  /** Runs `fn` later (after the page has handled input); returns a function that cancels it. */
  later(fn: () => void): () => void;
}

/** A run in progress. */
export interface SlicedRun {
  /** Whether every step and `done` have run. */
  readonly finished: boolean;
  /** Stops the run: no further step runs, nor `done`. */
  cancel(): void;
}

/** How long one slice may run, in ms: well inside a 60 Hz frame. */
export const SLICE_BUDGET_MS = 8;

/** Steps run between two looks at the clock. */
const CHECK_EVERY = 16;

/** The page's clock: `performance.now`, and an idle callback (or a timeout where there is none). */
export const pageClock: SliceClock = {
  now: () => performance.now(),
  later(fn) {
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(fn, { timeout: 100 });
      return () => cancelIdleCallback(id);
    }
    const id = setTimeout(fn, 0);
    return () => clearTimeout(id);
  },
};

/**
 * Runs `step(i)` for every i in [0, count), in order, then `done()`. The first slice runs
 * at once (so a short run finishes before this returns); each slice stops after about
 * `budgetMs` and the next one is scheduled with `clock.later`.
 */
export function runSliced(count: number, step: (i: number) => void, done: () => void, clock: SliceClock = pageClock, budgetMs = SLICE_BUDGET_MS): SlicedRun {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`runSliced: count must be a whole number ≥ 0, not ${count}`);
  let next = 0;
  let finished = false;
  let cancelled = false;
  let cancelLater: (() => void) | null = null;

  const slice = () => {
    cancelLater = null;
    if (cancelled) return;
    const until = clock.now() + budgetMs;
    while (next < count) {
      step(next++);
      if (next % CHECK_EVERY === 0 && clock.now() >= until) break;
    }
    if (next < count) {
      cancelLater = clock.later(slice);
      return;
    }
    finished = true;
    done();
  };

  slice();
  return {
    get finished() {
      return finished;
    },
    cancel() {
      cancelled = true;
      cancelLater?.();
      cancelLater = null;
    },
  };
}
