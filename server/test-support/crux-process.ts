// Runs `crux` (bin/crux.js) as a child process with this test's Node, collecting its
// JSON log lines, so tests can kill it like a real crash and start it again.
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LogEntry } from '../log';
import { waitFor } from './wait';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** A running `crux` process. */
export interface CruxProcess {
  readonly child: ChildProcess;
  /** Parsed JSON lines from stdout. */
  readonly logs: LogEntry[];
  /** Every stdout line, JSON or not. */
  readonly lines: string[];
  /** Everything on stderr. */
  stderr(): string;
  /** Resolves with the first log entry whose fields include `match`. */
  waitForLog(match: Partial<LogEntry>, timeoutMs?: number): Promise<LogEntry>;
  /** Resolves with the exit code (or the signal name) once the process ends. */
  readonly exited: Promise<number | string>;
}

/** Starts `node bin/crux.js ...args` in `cwd`. */
export function runCrux(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): CruxProcess {
  const child = spawn(process.execPath, [join(repoRoot, 'bin', 'crux.js'), ...args], {
    cwd: options.cwd ?? repoRoot,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: LogEntry[] = [];
  const lines: string[] = [];
  let stderr = '';
  let partial = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    partial += chunk.toString('utf8');
    const complete = partial.split('\n');
    partial = complete.pop() ?? '';
    for (const line of complete) {
      lines.push(line);
      if (line.startsWith('{')) logs.push(JSON.parse(line) as LogEntry);
    }
  });
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<number | string>((done) =>
    child.once('exit', (code, signal) => done(code ?? signal ?? 'unknown')),
  );
  const matches = (entry: LogEntry, match: Partial<LogEntry>) =>
    Object.entries(match).every(([key, value]) => entry[key] === value);
  return {
    child,
    logs,
    lines,
    stderr: () => stderr,
    exited,
    async waitForLog(match, timeoutMs = 20_000) {
      await waitFor(
        () => logs.some((entry) => matches(entry, match)) || child.exitCode !== null,
        `crux to log ${JSON.stringify(match)}`,
        timeoutMs,
      );
      const found = logs.find((entry) => matches(entry, match));
      if (!found) throw new Error(`crux exited (${child.exitCode}) before logging ${JSON.stringify(match)}:\n${stderr}`);
      return found;
    },
  };
}
