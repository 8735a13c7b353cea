// The sync server of a page served on loopback (browser mode, benchmarks): a Crux server
// in this process whose socket (/sync) and token API (/api/) sit on the page's own origin,
// and /__crux/connection?project=ID, which hands the page an owner token for a project.
// Documents live in a temporary SQLite file removed on close (the browser keeps its own
// local copy). Works with Vite's dev server and its preview server alike.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tsImport } from 'tsx/esm/api';

/** Creates the page's sync: a Vite plugin, `start(port)` once the page listens, and `close()`. */
export function createPageSync() {
  const state = { crux: null, owners: new Map() };
  const dataDir = mkdtempSync(join(tmpdir(), 'crux-web-'));
  const attach = (server) => {
    server.httpServer?.on('upgrade', (req, socket, head) => {
      if (!req.url?.startsWith('/sync') || !state.crux) return;
      state.crux.httpServer.emit('upgrade', req, socket, head);
    });
    server.middlewares.use((req, res, next) => {
      const url = new URL(req.url ?? '/', 'http://page');
      if (!state.crux) return next();
      if (url.pathname === '/__crux/connection') {
        void connectionFor(state, url.searchParams.get('project') ?? '', req.headers.host ?? '').then(
          (body) => send(res, 200, body),
          (error) => send(res, error.status ?? 500, { error: error.message }),
        );
        return;
      }
      if (url.pathname.startsWith('/api/') || url.pathname === '/healthz') {
        state.crux.httpServer.emit('request', req, res);
        return;
      }
      next();
    });
  };
  return {
    plugin: { name: 'crux-sync', configureServer: attach, configurePreviewServer: attach },
    /** Starts the sync server; only the page's origin (on `port`) may open its socket. */
    async start(port) {
      const { createCruxServer, silentLogger } = await tsImport('../server/index.ts', import.meta.url);
      state.crux = await createCruxServer({
        host: '127.0.0.1',
        port: 0,
        store: { kind: 'sqlite', path: join(dataDir, 'sync.db') },
        allowedOrigins: [`http://127.0.0.1:${port}`, `http://localhost:${port}`],
        logger: silentLogger,
        idleUnloadSeconds: 5,
      });
    },
    async close() {
      await state.crux?.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** An owner connection for `project`, creating the document on first use. */
async function connectionFor(state, project, host) {
  let token = state.owners.get(project);
  if (!token) {
    const { tokens, store } = state.crux;
    token = (await store.hasDocument(project))
      ? (await tokens.issue(project, 'owner', 'browser mode')).token
      : (await tokens.createDocument(project, 'browser mode')).token;
    state.owners.set(project, token);
  }
  return { url: `ws://${host}/sync`, token, role: 'owner' };
}

function send(res, status, body) {
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }).end(JSON.stringify(body));
}
