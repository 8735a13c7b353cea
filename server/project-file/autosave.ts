// Continuous autosave: collects a live document's updates and appends them to its project
// file in batches, at most `delayMs` after the first of a batch arrived. A crash loses at
// most that much work, and the disk sees a few fsyncs a second however fast people type.
import type { CruxFile } from './crux-file';
import type { AppendEntry } from './types';
import { checkAppendEntry } from './validate';

/** How an Autosave batches and tidies. */
export interface AutosaveOptions {
  /** Longest an update waits before it is written, in milliseconds (default 250). */
  delayMs?: number;
  /** Compact the file once this many updates are pending in it (default 1000). */
  compactAfter?: number;
  /**
   * Called when a save or a compaction fails (a full disk, say). The updates stay queued
   * and are tried again a little later; nothing already saved is affected.
   */
  onError?: (error: unknown) => void;
}

/** Saves the updates pushed into it to one project file, continuously. */
export class Autosave {
  private readonly delayMs: number;
  private readonly compactAfter: number;
  private readonly onError: (error: unknown) => void;
  private queue: Required<AppendEntry>[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;

  constructor(
    private readonly file: CruxFile,
    options: AutosaveOptions = {},
  ) {
    this.delayMs = options.delayMs ?? 250;
    this.compactAfter = options.compactAfter ?? 1000;
    this.onError = options.onError ?? (() => {});
  }

  /** Queues one Yjs update; throws `invalid-input` (and queues nothing) if it is not one. */
  push(update: Uint8Array, origin = ''): void {
    if (this.closed) throw new Error('This autosave is closed.');
    const row = checkAppendEntry({ update, origin, at: Date.now() });
    this.queue.push({ update: row.data, origin: row.origin, at: row.at });
    this.schedule(this.delayMs);
  }

  /** Updates waiting to be written. */
  get queued(): number {
    return this.queue.length;
  }

  /** Writes everything queued now, in one transaction; returns whether it all got written. */
  flush(): boolean {
    this.clearTimer();
    if (this.queue.length > 0) {
      try {
        this.file.appendUpdates(this.queue);
        this.queue = [];
      } catch (error) {
        this.onError(error);
        // Try again later, not at once: the disk is not likely to recover in 250 ms.
        this.schedule(this.delayMs * 8);
        return false;
      }
    }
    if (this.file.pendingUpdates >= this.compactAfter) {
      try {
        this.file.compact();
      } catch (error) {
        this.onError(error);
      }
    }
    return true;
  }

  /** Writes what is queued and stops; the file stays open. Returns whether it all got written. */
  close(): boolean {
    const flushed = this.flush();
    this.clearTimer();
    this.closed = true;
    return flushed;
  }

  private schedule(delay: number): void {
    if (this.timer || this.closed) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.flush();
    }, delay);
    // A pending save must not keep a process alive that is otherwise done; close() saves.
    this.timer.unref?.();
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
