// `npm run web`: serves the renderer in a plain browser (browser mode) with Vite's dev
// server on loopback, and prints one line with its address once it is listening.
// Options: --port N (or PORT=N; default 5173, 0 picks a free port). A taken port moves on.
// The page edits through a Crux sync server run in this process (DESIGN.md §4): its socket
// is at /sync and its token API at /api/ on the page's own origin, and
// /__crux/connection?project=ID gives the page an owner token for a project. Documents live
// in a temporary SQLite file removed on exit (the browser keeps its own local copy).
import { createServer } from 'vite';
import { fileURLToPath } from 'node:url';
import { createPageSync } from './page-sync.js';

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

const port = portFromArgs(process.argv.slice(2), process.env);
const sync = createPageSync();
const server = await createServer({
  configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)),
  logLevel: 'warn',
  clearScreen: false,
  server: { host: '127.0.0.1', port, strictPort: false },
  plugins: [sync.plugin],
});
await server.listen();
const address = server.httpServer?.address();
const actualPort = typeof address === 'object' && address ? address.port : port;
await sync.start(actualPort);
console.log(`Crux (browser mode): http://127.0.0.1:${actualPort}/`);

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    Promise.allSettled([server.close(), sync.close()]).finally(() => process.exit(0));
  });
}
