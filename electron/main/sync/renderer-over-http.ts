// Serves the built renderer over plain HTTP for a hosted seminar, so participants without
// the desktop app join from a browser. It reuses the app:// handler (same path checks,
// same Content-Security-Policy), translating a Node request into an app:// one.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../service';
import { APP_ORIGIN } from '../window/app-location';
import { createAppProtocolHandler } from '../window/app-protocol';

/** An HTTP handler for the Crux server's `requestHandler` option that answers with the renderer's files. */
export function rendererOverHttp(rendererDir: string, log: Logger): (req: IncomingMessage, res: ServerResponse) => Promise<boolean> {
  const handler = createAppProtocolHandler(rendererDir, log);
  return async (req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (!path.startsWith('/') || path.startsWith('//')) return false;
    const response = await handler(new Request(`${APP_ORIGIN}${path}`, { method: req.method ?? 'GET' }));
    res.writeHead(response.status, headersOf(response));
    res.end(response.body ? Buffer.from(await response.arrayBuffer()) : undefined);
    return true;
  };
}

function headersOf(response: Response): Record<string, string> {
  const out: Record<string, string> = {};
  response.headers.forEach((value, name) => (out[name] = value));
  return out;
}
