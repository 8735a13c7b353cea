// Runs the crash-test writer (writer.ts) as child processes the test can SIGKILL. The
// writer is bundled once with esbuild, so each start costs a bare Node start (~0.15 s of
// CPU) instead of a TypeScript loader's (~0.5 s): the test starts two hundred of them.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

/** Bundles writer.ts into `folder`; returns the bundle's path. */
export function bundleWriter(folder: string): string {
  const outfile = join(folder, 'writer.mjs');
  buildSync({
    entryPoints: [join(dirname(fileURLToPath(import.meta.url)), 'writer.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    logLevel: 'warning',
  });
  return outfile;
}

/** A writer process, loaded and waiting for `go()`. */
export interface WriterProcess {
  readonly child: ChildProcess;
  /** Resolves once the writer has loaded its code. */
  readonly ready: Promise<void>;
  /** The highest number the writer has reported durably appended, from its ack file (0 if none). */
  acked(): number;
  /** Whether the writer reported the file open. */
  opened(): boolean;
  /** Resolves once the writer reports the file open. */
  readonly whenOpen: Promise<void>;
  /** Tells the writer to open the file and start appending. */
  go(): void;
  /** Kills the writer with SIGKILL; resolves once it is gone and its output is all read. */
  kill(): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

let writers = 0;

/** Starts a writer on `file` (bundle from `bundleWriter`), compacting every `compactEvery` appends. */
export function startWriter(bundle: string, file: string, compactEvery: number): WriterProcess {
  const acks = `${file}.acks-${++writers}`;
  const child = spawn(process.execPath, ['--no-warnings', bundle, file, acks, String(compactEvery)], {
    stdio: ['pipe', 'pipe', 'pipe'],
    // V8's code cache for the bundle, kept beside it: later starts skip compiling it.
    env: { ...process.env, NODE_COMPILE_CACHE: join(dirname(bundle), 'compile-cache') },
  });
  let opened = false;
  let partial = '';
  let stderr = '';
  let markReady: () => void = () => {};
  let markOpen: () => void = () => {};
  const whenOpen = new Promise<void>((resolve) => (markOpen = resolve));
  const loaded = new Promise<void>((resolve) => (markReady = resolve));
  child.stdout!.on('data', (chunk: Buffer) => {
    partial += chunk.toString('utf8');
    const lines = partial.split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      if (line.startsWith('open ')) {
        opened = true;
        markOpen();
      }
      else if (line === 'ready') markReady();
    }
  });
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  // 'close' comes after the process exits and its pipes are drained: every ack is counted.
  const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('close', (code, signal) => resolve({ code, signal })),
  );
  const ready = Promise.race([
    loaded,
    closed.then(() => {
      throw new Error(`the writer ended before it was ready: ${stderr}`);
    }),
  ]);
  // A writer killed before anyone waited for it must not count as an unhandled failure.
  ready.catch(() => {});
  return {
    child,
    ready,
    acked: () => lastAck(acks),
    opened: () => opened,
    whenOpen,
    go: () => child.stdin!.write('go\n'),
    async kill() {
      child.kill('SIGKILL');
      return { ...(await closed), stderr };
    },
  };
}

/** The last number in an ack file (0 if it has none yet). */
function lastAck(path: string): number {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return 0;
  }
  // Each ack is one small write: a kill lands before or after it, never inside.
  const last = text.trimEnd().split('\n').at(-1) ?? '';
  return last.startsWith('ack ') ? Number(last.slice(4)) : 0;
}
