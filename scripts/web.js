// `npm run web`: serves the renderer in a plain browser (browser mode) with Vite's dev
// server on loopback, and prints one line with its address once it is listening.
// Options: --port N (or PORT=N; default 5173, 0 picks a free port). A taken port moves on.
// The page edits through a Crux sync server run in this process (DESIGN.md §4): its socket
// is at /sync and its token API at /api/ on the page's own origin, and
// /__crux/connection?project=ID gives the page an owner token for a project. Documents live
// in a temporary SQLite file removed on exit (the browser keeps its own local copy).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'vite';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

/** Reads --port N / --port=N, then PORT, then the default. */
function portFromArgs(argv, env) {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = arg === '--port' ? argv[i + 1] : arg.startsWith('--port=') ? arg.slice(7) : undefined;
    if (value !== undefined) return parsePort(value, '--port');
  }
  if (env.PORT !== undefined && env.PORT !== '') return parsePort(env.PORT, 'PORT');
  return 5173;
}

function parsePort(value, source) {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`crux web: ${source} must be a port number from 0 to 65535, not '${value}'`);
    process.exit(2);
  }
  return port;
}

/** The Vite plugin that puts the sync server on the page's origin. */
function cruxSync(state) {
  return {
    name: 'crux-sync',
    configureServer(vite) {
      vite.httpServer?.on('upgrade', (req, socket, head) => {
        if (!req.url?.startsWith('/sync') || !state.crux) return;
        state.crux.httpServer.emit('upgrade', req, socket, head);
      });
      vite.middlewares.use((req, res, next) => {
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

const port = portFromArgs(process.argv.slice(2), process.env);
const state = { crux: null, owners: new Map() };
const server = await createServer({
  configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)),
  logLevel: 'warn',
  clearScreen: false,
  server: { host: '127.0.0.1', port, strictPort: false },
  plugins: [cruxSync(state)],
});
await server.listen();
const address = server.httpServer?.address();
const actualPort = typeof address === 'object' && address ? address.port : port;

// Only this page's origin may open the socket (it is reached through the page's port).
const dataDir = mkdtempSync(join(tmpdir(), 'crux-web-'));
const { createCruxServer, silentLogger } = await tsImport('../server/index.ts', import.meta.url);
state.crux = await createCruxServer({
  host: '127.0.0.1',
  port: 0,
  store: { kind: 'sqlite', path: join(dataDir, 'sync.db') },
  allowedOrigins: [`http://127.0.0.1:${actualPort}`, `http://localhost:${actualPort}`],
  logger: silentLogger,
  idleUnloadSeconds: 5,
});
console.log(`Crux (browser mode): http://127.0.0.1:${actualPort}/`);

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    Promise.allSettled([server.close(), state.crux?.close()]).finally(() => {
      rmSync(dataDir, { recursive: true, force: true });
      process.exit(0);
    });
  });
}
