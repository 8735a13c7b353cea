// The WebSocket front door of the sync server. Before Hocuspocus sees anything it
// checks the Origin of each upgrade, limits connections, messages and sync requests per IP
// and per socket, caps the message size and what may be queued for a peer, and decodes every frame completely; whatever fails is
// refused with a close code and reason and a log line, and never reaches a document.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Hocuspocus } from '@hocuspocus/server';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { CLOSE, type CloseReason } from '../../shared/sync/close-codes';
import type { Logger } from '../log';
import type { CruxContext, SocketSession } from '../sync/context';
import { FrameError, readFrame } from '../sync/frame';
import { KeyedLimiter, TokenBucket } from './rate-limit';
import { clientAddress } from './client-address';

/** Limits the gate enforces. */
export interface GateLimits {
  /** Largest WebSocket message accepted, in bytes. */
  maxMessageBytes: number;
  /** Sustained messages per second one socket may send. */
  messagesPerSecond: number;
  /** Messages one socket may send in a burst. */
  messageBurst: number;
  /** Sustained messages per second all sockets of one IP address may send together. */
  ipMessagesPerSecond: number;
  /** Burst allowance for one IP address. */
  ipMessageBurst: number;
  /** New connections one IP address may open per minute (and in a burst). */
  ipConnectionsPerMinute: number;
  /**
   * Sync requests (sync step 1) one socket may send per minute, and in a burst. Each is
   * answered with everything the client lacks, up to the whole document, so an unlimited
   * stream of them is a cheap way to make the server encode and queue gigabytes.
   */
  syncRequestsPerMinute: number;
  /** Sync requests all sockets of one IP address may send per minute, and in a burst. */
  ipSyncRequestsPerMinute: number;
  /** Bytes the server may have queued for one socket that is not reading them; over it, the socket is closed. */
  maxQueuedBytes: number;
}

/** Options of the gate. */
export interface GateOptions {
  limits: GateLimits;
  /** Origins allowed to open a WebSocket; undefined allows any. Requests without Origin (non-browsers) pass. */
  allowedOrigins?: readonly string[];
  /** Reverse proxies of ours in front of the server (0: none, take the socket's peer); see clientAddress. */
  trustedProxyHops: number;
}

/** Accepts WebSocket upgrades for a Hocuspocus instance. */
export class SocketGate {
  private readonly wss: WebSocketServer;
  private readonly sockets = new Set<WebSocket>();
  private readonly connectionsPerIp: KeyedLimiter;
  private readonly messagesPerIp: KeyedLimiter;
  private readonly syncRequestsPerIp: KeyedLimiter;
  private nextId = 0;

  constructor(
    private readonly hocuspocus: Hocuspocus,
    private readonly options: GateOptions,
    private readonly logger: Logger,
  ) {
    const { limits } = options;
    this.wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxMessageBytes, perMessageDeflate: false });
    this.connectionsPerIp = new KeyedLimiter(limits.ipConnectionsPerMinute, limits.ipConnectionsPerMinute / 60);
    this.messagesPerIp = new KeyedLimiter(limits.ipMessageBurst, limits.ipMessagesPerSecond);
    this.syncRequestsPerIp = new KeyedLimiter(limits.ipSyncRequestsPerMinute, limits.ipSyncRequestsPerMinute / 60);
  }

  /** Handles an HTTP upgrade request (wire it to the HTTP server's 'upgrade' event). */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    // Node gives an upgrading socket no error listener; a peer resetting it while we
    // refuse it would otherwise crash the process.
    socket.on('error', () => {});
    const ip = this.clientIp(request);
    const origin = request.headers.origin;
    if (origin !== undefined && this.options.allowedOrigins && !this.options.allowedOrigins.includes(origin)) {
      this.logger.log({ level: 'warn', msg: 'upgrade refused', reason: 'origin not allowed', origin, ip });
      return rejectUpgrade(socket, 403, 'Forbidden', 'origin not allowed');
    }
    if (!this.connectionsPerIp.take(ip)) {
      this.logger.log({ level: 'warn', msg: 'upgrade refused', reason: 'too many connections from this address', ip });
      return rejectUpgrade(socket, 429, 'Too Many Requests', 'too many connections from this address');
    }
    this.wss.handleUpgrade(request, socket, head, (ws) => this.accept(ws, request, ip));
  }

  /** Closes every socket with `reason`. */
  closeAll(reason: CloseReason): void {
    for (const ws of this.sockets) ws.close(reason.code, reason.reason);
  }

  /** Drops every socket at once, without the closing handshake. */
  terminateAll(): void {
    for (const ws of this.sockets) ws.terminate();
  }

  /** Number of open sockets. */
  get size(): number {
    return this.sockets.size;
  }

  private accept(ws: WebSocket, request: IncomingMessage, ip: string): void {
    const id = `c${++this.nextId}`;
    let closing = false;
    const session: SocketSession = {
      id,
      ip,
      close: (reason) => {
        if (closing) return;
        closing = true;
        ws.close(reason.code, reason.reason);
      },
    };
    const refuse = (reason: CloseReason, detail: string, level: 'warn' | 'info' = 'warn') => {
      if (closing) return;
      this.logger.log({ level, msg: 'socket closed', client: id, ip, reason: `${reason.reason}: ${detail}`, code: reason.code });
      session.close(reason);
    };
    this.sockets.add(ws);
    this.logger.log({ level: 'debug', msg: 'socket opened', client: id, ip });
    const { limits } = this.options;
    // Everything Hocuspocus sends goes through ws.send: a peer that asks and never reads
    // would otherwise make the server hold its answers in memory without end.
    const send = ws.send.bind(ws) as (data: unknown, ...rest: unknown[]) => void;
    (ws as { send: unknown }).send = (data: unknown, ...rest: unknown[]) => {
      if (closing) return;
      send(data, ...rest);
      if (ws.bufferedAmount > limits.maxQueuedBytes) refuse(CLOSE.rateLimited, `over ${limits.maxQueuedBytes} bytes queued for a peer that is not reading`);
    };
    const context: CruxContext = { session };
    const connection = this.hocuspocus.handleConnection(ws, toFetchRequest(request), context);
    const bucket = new TokenBucket(limits.messageBurst, limits.messagesPerSecond);
    const syncRequests = new TokenBucket(limits.syncRequestsPerMinute, limits.syncRequestsPerMinute / 60);

    ws.on('message', (data: RawData, isBinary: boolean) => {
      if (closing) return;
      if (!isBinary) return refuse(CLOSE.notBinary, 'text frame');
      if (!bucket.take()) return refuse(CLOSE.rateLimited, 'too many messages on this connection');
      if (!this.messagesPerIp.take(ip)) return refuse(CLOSE.rateLimited, 'too many messages from this address');
      const bytes = toBytes(data);
      let kind: string;
      try {
        kind = readFrame(bytes).kind;
      } catch (error) {
        if (!(error instanceof FrameError)) throw error;
        return refuse(CLOSE.malformed, error.message);
      }
      if (kind === 'pong') return;
      if (kind === 'sync-step1') {
        if (!syncRequests.take()) return refuse(CLOSE.rateLimited, 'too many sync requests on this connection');
        if (!this.syncRequestsPerIp.take(ip)) return refuse(CLOSE.rateLimited, 'too many sync requests from this address');
      }
      connection.handleMessage(bytes);
    });
    ws.on('error', (error: Error & { code?: string }) => {
      // ws has already closed the socket (1009 for an oversized message, 1002 for a protocol error).
      const tooBig = error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH';
      this.logger.log({
        level: 'warn',
        msg: 'socket closed',
        client: id,
        ip,
        reason: tooBig ? `${CLOSE.tooBig.reason}: over ${this.options.limits.maxMessageBytes} bytes` : error.message,
        code: tooBig ? CLOSE.tooBig.code : undefined,
      });
      closing = true;
    });
    ws.on('close', (code: number, reason: Buffer) => {
      this.sockets.delete(ws);
      closing = true;
      connection.handleClose({ code, reason: reason.toString('utf8') });
      this.logger.log({ level: 'debug', msg: 'socket gone', client: id, code });
    });
  }

  private clientIp(request: IncomingMessage): string {
    return clientAddress(request.headers['x-forwarded-for'], request.socket.remoteAddress, this.options.trustedProxyHops);
  }
}

function rejectUpgrade(socket: Duplex, status: number, text: string, body: string): void {
  socket.end(
    `HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

/** The Fetch-API Request Hocuspocus hands to its hooks (headers and URL only). */
function toFetchRequest(request: IncomingMessage): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    try {
      headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    } catch {
      // A header the Fetch API will not carry; no hook needs it.
    }
  }
  return new Request(new URL(request.url ?? '/', 'http://localhost'), { headers });
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
