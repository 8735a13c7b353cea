// Serves the built renderer on the private app://crux origin instead of file://, so the
// page has a real origin (which the IPC sender check relies on), cannot read arbitrary
// local files, and gets its Content-Security-Policy as a response header.
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { Logger } from '../service';
import { APP_ORIGIN, originOf } from './app-location';
import { CONTENT_SECURITY_POLICY } from './csp';

/**
 * Privileges of the app scheme, registered before the app is ready. `standard` and
 * `secure` give it an origin and a secure context (ES modules, workers); it never gets
 * `bypassCSP`.
 */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  corsEnabled: true,
  codeCache: true,
} as const;

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** The headers every app response carries. */
function securityHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
}

function failure(status: number, message: string): Response {
  return new Response(message, { status, headers: securityHeaders('text/plain; charset=utf-8') });
}

/** Whether `child` is `root` itself or lies inside it. */
function isInside(root: string, child: string): boolean {
  const rel = relative(root, child);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/**
 * The handler for `protocol.handle('app', …)`: answers GET/HEAD for files under
 * `rootDir` (the built renderer) and nothing else. Paths that escape the folder (by `..`,
 * encoded slashes or symbolic links) get 404, as do folders and missing files.
 */
export function createAppProtocolHandler(rootDir: string, log: Logger): (request: Request) => Promise<Response> {
  const root = resolve(rootDir);
  const realRoot = realpath(root).catch(() => root);
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return failure(405, 'Method not allowed');
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return failure(400, 'Bad URL');
    }
    if (originOf(url) !== APP_ORIGIN) return failure(404, 'Not found');
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return failure(400, 'Bad URL encoding');
    }
    if (pathname.includes('\0')) return failure(400, 'Bad path');
    if (pathname === '' || pathname.endsWith('/')) pathname += 'index.html';

    const target = resolve(root, `.${pathname}`);
    if (!isInside(root, target)) {
      log.warn(`app:// refused a path outside the renderer folder: ${url.pathname}`);
      return failure(404, 'Not found');
    }
    try {
      const real = await realpath(target);
      if (!isInside(await realRoot, real)) {
        log.warn(`app:// refused a link that leads outside the renderer folder: ${url.pathname}`);
        return failure(404, 'Not found');
      }
      if (!(await stat(real)).isFile()) return failure(404, 'Not found');
      const type = CONTENT_TYPES[extname(real).toLowerCase()] ?? 'application/octet-stream';
      const body = request.method === 'HEAD' ? null : await readFile(real);
      return new Response(body, { status: 200, headers: securityHeaders(type) });
    } catch {
      return failure(404, 'Not found');
    }
  };
}
