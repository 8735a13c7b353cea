// The server side of bench/sync-latency.ts, in its own process so its heap can be
// measured apart from the 100 clients: either the Crux sync server or a plain
// y-websocket server (@y/websocket-server). Talks to the parent over IPC.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setupWSConnection } from '@y/websocket-server/utils';
import { WebSocketServer } from 'ws';
import { createCruxServer, silentLogger } from '../../server';

/** Messages from the parent. */
export type ToChild = { type: 'heap' } | { type: 'stop' };
/** Messages to the parent. */
export type FromChild =
  | { type: 'ready'; port: number; token: string }
  | { type: 'heap'; bytes: number }
  | { type: 'stopped' };

const kind = process.argv[2];
const send = (message: FromChild) => process.send!(message);

async function start(): Promise<() => Promise<void>> {
  if (kind === 'crux') {
    const dir = mkdtempSync(join(tmpdir(), 'crux-bench-'));
    const server = await createCruxServer({
      port: 0,
      store: { kind: 'sqlite', path: join(dir, 'bench.db') },
      logger: silentLogger,
      idleUnloadSeconds: 0,
    });
    const owner = await server.tokens.createDocument('bench');
    send({ type: 'ready', port: server.port, token: owner.token });
    return async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    };
  }
  if (kind === 'y-websocket') {
    const http = createServer();
    const wss = new WebSocketServer({ server: http });
    wss.on('connection', (conn, req) => setupWSConnection(conn, req));
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    send({ type: 'ready', port: (http.address() as AddressInfo).port, token: '' });
    return async () => {
      for (const client of wss.clients) client.terminate();
      await new Promise((resolve) => http.close(resolve));
    };
  }
  throw new Error(`unknown server kind "${kind}" (crux or y-websocket)`);
}

const stop = await start();
process.on('message', (message: ToChild) => {
  if (message.type === 'heap') {
    // Two collections: the first may leave finalisers for the second.
    global.gc?.();
    global.gc?.();
    send({ type: 'heap', bytes: process.memoryUsage().heapUsed });
  } else if (message.type === 'stop') {
    void stop().then(() => {
      send({ type: 'stopped' });
      process.exit(0);
    });
  }
});
