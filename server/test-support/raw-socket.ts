// A bare WebSocket client for tests that must send what a provider never would.
import * as decoding from 'lib0/decoding';
import WebSocket from 'ws';
import { authFrame } from './messages';
import { waitFor } from './wait';

/** An open raw socket and what it received. */
export interface RawSocket {
  readonly ws: WebSocket;
  readonly received: Uint8Array[];
  /** Resolves with the close code and reason once the socket closes. */
  readonly closed: Promise<{ code: number; reason: string }>;
  send(data: Uint8Array | string): void;
  /** Sends the auth frame for `doc` and waits for the server's answer ("authenticated" or the denial reason). */
  authenticate(doc: string, token: string): Promise<string>;
  close(): void;
}

/** Opens a raw socket; rejects with the HTTP status if the upgrade is refused. */
export function openRaw(url: string, headers: Record<string, string> = {}): Promise<RawSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.binaryType = 'nodebuffer';
    const received: Uint8Array[] = [];
    const closed = new Promise<{ code: number; reason: string }>((done) =>
      ws.on('close', (code, reason) => done({ code, reason: reason.toString('utf8') })),
    );
    ws.on('message', (data: Buffer) => received.push(new Uint8Array(data)));
    ws.on('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: HTTP ${res.statusCode}`)));
    ws.on('error', reject);
    ws.on('open', () =>
      resolve({
        ws,
        received,
        closed,
        send: (data) => ws.send(data),
        async authenticate(doc, token) {
          const before = received.length;
          ws.send(authFrame(doc, token));
          let answer: string | undefined;
          await waitFor(() => {
            for (const message of received.slice(before)) {
              const d = decoding.createDecoder(message);
              decoding.readVarString(d);
              if (decoding.readVarUint(d) !== 2) continue;
              const kind = decoding.readVarUint(d);
              answer = kind === 2 ? 'authenticated' : decoding.readVarString(d);
              return true;
            }
            return false;
          }, `the server to answer authentication for ${doc}`);
          return answer!;
        },
        close: () => ws.close(),
      }),
    );
  });
}
