// The owner's HTTP API for a document's tokens, on the sync server's own port:
//   POST   /api/documents/:name/tokens       {role, label?}  → 201 the new token (secret shown once)
//   GET    /api/documents/:name/tokens                        → 200 {tokens} (no secrets)
//   DELETE /api/documents/:name/tokens/:id                    → 200 the revoked token
// Every call needs `Authorization: Bearer <owner token of that document>`.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { ROLES } from '../../shared/sync/roles';
import type { Logger } from '../log';
import { TokenError, type TokenService } from '../tokens/token-service';

const MAX_BODY_BYTES = 16 * 1024;

const CreateBody = z
  .object({
    role: z.enum(ROLES),
    label: z.string().max(200).optional(),
  })
  .strict();

const ROUTE = /^\/api\/documents\/([^/]+)\/tokens(?:\/([^/]+))?\/?$/;

/** Options of the API handler. */
export interface TokenApiOptions {
  /** Origins allowed to call the API from a browser; undefined allows any. */
  allowedOrigins?: readonly string[];
}

/**
 * Builds the request handler. It answers /api/… and /healthz and returns false for any
 * other path, so the caller can serve something else there.
 */
export function tokenApi(
  tokens: TokenService,
  logger: Logger,
  options: TokenApiOptions = {},
): (req: IncomingMessage, res: ServerResponse) => Promise<boolean> {
  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/healthz' && req.method === 'GET') {
      send(res, 200, { ok: true });
      return true;
    }
    if (!url.pathname.startsWith('/api/')) return false;
    try {
      const origin = req.headers.origin;
      if (origin !== undefined && options.allowedOrigins && !options.allowedOrigins.includes(origin)) {
        throw new TokenError('origin not allowed', 403);
      }
      const match = ROUTE.exec(url.pathname);
      if (!match) throw new ApiError(404, `no such endpoint: ${url.pathname}`);
      const doc = decodePart(match[1]!);
      const id = match[2] === undefined ? undefined : decodePart(match[2]);
      const secret = bearer(req);
      if (req.method === 'POST' && id === undefined) {
        const body = CreateBody.safeParse(await readJson(req));
        if (!body.success) throw new ApiError(400, `bad request body: ${body.error.issues.map(describeIssue).join('; ')}`);
        const issued = await tokens.issueAsOwner(doc, secret, body.data.role, body.data.label ?? '');
        logger.log({ level: 'info', msg: 'token created', doc, token: issued.id, role: issued.role });
        send(res, 201, issued);
      } else if (req.method === 'GET' && id === undefined) {
        await tokens.verifyOwner(doc, secret);
        send(res, 200, { tokens: await tokens.list(doc) });
      } else if (req.method === 'DELETE' && id !== undefined) {
        const revoked = await tokens.revokeAsOwner(doc, secret, id);
        logger.log({ level: 'info', msg: 'token revoked', doc, token: revoked.id, role: revoked.role });
        send(res, 200, revoked);
      } else {
        throw new ApiError(405, `${req.method} is not allowed here`);
      }
    } catch (error) {
      const status = error instanceof TokenError || error instanceof ApiError ? error.status : 500;
      const message = status === 500 ? 'internal error' : (error as Error).message;
      logger.log({
        level: status === 500 ? 'error' : 'warn',
        msg: 'api request refused',
        reason: status === 500 ? String(error) : message,
        status,
        path: url.pathname,
        method: req.method,
      });
      if (status === 401) res.setHeader('WWW-Authenticate', 'Bearer');
      send(res, status, { error: message });
    }
    return true;
  };
}

class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function decodePart(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw new ApiError(400, `bad percent-encoding in the path: ${part}`);
  }
}

function bearer(req: IncomingMessage): string {
  const header = req.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  if (!match) throw new TokenError('an "Authorization: Bearer <owner token>" header is required', 401);
  return match[1]!;
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const type = req.headers['content-type'] ?? '';
  if (!/^application\/json\b/i.test(type)) throw new ApiError(415, 'the body must be application/json');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).byteLength;
    if (size > MAX_BODY_BYTES) throw new ApiError(413, `the body is over ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new ApiError(400, 'the body is not valid JSON');
  }
}

function describeIssue(issue: z.core.$ZodIssue): string {
  return issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}
