// Starts browser mode (`node scripts/web.js`) on a free loopback port for tests and
// benchmarks, waits for its address line, and stops it again.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** A running web server. */
export interface WebServer {
  /** Its address, e.g. `http://127.0.0.1:41234/`. */
  url: string;
  /** Stops it and waits until it has exited. */
  stop(): Promise<void>;
}

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const URL_LINE = /^Crux \(browser mode\): (http:\/\/127\.0\.0\.1:\d+\/)$/m;

/** Starts `scripts/web.js --port 0` with this process's Node and resolves once it listens. */
export function startWebServer(timeoutMs = 60_000): Promise<WebServer> {
  const child = spawn(process.execPath, ['scripts/web.js', '--port', '0'], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  let output = '';
  return new Promise<WebServer>((resolve, reject) => {
    const timer = setTimeout(() => {
      void stopChild(child);
      reject(new Error(`scripts/web.js printed no address within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = URL_LINE.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ url: match[1], stop: () => stopChild(child) });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`scripts/web.js exited with ${code} before listening:\n${output}`));
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
