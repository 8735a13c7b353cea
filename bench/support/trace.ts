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

/** CPU and wall time of the renderer's threads over a span of a trace, in ms. */
export interface SpanWork {
  /** The page's main thread. */
  readonly main: InputWork;
  /** The page's dedicated workers (the import worker), together. */
  readonly workers: InputWork;
}

/**
 * The work of the page's main thread and of its workers from the page's mark `from` to its
 * mark `to`: every top-level task that ended after `from` and began before `to`, counted
 * whole. Time the threads sat idle (waiting for the network, IndexedDB, the next frame or
 * a busy machine's CPU) is in neither figure's `cpu`.
 */
export function workBetween(trace: readonly TraceEvent[], from: string, to: string): SpanWork {
  const start = trace.find(isMark(from));
  const end = trace.find(isMark(to));
  if (!start || !end) throw new Error(`the trace lacks the mark ${start ? to : from}`);
  const main = `${start.pid}:${start.tid}`;
  const workers = new Set(
    trace
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === start.pid && e.args?.name === 'DedicatedWorker thread')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const sum = (thread: (key: string) => boolean): InputWork => {
    let cpu = 0;
    let wall = 0;
    for (const e of trace) {
      if (e.ph !== 'X' || e.name !== 'ThreadControllerImpl::RunTask' || e.dur === undefined) continue;
      if (!thread(`${e.pid}:${e.tid}`) || e.ts + e.dur <= start.ts || e.ts >= end.ts) continue;
      cpu += e.tdur ?? e.dur;
      wall += e.dur;
    }
    return { cpu: cpu / 1000, wall: wall / 1000 };
  };
  return { main: sum((key) => key === main), workers: sum((key) => workers.has(key)) };
}
