// Revocations across instances. Behind a load balancer a participant's socket may live on
// another instance than the one where the owner revoked their token; the shared store
// refuses the token on its next connection, but the live socket would stay open. Each
// instance therefore publishes its revocations on a Redis channel and closes the sockets
// of every revocation it hears of.
import { Redis as IORedis } from 'ioredis';
import type { Logger } from '../log';

/** Publishes this instance's revocations and hears everyone's. */
export interface RevocationBus {
  /** Tells every instance (this one included) that `tokenId` of `doc` is revoked. */
  publish(doc: string, tokenId: string): Promise<void>;
  /** Stops listening and disconnects. */
  close(): Promise<void>;
}

/** Where the bus connects (the same Redis as Hocuspocus's extension). */
export interface RevocationBusConfig {
  host: string;
  port: number;
  prefix?: string;
  username?: string;
  password?: string;
}

/** Longest message accepted from the channel: a document name and a token id fit many times over. */
const MAX_MESSAGE = 1024;

/** Connects the bus; `onRevoked` runs for each revocation published by any instance. */
export async function redisRevocationBus(
  config: RevocationBusConfig,
  onRevoked: (doc: string, tokenId: string) => void,
  logger: Logger,
): Promise<RevocationBus> {
  const options = { host: config.host, port: config.port, username: config.username, password: config.password, maxRetriesPerRequest: 3, connectTimeout: 5000 };
  const channel = `${config.prefix ?? 'crux'}:revocations`;
  const pub = new IORedis(options);
  const sub = new IORedis(options);
  const onError = (error: Error) => logger.log({ level: 'error', msg: 'redis error', reason: `revocations: ${error.message}` });
  pub.on('error', onError);
  sub.on('error', onError);
  sub.on('message', (from: string, text: string) => {
    if (from !== channel) return;
    const message = parseMessage(text);
    if (!message) {
      logger.log({ level: 'warn', msg: 'revocation ignored', reason: 'malformed message on the revocations channel' });
      return;
    }
    onRevoked(message.doc, message.tokenId);
  });
  await sub.subscribe(channel);
  return {
    async publish(doc, tokenId) {
      await pub.publish(channel, JSON.stringify({ doc, tokenId }));
    },
    async close() {
      await Promise.allSettled([sub.quit(), pub.quit()]);
    },
  };
}

function parseMessage(text: string): { doc: string; tokenId: string } | null {
  if (text.length > MAX_MESSAGE) return null;
  try {
    const value = JSON.parse(text) as { doc?: unknown; tokenId?: unknown };
    if (typeof value.doc !== 'string' || typeof value.tokenId !== 'string') return null;
    return { doc: value.doc, tokenId: value.tokenId };
  } catch {
    return null;
  }
}
