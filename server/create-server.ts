// Assembles the Crux sync server: a Hocuspocus instance with Crux's extensions (tokens
// and roles, the update guard, persistence, idle unload, optional Redis), behind the
// socket gate, on one HTTP server that also carries the owner's token API.
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Redis } from '@hocuspocus/extension-redis';
import { Hocuspocus, type Extension } from '@hocuspocus/server';
import { CLOSE } from '../shared/sync/close-codes';
import { tokenApi } from './http/token-api';
import type { Logger } from './log';
import { SocketGate } from './net/socket-gate';
import { resolveOptions, type CruxServerOptions } from './options';
import { openStore } from './store/open';
import type { DocStore } from './store/types';
import { authExtension, closeConnectionsOfToken } from './sync/auth-extension';
import { guardExtension } from './sync/guard-extension';
import { idleUnloadExtension } from './sync/idle-unload-extension';
import { persistenceExtension } from './sync/persistence-extension';
import { TokenService } from './tokens/token-service';
import { redisRevocationBus, type RevocationBus } from './scale/revocations';

/** A running sync server. */
export interface CruxServer {
  /** The Hocuspocus instance (documents, connections, direct connections). */
  readonly hocuspocus: Hocuspocus;
  /** The HTTP server carrying the WebSocket endpoint and the token API. */
  readonly httpServer: HttpServer;
  /** The store documents and tokens live in. */
  readonly store: DocStore;
  /** Tokens, callable in-process (an embedding app mints and revokes through this). */
  readonly tokens: TokenService;
  /** The address and port actually listened on. */
  readonly host: string;
  readonly port: number;
  /** ws://host:port — what providers connect to. */
  readonly url: string;
  /** http://host:port — the token API's base. */
  readonly httpUrl: string;
  /** Documents held in memory, with their shadow copies (for tests and metrics). */
  stats(): { documents: number; guarded: number; sockets: number };
  /** Closes every connection, persists and compacts what is loaded, and stops. */
  close(): Promise<void>;
}

const UNLOAD_DEADLINE_MS = 10_000;
const CLOSE_GRACE_MS = 1000;

/** Starts a sync server; resolves once it is listening. */
export async function createCruxServer(options: CruxServerOptions = {}): Promise<CruxServer> {
  const config = resolveOptions(options);
  const { logger } = config;
  const store = await openStore(config.store);
  // A provided store belongs to the caller, who closes it.
  const closeStore = config.store.kind === 'provided' ? async () => {} : () => store.close();
  const tokens = new TokenService(store);

  const extensions: Extension[] = [];
  let redis: Redis | undefined;
  if (config.redis) {
    redis = new Redis({
      host: config.redis.host,
      port: config.redis.port,
      prefix: config.redis.prefix ?? 'crux',
      options: {
        maxRetriesPerRequest: 3,
        connectTimeout: 5000,
        username: config.redis.username,
        password: config.redis.password,
      },
    });
    extensions.push(redis);
    logRedisErrors(redis, logger);
  }
  const guard = guardExtension(store, logger);
  const idle = idleUnloadExtension(config.idleUnloadSeconds * 1000, logger);
  extensions.push(authExtension(tokens, store, logger), persistenceExtension(store, logger, config.compactAfterUpdates), guard, idle);

  const hocuspocus = new Hocuspocus({
    name: 'crux',
    quiet: true,
    debounce: config.compactDebounceMs,
    maxDebounce: config.compactMaxDebounceMs,
    unloadImmediately: true,
    // Named versions are Yjs snapshots: they need deleted content kept, here as on clients.
    yDocOptions: { gc: false, gcFilter: () => true },
    extensions,
  });
  const gate = new SocketGate(
    hocuspocus,
    { limits: config.limits, allowedOrigins: config.allowedOrigins, trustedProxyHops: config.trustedProxyHops },
    logger,
  );
  const api = tokenApi(tokens, logger, { allowedOrigins: config.allowedOrigins });
  const httpServer = createServer((req, res) => {
    void (async () => {
      if (await api(req, res)) return;
      if (config.requestHandler && (await config.requestHandler(req, res))) return;
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    })().catch((error: unknown) => {
      logger.log({ level: 'error', msg: 'request failed', reason: String(error), path: req.url });
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  httpServer.on('upgrade', (req, socket, head) => gate.handleUpgrade(req, socket, head));
  let revocations: RevocationBus | undefined;
  tokens.onRevoke((token) => {
    closeConnectionsOfToken(hocuspocus, token.doc, token.id, logger);
    // Sockets of this token on other instances are closed by them when they hear of it.
    revocations?.publish(token.doc, token.id).catch((error: unknown) => {
      logger.log({ level: 'error', msg: 'revocation not published', doc: token.doc, token: token.id, reason: String(error) });
    });
  });

  try {
    if (redis) {
      await checkRedis(redis, config.redis!);
      revocations = await redisRevocationBus(config.redis!, (doc, tokenId) => closeConnectionsOfToken(hocuspocus, doc, tokenId, logger), logger);
    }
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(config.port, config.host, () => {
        httpServer.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await revocations?.close();
    if (redis) await hocuspocus.hooks('onDestroy', { instance: hocuspocus }).catch(() => {});
    await closeStore();
    throw error;
  }

  const address = httpServer.address() as AddressInfo;
  const hostPart = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `ws://${hostPart}:${address.port}`;
  logger.log({
    level: 'info',
    msg: 'listening',
    url,
    store: store.kind,
    redis: config.redis ? `${config.redis.host}:${config.redis.port}` : undefined,
  });

  let closing: Promise<void> | undefined;
  return {
    hocuspocus,
    httpServer,
    store,
    tokens,
    host: address.address,
    port: address.port,
    url,
    httpUrl: `http://${hostPart}:${address.port}`,
    stats: () => ({ documents: hocuspocus.getDocumentsCount(), guarded: guard.guardedCount(), sockets: gate.size }),
    close: () => (closing ??= shutdown()),
  };

  async function shutdown(): Promise<void> {
    httpServer.close();
    httpServer.closeIdleConnections();
    idle.release();
    gate.closeAll(CLOSE.shuttingDown);
    const graceEnd = Date.now() + CLOSE_GRACE_MS;
    while (gate.size > 0 && Date.now() < graceEnd) await sleep(20);
    gate.terminateAll();
    // Unloading a document runs its store hook (compaction) first.
    hocuspocus.flushPendingStores();
    const deadline = Date.now() + UNLOAD_DEADLINE_MS;
    while (hocuspocus.getDocumentsCount() > 0 && Date.now() < deadline) {
      for (const document of hocuspocus.documents.values()) void hocuspocus.unloadDocument(document);
      await sleep(20);
    }
    if (hocuspocus.getDocumentsCount() > 0) {
      logger.log({ level: 'warn', msg: 'documents still loaded at shutdown', count: hocuspocus.getDocumentsCount() });
    }
    await hocuspocus.hooks('onDestroy', { instance: hocuspocus });
    await revocations?.close();
    await closeStore();
    httpServer.closeAllConnections();
    logger.log({ level: 'info', msg: 'closed', url });
  }
}

/** Fails fast, with the address, when Redis cannot be reached. */
async function checkRedis(redis: Redis, where: { host: string; port: number }): Promise<void> {
  const timeout = new Promise<never>((_, reject) => {
    setTimeout(() => reject(new Error('timed out')), 5000).unref();
  });
  try {
    await Promise.race([redis.pub.ping(), timeout]);
  } catch (error) {
    throw new Error(
      `cannot reach Redis at ${where.host}:${where.port}: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
}

/** Logs Redis connection errors (ioredis retries on its own), at most once per message every 10 s. */
function logRedisErrors(redis: Redis, logger: Logger): void {
  const lastLogged = new Map<string, number>();
  const onError = (error: Error) => {
    const now = Date.now();
    if (now - (lastLogged.get(error.message) ?? 0) < 10_000) return;
    lastLogged.set(error.message, now);
    logger.log({ level: 'error', msg: 'redis error', reason: error.message });
  };
  redis.pub.on('error', onError);
  redis.sub.on('error', onError);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
