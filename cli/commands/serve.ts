// `crux serve`: runs the sync server standalone (for a department, or a host without the
// desktop app). Flags override environment variables, which override defaults. Logs are
// JSON lines on stdout; SIGINT/SIGTERM close every connection and flush the store.
import { DEFAULT_LIMITS, createCruxServer, jsonLineLogger, openStore, TokenService } from '../../server';
import type { CruxServerOptions, StoreConfig } from '../../server';
import { parseVerbArgs, UsageError } from '../args';
import type { CliIo } from '../main';
import type { Command } from './index';

const HELP = `Usage: crux serve [options]

Runs the Crux sync server.

Options (environment variable in brackets):
  --port N                 port to listen on, 0 for any free one [CRUX_PORT] (default 1234)
  --host ADDRESS           interface to listen on [CRUX_HOST] (default 127.0.0.1;
                           0.0.0.0 to serve the local network)
  --db FILE                SQLite database file [CRUX_DB] (default ./crux-server.db)
  --postgres URL           use PostgreSQL instead, e.g. postgres://user@host/db [CRUX_POSTGRES_URL]
  --redis URL              keep several instances in step, e.g. redis://127.0.0.1:6379 [CRUX_REDIS_URL]
  --allowed-origin ORIGIN  only browsers from this origin may connect; repeatable
                           [CRUX_ALLOWED_ORIGINS, comma-separated] (default: any)
  --max-message-bytes N    largest message accepted [CRUX_MAX_MESSAGE_BYTES] (default ${DEFAULT_LIMITS.maxMessageBytes})
  --idle-unload-seconds N  keep a document in memory N s after its last client leaves (default 30)
  --trust-proxy            take client addresses from X-Forwarded-For (behind a reverse proxy only)
  --proxy-hops N           with --trust-proxy: how many proxies of yours are chained in front (default 1)
  --create-doc NAME        create document NAME and print its owner token (shown once)
  --no-listen              with --create-doc: create the document and exit without serving
  --help                   show this help
`;

/** What `crux serve` was asked to do. */
export interface ServeRequest {
  options: CruxServerOptions & { store: StoreConfig };
  createDoc?: string;
  listen: boolean;
}

/** Reads flags and environment into server options; throws a UsageError on bad input. */
export function parseServeArgs(args: string[], env: Record<string, string | undefined>): ServeRequest | 'help' {
  const { values, positionals } = parseVerbArgs(
    args,
    {
      port: { type: 'string' },
      host: { type: 'string' },
      db: { type: 'string' },
      postgres: { type: 'string' },
      redis: { type: 'string' },
      'allowed-origin': { type: 'string', multiple: true },
      'max-message-bytes': { type: 'string' },
      'idle-unload-seconds': { type: 'string' },
      'trust-proxy': { type: 'boolean' },
      'proxy-hops': { type: 'string' },
      'create-doc': { type: 'string' },
      'no-listen': { type: 'boolean' },
    },
    HELP,
  );
  if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`, HELP);
  if (values.help) return 'help';
  const db = values.db ?? env.CRUX_DB;
  const postgres = values.postgres ?? env.CRUX_POSTGRES_URL;
  if (values.db !== undefined && values.postgres !== undefined) {
    throw new UsageError('--db and --postgres exclude each other: pick one store', HELP);
  }
  const store: StoreConfig =
    values.db === undefined && postgres
      ? { kind: 'postgres', url: postgres }
      : { kind: 'sqlite', path: db ?? './crux-server.db' };
  const origins = values['allowed-origin'] ?? env.CRUX_ALLOWED_ORIGINS?.split(',').map((o) => o.trim()).filter(Boolean);
  const redisUrl = values.redis ?? env.CRUX_REDIS_URL;
  const maxMessageBytes = values['max-message-bytes'] ?? env.CRUX_MAX_MESSAGE_BYTES;
  const idle = values['idle-unload-seconds'];
  if (values['no-listen'] && values['create-doc'] === undefined) {
    throw new UsageError('--no-listen only makes sense with --create-doc', HELP);
  }
  return {
    options: {
      port: integer('--port', values.port ?? env.CRUX_PORT ?? '1234', 0, 65535),
      host: values.host ?? env.CRUX_HOST ?? '127.0.0.1',
      store,
      redis: redisUrl ? parseRedisUrl(redisUrl) : undefined,
      allowedOrigins: origins && origins.length > 0 ? origins : undefined,
      limits: maxMessageBytes ? { maxMessageBytes: integer('--max-message-bytes', maxMessageBytes, 1024, 2 ** 31) } : {},
      idleUnloadSeconds: idle === undefined ? undefined : integer('--idle-unload-seconds', idle, 0, 86_400),
      trustProxy: trustedProxies(values['trust-proxy'], values['proxy-hops']),
    },
    createDoc: values['create-doc'],
    listen: !values['no-listen'],
  };
}

function trustedProxies(trust: boolean | undefined, hops: string | undefined): boolean | number {
  if (hops === undefined) return trust ?? false;
  if (!trust) throw new UsageError('--proxy-hops only makes sense with --trust-proxy', HELP);
  return integer('--proxy-hops', hops, 1, 16);
}

function integer(flag: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) {
    throw new UsageError(`${flag} must be a whole number from ${min} to ${max}, not "${text}"`, HELP);
  }
  return value;
}

function parseRedisUrl(text: string): NonNullable<CruxServerOptions['redis']> {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`--redis must be a URL like redis://127.0.0.1:6379, not "${text}"`, HELP);
  }
  if (url.protocol !== 'redis:' || !url.hostname) {
    throw new UsageError(`--redis must be a URL like redis://127.0.0.1:6379, not "${text}"`, HELP);
  }
  return {
    host: url.hostname,
    port: url.port ? integer('the --redis port', url.port, 1, 65535) : 6379,
    username: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
  };
}

/** The `serve` verb. */
export const serve: Command = {
  async run(args: string[], io: CliIo): Promise<number> {
    const request = parseServeArgs(args, process.env);
    if (request === 'help') {
      io.out(HELP);
      return 0;
    }
    const logger = jsonLineLogger((line) => io.out(line));
    const printOwner = (doc: string, token: string) =>
      io.out(`Owner token for document "${doc}" (shown once, keep it secret): ${token}\n`);

    if (!request.listen && request.createDoc !== undefined) {
      const store = await openStore(request.options.store);
      try {
        const owner = await new TokenService(store).createDocument(request.createDoc);
        printOwner(owner.doc, owner.token);
      } finally {
        await store.close();
      }
      return 0;
    }

    const server = await createCruxServer({ ...request.options, logger });
    if (request.createDoc !== undefined) {
      try {
        const owner = await server.tokens.createDocument(request.createDoc);
        logger.log({ level: 'info', msg: 'document created', doc: owner.doc, token: owner.id });
        printOwner(owner.doc, owner.token);
      } catch (error) {
        await server.close();
        throw error;
      }
    }
    const signal = await new Promise<NodeJS.Signals>((resolve) => {
      process.once('SIGINT', () => resolve('SIGINT'));
      process.once('SIGTERM', () => resolve('SIGTERM'));
    });
    logger.log({ level: 'info', msg: 'shutting down', reason: signal });
    // A second signal while closing gives up waiting.
    const force = () => process.exit(1);
    process.once('SIGINT', force);
    process.once('SIGTERM', force);
    await server.close();
    return 0;
  },
};
