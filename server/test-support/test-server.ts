// Starts an in-process sync server for a test: free port, a fresh SQLite file in a temp
// folder, logs captured in memory; `stop()` closes it and removes the folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCruxServer, type CruxServer } from '../create-server';
import type { CruxServerOptions } from '../options';
import { MemoryLogger } from './memory-logger';

/** A server under test. */
export interface TestServer {
  server: CruxServer;
  logger: MemoryLogger;
  /** The SQLite file (when the test did not pass its own store). */
  dbPath: string;
  /** Closes the server and deletes its temp folder. */
  stop(): Promise<void>;
}

/** Starts a server on 127.0.0.1 with a free port; options override the test defaults. */
export async function startTestServer(options: CruxServerOptions = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'crux-server-test-'));
  const dbPath = join(dir, 'test.db');
  const logger = new MemoryLogger();
  let server: CruxServer;
  try {
    server = await createCruxServer({
      host: '127.0.0.1',
      port: 0,
      store: { kind: 'sqlite', path: dbPath },
      logger,
      idleUnloadSeconds: 0,
      ...options,
    });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    server,
    logger,
    dbPath,
    async stop() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
