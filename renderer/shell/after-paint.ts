// Runs work once the next frame has been painted, in one task right after that frame, so
// what the user waits to see comes first and what can wait (the map, the side lists)
// follows without leaving the screen blank. It also tells when that frame was done.

/** Receives the time (performance.now()) at which the painted frame's task had ended. */
export type AfterPaintCallback = (paintedAt: number) => void;

let waiting: AfterPaintCallback[] | null = null;

/**
 * Calls `callback` in the first task after the next frame, with the time that task
 * started. Callbacks registered before the same frame run in one task, in the order they
 * were registered.
 */
export function afterNextPaint(callback: AfterPaintCallback): void {
  if (waiting) {
    waiting.push(callback);
    return;
  }
  const batch = [callback];
  waiting = batch;
  requestAnimationFrame(() => {
    // Anything registered from now on is for a later frame.
    waiting = null;
    // A message posted from a frame callback runs after that frame's style, layout and
    // paint, which run in the same task as the frame callbacks.
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      const paintedAt = performance.now();
      channel.port1.close();
      for (const run of batch) run(paintedAt);
    };
    channel.port2.postMessage(null);
  });
}
