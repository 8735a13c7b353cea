// Cancelling an import: the e2e suite (e2e/opening.test.ts) cancels a real worker in
// Chromium; here a worker that never answers stands for one stuck in a file built to
// stall it, to check what the client promises its callers.
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../shared/import/types';
import { ImportClient } from './import-client';

/** A worker that accepts requests and never answers, like one busy with a hostile file. */
class StalledWorker {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  readonly received: unknown[] = [];
  terminated = false;
  postMessage(message: unknown): void {
    this.received.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
}

function clientWithStalledWorkers(): { client: ImportClient; workers: StalledWorker[] } {
  const workers: StalledWorker[] = [];
  const client = new ImportClient(() => {
    const worker = new StalledWorker();
    workers.push(worker);
    return worker as unknown as Worker;
  });
  return { client, workers };
}

const source = (name: string) => ({ name, bytes: new TextEncoder().encode('Some text.') });

describe('cancelling an import', () => {
  it('rejects with a "cancelled" ImportError, stops the stuck worker and starts a fresh one', async () => {
    const { client, workers } = clientWithStalledWorkers();
    const controller = new AbortController();
    const importing = client.import(source('bomb.md'), () => {}, controller.signal);
    controller.abort();
    const error = await importing.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).code).toBe('cancelled');
    expect(workers[0]?.terminated).toBe(true);
    // The next file goes to a new worker, not behind the stuck one.
    expect(workers).toHaveLength(2);
    void client.import(source('next.txt'));
    expect(workers[1]?.received).toHaveLength(1);
    expect(workers[1]?.terminated).toBe(false);
  });

  it('does nothing once the import is over, and refuses at once with a signal already aborted', async () => {
    const { client, workers } = clientWithStalledWorkers();
    const controller = new AbortController();
    controller.abort();
    await expect(client.import(source('late.txt'), () => {}, controller.signal)).rejects.toMatchObject({ code: 'cancelled' });
    expect(workers).toHaveLength(0);
  });
});
