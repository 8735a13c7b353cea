// User Timing marks around opening a file (performance.mark/measure), so the time to
// import, reflow and render shows in the browser's profiler and in bench/open-render.ts.
// They are standard browser entries, not globals, and cost next to nothing.

/** The steps of an open. */
export type OpenStep = 'start' | 'imported' | 'rendered' | 'painted';

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
} as const;

/** Marks a step of the current open. */
export function markOpenStep(step: OpenStep): void {
  performance.mark(`crux:open:${step}`);
}

/** Records the measures of the current open once its first frame has been painted. */
export function measureOpen(): void {
  requestAnimationFrame(() => {
    // A message posted from a frame callback runs after that frame is painted.
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      markOpenStep('painted');
      performance.measure(OPEN_MEASURES.import, 'crux:open:start', 'crux:open:imported');
      performance.measure(OPEN_MEASURES.render, 'crux:open:imported', 'crux:open:rendered');
      performance.measure(OPEN_MEASURES.paint, 'crux:open:rendered', 'crux:open:painted');
      performance.measure(OPEN_MEASURES.total, 'crux:open:start', 'crux:open:painted');
      channel.port1.close();
    };
    channel.port2.postMessage(null);
  });
}
