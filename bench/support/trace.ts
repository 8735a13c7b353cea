// Reading a Chromium trace for the benchmarks: the page's main thread and how much work
// it did from an input (a key press, a marked call) until the frame that shows its result.
import type { CDPSession } from 'playwright-core';

/** One event of a Chromium trace (the fields the benchmarks read). */
export interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  pid: number;
  tid: number;
  /** Start, µs. */
  ts: number;
  /** Wall duration, µs. */
  dur?: number;
  /** Thread (CPU) duration, µs, where Chromium records it. */
  tdur?: number;
  args?: { name?: string; data?: { type?: string } };
}

/** Categories that hold tasks, input events, frames and `performance.mark`s. */
export const TRACE_CATEGORIES = 'devtools.timeline,disabled-by-default-devtools.timeline.frame,toplevel,blink,blink.user_timing';

/** Starts tracing the page of `cdp`; the returned function stops and returns the events. */
export async function startTrace(cdp: CDPSession): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  const collect = (event: { value: object[] }) => events.push(...(event.value as TraceEvent[]));
  cdp.on('Tracing.dataCollected', collect);
  await cdp.send('Tracing.start', { categories: TRACE_CATEGORIES, transferMode: 'ReportEvents' });
  return async () => {
    const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', collect);
    return events;
  };
}

/** The renderer main thread that produced the most frames (the page's), as "pid:tid". */
export function pageMainThread(trace: readonly TraceEvent[]): string {
  const frames = new Map<string, number>();
  for (const e of trace) if (e.name === 'WebFrameWidgetImpl::BeginMainFrame') frames.set(`${e.pid}:${e.tid}`, (frames.get(`${e.pid}:${e.tid}`) ?? 0) + 1);
  const [thread] = [...frames].sort((x, y) => y[1] - x[1])[0] ?? [''];
  return thread;
}

/** What one input cost the page's main thread until its frame was painted, in ms. */
export interface InputWork {
  /** CPU time of the main thread's tasks from the input's task to the end of the frame that paints it. */
  readonly cpu: number;
  /** The same tasks' wall time (includes the time a busy machine did not run the thread). */
  readonly wall: number;
}

/**
 * For each input event chosen by `isInput` (on the page's main thread): the work of every
 * top-level task from the one that ran it up to and including the first task after it
 * that updated the page's rendering (style, layout, paint, commit). Idle time waiting for
 * the next frame is not work and is not counted.
 */
export function workToPaint(trace: readonly TraceEvent[], isInput: (e: TraceEvent) => boolean): InputWork[] {
  const thread = pageMainThread(trace);
  const onThread = trace.filter((e) => `${e.pid}:${e.tid}` === thread).sort((a, b) => a.ts - b.ts);
  const tasks = onThread.filter((e) => e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && e.dur !== undefined);
  const updates = onThread.filter((e) => e.ph === 'X' && e.name === 'WebFrameWidgetImpl::UpdateLifecycle');
  const taskAt = (ts: number) => tasks.find((t) => t.ts <= ts && ts <= t.ts + t.dur!);
  const out: InputWork[] = [];
  for (const input of onThread.filter(isInput)) {
    const first = taskAt(input.ts);
    if (!first) continue;
    const frame = updates.find((u) => u.ts >= first.ts + first.dur!);
    const last = frame && taskAt(frame.ts);
    if (!last) continue;
    const spanned = tasks.filter((t) => t.ts >= first.ts && t.ts <= last.ts);
    out.push({
      cpu: spanned.reduce((sum, t) => sum + (t.tdur ?? t.dur!), 0) / 1000,
      wall: spanned.reduce((sum, t) => sum + t.dur!, 0) / 1000,
    });
  }
  return out;
}

/** Whether `e` is the dispatch of a key press (its keydown). */
export const isKeydown = (e: TraceEvent): boolean => e.name === 'EventDispatch' && e.args?.data?.type === 'keydown';

/** Whether `e` is the page's `performance.mark(name)`. */
export const isMark =
  (name: string) =>
  (e: TraceEvent): boolean =>
    e.name === name && (e.cat ?? '').includes('blink.user_timing');
