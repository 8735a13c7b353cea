// Hocuspocus providers for tests: real clients over real WebSockets (ws on Node).
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { waitFor } from './wait';

/** One connected test client. */
export interface TestClient {
  readonly doc: Y.Doc;
  readonly provider: HocuspocusProvider;
  readonly socket: HocuspocusProviderWebsocket;
  /** Reasons the server gave for refusing authentication. */
  readonly authFailures: string[];
  /** Close events the client saw (code and reason). */
  readonly closes: { code: number; reason: string }[];
  /** Resolves once the first sync finished. */
  synced(timeoutMs?: number): Promise<void>;
  /** Resolves once the server acknowledged every local change. */
  acknowledged(timeoutMs?: number): Promise<void>;
  /** Disconnects and frees the client. */
  destroy(): void;
}

/** Options of a test client. */
export interface ClientOptions {
  url: string;
  doc: string;
  token: string;
  /** An existing Y.Doc to sync (default: a new one). */
  ydoc?: Y.Doc;
  /** Reconnect delay in ms (default 100, so restarts are picked up quickly). */
  retryDelayMs?: number;
  /** HTTP headers of the WebSocket upgrade (as a reverse proxy would add them). */
  headers?: Record<string, string>;
}

/** Connects a provider; it starts syncing at once (await `synced()`). */
export function connectClient(options: ClientOptions): TestClient {
  const doc = options.ydoc ?? new Y.Doc();
  const delay = options.retryDelayMs ?? 100;
  const socket = new HocuspocusProviderWebsocket({
    url: options.url,
    WebSocketPolyfill: options.headers ? withHeaders(options.headers) : WebSocket,
    delay,
    minDelay: delay,
    maxDelay: delay * 4,
    factor: 1.5,
  });
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: options.doc, document: doc, token: options.token });
  const authFailures: string[] = [];
  const closes: { code: number; reason: string }[] = [];
  provider.on('authenticationFailed', ({ reason }: { reason: string }) => authFailures.push(reason));
  socket.on('close', ({ event }: { event: { code: number; reason: string } }) =>
    closes.push({ code: event.code, reason: event.reason }),
  );
  provider.attach();
  return {
    doc,
    provider,
    socket,
    authFailures,
    closes,
    synced: (timeoutMs) => waitFor(() => provider.isSynced, `client of ${options.doc} to sync`, timeoutMs),
    acknowledged: (timeoutMs) =>
      waitFor(
        () => provider.isSynced && !provider.hasUnsyncedChanges,
        `the server to acknowledge every change of a client of ${options.doc}`,
        timeoutMs,
      ),
    destroy() {
      provider.destroy();
      socket.destroy();
    },
  };
}

/** A WebSocket class that sends `headers` with its upgrade request. */
function withHeaders(headers: Record<string, string>): typeof WebSocket {
  return class extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  } as typeof WebSocket;
}
