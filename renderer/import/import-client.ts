// The page's side of the import worker: hands it a file, relays its progress and turns
// its answer back into an ImportResult (or a rejected ImportError). One worker serves
// every import; it starts when the page does, so the first open does not wait for it.
import { schema } from '../../shared/schema';
import { ImportError, type ImportResult, type ImportSource } from '../../shared/import/types';
import type { ImportReply, ImportRequest } from './import-protocol';

/** Receives progress of an import: a fraction in [0, 1] and a stage label. */
export type ProgressListener = (fraction: number, stage: string) => void;

interface Pending {
  resolve(result: ImportResult): void;
  reject(error: Error): void;
  onProgress: ProgressListener;
}

/** Runs imports in a Web Worker. */
export class ImportClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  /** `createWorker` builds the worker (a parameter so tests and benchmarks can count starts). */
  constructor(private readonly createWorker: () => Worker = defaultWorker) {}

  /** Starts the worker now rather than on the first import. */
  warm(): void {
    this.ensureWorker();
  }

  /**
   * Imports `source` in the worker. Aborting `signal` rejects with an ImportError coded
   * `cancelled`; the worker, which may be stuck in a file built to stall it, is stopped and
   * a fresh one started, so the next open does not wait behind it.
   */
  import(source: ImportSource, onProgress: ProgressListener = () => {}, signal?: AbortSignal): Promise<ImportResult> {
    if (signal?.aborted) return Promise.reject(cancelledError());
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise<ImportResult>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onProgress });
      signal?.addEventListener('abort', () => this.cancel(id), { once: true });
      // Copied, not transferred: the caller keeps the bytes (for the recent-files list).
      const request: ImportRequest = { id, name: source.name, bytes: source.bytes };
      worker.postMessage(request);
    });
  }

  /** Stops the import `id` if it is still running (see `import`). */
  private cancel(id: number): void {
    if (!this.pending.has(id)) return;
    // A worker runs one import at a time and cannot be interrupted: stop it. Imports queued
    // behind the cancelled one belong to requests a newer one already replaced.
    this.worker?.terminate();
    this.worker = null;
    this.failAll(cancelledError());
    this.warm();
  }

  /** Stops the worker; imports under way reject. */
  dispose(): void {
    this.failAll(new Error('The import was cancelled.'));
    this.worker?.terminate();
    this.worker = null;
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = this.createWorker();
    worker.onmessage = (event: MessageEvent<ImportReply>) => this.handle(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      // A crashed worker is replaced on the next import; the ones under way fail.
      this.worker?.terminate();
      this.worker = null;
      this.failAll(new Error(`The importer stopped unexpectedly (${event.message || 'no details'}).`));
    };
    this.worker = worker;
    return worker;
  }

  private handle(reply: ImportReply): void {
    const job = this.pending.get(reply.id);
    if (!job) return;
    if (reply.type === 'progress') {
      job.onProgress(reply.fraction, reply.stage);
      return;
    }
    this.pending.delete(reply.id);
    if (reply.type === 'done') {
      try {
        job.resolve({ doc: schema.nodeFromJSON(reply.doc), format: reply.format, warnings: reply.warnings });
      } catch (error) {
        job.reject(new Error(`The importer produced a document Crux cannot show (${(error as Error).message}).`));
      }
    } else {
      job.reject(reply.code ? new ImportError(reply.code, reply.message) : new Error(reply.message));
    }
  }

  private failAll(error: Error): void {
    for (const job of this.pending.values()) job.reject(error);
    this.pending.clear();
  }
}

function cancelledError(): ImportError {
  return new ImportError('cancelled', 'The import was cancelled.');
}

function defaultWorker(): Worker {
  return new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module', name: 'crux-import' });
}
