// Starts a throwaway redis-server on a free loopback port for a test.
import { spawn } from 'node:child_process';
import { freePort } from './ports';
import { requireProgram } from './system';

/** A running Redis; `stop()` kills it. */
export interface TestRedis {
  host: string;
  port: number;
  stop(): Promise<void>;
}

/** Starts redis-server without persistence; resolves once it accepts connections. */
export async function startRedis(): Promise<TestRedis> {
  const program = requireProgram('redis-server', 'redis-server');
  const port = await freePort();
  const child = spawn(program, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`redis-server did not start within 10 s:\n${output}`)), 10_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited with ${code}:\n${output}`));
    });
  });
  child.removeAllListeners('exit');
  return {
    host: '127.0.0.1',
    port,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }),
  };
}
