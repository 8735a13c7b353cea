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

/** Steps of one kind: how many there are (asked when the phase starts), and one step. */
export interface Phase {
  count(): number;
  step(i: number): void;
}

/** How long one slice may run, in ms: well inside a 60 Hz frame. */
export const SLICE_BUDGET_MS = 8;

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
 * Runs each phase's steps in order (phase by phase, `step(0)` … `step(count() - 1)`), then
 * `done()`. The first slice runs at once, so a short run finishes before this returns;
 * a slice ends after the step that passes `budgetMs`, and the next one is scheduled with
 * `clock.later`. A step that alone takes longer than the budget still runs whole, so cut
 * long work into steps. Throws a RangeError if a phase's count is not a whole number ≥ 0.
 */
export function runSliced(phases: readonly Phase[], done: () => void, clock: SliceClock = pageClock, budgetMs = SLICE_BUDGET_MS): SlicedRun {
  let phase = -1;
  let count = 0;
  let next = 0;
  let finished = false;
  let cancelled = false;
  let cancelLater: (() => void) | null = null;

  /** Moves to the next phase with steps left; false when there is none. */
  const advance = (): boolean => {
    while (next >= count) {
      if (++phase >= phases.length) return false;
      count = phases[phase]!.count();
      if (!Number.isInteger(count) || count < 0) throw new RangeError(`runSliced: phase ${phase + 1} has ${count} steps, not a whole number ≥ 0`);
      next = 0;
    }
    return true;
  };

  const slice = () => {
    cancelLater = null;
    if (cancelled) return;
    const until = clock.now() + budgetMs;
    for (;;) {
      if (!advance()) break;
      phases[phase]!.step(next++);
      if (cancelled) return;
      if (clock.now() >= until) {
        cancelLater = clock.later(slice);
        return;
      }
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
