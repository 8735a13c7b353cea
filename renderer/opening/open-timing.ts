// User Timing marks around opening a file (performance.mark/measure), so the time to
// import, reflow and render shows in the browser's profiler and in bench/open-render.ts.
// They are standard browser entries, not globals, and cost next to nothing.
import { afterNextPaint } from '../shell/after-paint';

/** The steps of an open. */
export type OpenStep = 'start' | 'imported' | 'rendered' | 'painted' | 'settled';

/** Names of the measures an open records. */
export const OPEN_MEASURES = {
  /** From the bytes in hand to the first paint of the reading. */
  total: 'crux:open',
  /** Import and reflow, in the worker, including the messages both ways. */
  import: 'crux:open:import',
  /** Writing the reading into the Y.Doc and building the view. */
  render: 'crux:open:render',
  /** Style, layout and paint of the first frame. */
  paint: 'crux:open:paint',
  /**
   * After the first frame: building what was deferred to after it (the map, the outline,
   * the annotation list…), in the task that follows the frame. Not part of `total`.
   */
  deferred: 'crux:open:deferred',
} as const;

/** Marks a step of the current open (now, or at `startTime`). */
export function markOpenStep(step: OpenStep, startTime?: number): void {
  performance.mark(`crux:open:${step}`, startTime === undefined ? undefined : { startTime });
}

/**
 * Records the measures of the current open once its first frame has been painted. Call it
 * after the reading is mounted and its deferred work registered (afterNextPaint), so that
 * work has run by the time this records `settled`.
 */
export function measureOpen(): void {
  afterNextPaint((paintedAt) => {
    // The frame ended when the first task after it began; the deferred work registered
    // before this ran in that task, between then and now.
    markOpenStep('painted', paintedAt);
    markOpenStep('settled');
    performance.measure(OPEN_MEASURES.import, 'crux:open:start', 'crux:open:imported');
    performance.measure(OPEN_MEASURES.render, 'crux:open:imported', 'crux:open:rendered');
    performance.measure(OPEN_MEASURES.paint, 'crux:open:rendered', 'crux:open:painted');
    performance.measure(OPEN_MEASURES.deferred, 'crux:open:painted', 'crux:open:settled');
    performance.measure(OPEN_MEASURES.total, 'crux:open:start', 'crux:open:painted');
  });
}
