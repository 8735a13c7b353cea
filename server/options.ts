// The sync server's options, their defaults, and the checks that turn a bad value into
// a clear error before anything starts.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { jsonLineLogger, type Logger } from './log';
import type { GateLimits } from './net/socket-gate';
import type { StoreConfig } from './store/open';

/** Everything `createCruxServer` accepts; every field has a default. */
export interface CruxServerOptions {
  /** Interface to listen on. Default 127.0.0.1 (this machine only). */
  host?: string;
  /** Port to listen on; 0 picks a free one. Default 1234. */
  port?: number;
  /** Where documents and tokens live. Default SQLite in ./crux-server.db. */
  store?: StoreConfig;
  /** Redis to keep several instances of the server in step (optional). */
  redis?: { host: string; port: number; prefix?: string; username?: string; password?: string };
  /** Message size and rate limits (see GateLimits); unspecified ones keep their defaults. */
  limits?: Partial<GateLimits>;
  /** Origins whose browsers may connect (e.g. the desktop app's); undefined allows any origin. */
  allowedOrigins?: readonly string[];
  /**
   * Take client addresses from X-Forwarded-For (only behind reverse proxies you run). Default
   * false. `true` trusts one proxy; a number trusts that many proxies in a chain. The address
   * used is the one the outermost trusted proxy appended, never an entry the client wrote.
   */
  trustProxy?: boolean | number;
  /** Seconds a document stays in memory after its last client leaves. Default 30; 0 unloads at once. */
  idleUnloadSeconds?: number;
  /** Quiet time (ms) after the last change before a document's update log is compacted. Default 2000. */
  compactDebounceMs?: number;
  /** Longest time (ms) changes go uncompacted while editing continues. Default 10000. */
  compactMaxDebounceMs?: number;
  /**
   * While clients are connected, compact only once the update log holds this many updates.
   * Compaction folds the whole document in one go and holds up every message meanwhile,
   * so doing it every few seconds of a busy seminar shows in the sync latency; a document
   * nobody is connected to is compacted whatever its log. Default 1000; 0 compacts always.
   */
  compactAfterUpdates?: number;
  /** Where log events go. Default: JSON lines on stdout. */
  logger?: Logger;
  /** Serves HTTP requests the token API does not (an embedding app's pages); resolves true if it answered. */
  requestHandler?: (req: IncomingMessage, res: ServerResponse) => Promise<boolean> | boolean;
}

/** Default limits: generous enough for a seminar of 40 behind one NAT address. */
export const DEFAULT_LIMITS: GateLimits = {
  maxMessageBytes: 16 * 1024 * 1024,
  messagesPerSecond: 200,
  messageBurst: 1000,
  ipMessagesPerSecond: 4000,
  ipMessageBurst: 20_000,
  ipConnectionsPerMinute: 400,
  // A provider sends one sync request per document when it connects; a whole classroom
  // behind one address reconnecting at once stays well within these.
  syncRequestsPerMinute: 30,
  ipSyncRequestsPerMinute: 600,
  maxQueuedBytes: 64 * 1024 * 1024,
};

/** Options with every default filled in. */
export interface ResolvedOptions extends Required<Omit<CruxServerOptions, 'redis' | 'allowedOrigins' | 'requestHandler' | 'trustProxy'>> {
  limits: GateLimits;
  /** Reverse proxies trusted in front of the server (0: X-Forwarded-For is ignored). */
  trustedProxyHops: number;
  redis?: CruxServerOptions['redis'];
  allowedOrigins?: readonly string[];
  requestHandler?: CruxServerOptions['requestHandler'];
}

/** Fills in defaults and checks every value; throws an Error naming the bad option. */
export function resolveOptions(options: CruxServerOptions): ResolvedOptions {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  for (const [name, value] of Object.entries(limits)) positive(`limits.${name}`, value);
  const resolved: ResolvedOptions = {
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 1234,
    store: options.store ?? { kind: 'sqlite', path: './crux-server.db' },
    redis: options.redis,
    limits,
    allowedOrigins: options.allowedOrigins,
    trustedProxyHops: proxyHops(options.trustProxy),
    idleUnloadSeconds: options.idleUnloadSeconds ?? 30,
    compactDebounceMs: options.compactDebounceMs ?? 2000,
    compactMaxDebounceMs: options.compactMaxDebounceMs ?? 10_000,
    compactAfterUpdates: options.compactAfterUpdates ?? 1000,
    logger: options.logger ?? jsonLineLogger((line) => process.stdout.write(line)),
    requestHandler: options.requestHandler,
  };
  if (!Number.isInteger(resolved.port) || resolved.port < 0 || resolved.port > 65535) {
    throw new Error(`port must be an integer from 0 to 65535, not ${resolved.port}`);
  }
  nonNegative('idleUnloadSeconds', resolved.idleUnloadSeconds);
  nonNegative('compactDebounceMs', resolved.compactDebounceMs);
  nonNegative('compactMaxDebounceMs', resolved.compactMaxDebounceMs);
  nonNegative('compactAfterUpdates', resolved.compactAfterUpdates);
  if (resolved.store.kind === 'sqlite' && !resolved.store.path) throw new Error('store.path must name a file');
  if (resolved.store.kind === 'postgres' && !/^postgres(ql)?:\/\//.test(resolved.store.url)) {
    throw new Error('store.url must be a postgres:// connection string');
  }
  if (resolved.redis) {
    if (!resolved.redis.host) throw new Error('redis.host must not be empty');
    if (!Number.isInteger(resolved.redis.port) || resolved.redis.port < 1 || resolved.redis.port > 65535) {
      throw new Error(`redis.port must be an integer from 1 to 65535, not ${resolved.redis.port}`);
    }
  }
  for (const origin of resolved.allowedOrigins ?? []) {
    if (!origin) throw new Error('allowedOrigins must not contain an empty string');
  }
  return resolved;
}

function proxyHops(trust: boolean | number | undefined): number {
  if (trust === undefined || trust === false) return 0;
  if (trust === true) return 1;
  if (!Number.isInteger(trust) || trust < 0 || trust > 16) throw new Error(`trustProxy must be true, false or a number of proxies from 0 to 16, not ${trust}`);
  return trust;
}

function positive(name: string, value: number): void {
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, not ${value}`);
}

function nonNegative(name: string, value: number): void {
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be zero or more, not ${value}`);
}
