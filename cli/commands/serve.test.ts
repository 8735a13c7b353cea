// `crux serve`: flags and environment, bootstrapping a document, and a real crash: the
// server process is killed with SIGKILL mid-session, clients keep editing offline, the
// server comes back on the same port and database, everyone converges, and nothing the
// server had acknowledged before the kill is lost.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectClient, type TestClient } from '../../server/test-support/clients';
import { runCrux, type CruxProcess } from '../../server/test-support/crux-process';
import { freePort } from '../../server/test-support/ports';
import { waitFor } from '../../server/test-support/wait';
import { UsageError } from '../args';
import { parseServeArgs } from './serve';

describe('crux serve arguments', () => {
  it('defaults to loopback, port 1234 and ./crux-server.db', () => {
    expect(parseServeArgs([], {})).toMatchObject({
      options: { host: '127.0.0.1', port: 1234, store: { kind: 'sqlite', path: './crux-server.db' }, limits: {} },
      listen: true,
    });
  });

  it('reads the environment, and flags win over it', () => {
    const env = {
      CRUX_PORT: '4000',
      CRUX_HOST: '0.0.0.0',
      CRUX_POSTGRES_URL: 'postgres://crux@db/crux',
      CRUX_REDIS_URL: 'redis://:secret@cache:6380',
      CRUX_ALLOWED_ORIGINS: 'app://crux, http://localhost:5173',
    };
    expect(parseServeArgs([], env)).toMatchObject({
      options: {
        port: 4000,
        host: '0.0.0.0',
        store: { kind: 'postgres', url: 'postgres://crux@db/crux' },
        redis: { host: 'cache', port: 6380, password: 'secret' },
        allowedOrigins: ['app://crux', 'http://localhost:5173'],
      },
    });
    expect(
      parseServeArgs(['--port', '5000', '--db', 'x.db', '--allowed-origin', 'app://a', '--allowed-origin', 'app://b'], env),
    ).toMatchObject({
      options: { port: 5000, store: { kind: 'sqlite', path: 'x.db' }, allowedOrigins: ['app://a', 'app://b'] },
    });
    expect(parseServeArgs(['--max-message-bytes', '65536', '--create-doc', 'seminar', '--no-listen'], {})).toMatchObject({
      options: { limits: { maxMessageBytes: 65536 } },
      createDoc: 'seminar',
      listen: false,
    });
  });

  it('explains bad arguments', () => {
    const message = (args: string[]) => {
      try {
        parseServeArgs(args, {});
      } catch (error) {
        expect(error).toBeInstanceOf(UsageError);
        return (error as Error).message;
      }
      throw new Error('accepted');
    };
    expect(message(['--port', 'http'])).toBe('--port must be a whole number from 0 to 65535, not "http"');
    expect(message(['--port', '70000'])).toBe('--port must be a whole number from 0 to 65535, not "70000"');
    expect(message(['--db', 'a.db', '--postgres', 'postgres://x/y'])).toBe(
      '--db and --postgres exclude each other: pick one store',
    );
    expect(message(['--redis', 'localhost:6379'])).toBe(
      '--redis must be a URL like redis://127.0.0.1:6379, not "localhost:6379"',
    );
    expect(message(['--no-listen'])).toBe('--no-listen only makes sense with --create-doc');
    expect(message(['--max-message-bytes', '10'])).toBe(
      '--max-message-bytes must be a whole number from 1024 to 2147483648, not "10"',
    );
    expect(message(['--verbose'])).toMatch(/Unknown option '--verbose'/);
  });
});

describe('crux serve process', () => {
  let dir: string;
  let processes: CruxProcess[];
  let clients: TestClient[];
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'crux-serve-'));
    processes = [];
    clients = [];
  });
  afterEach(async () => {
    for (const c of clients) c.destroy();
    for (const p of processes) if (p.child.exitCode === null) p.child.kill('SIGKILL');
    await Promise.all(processes.map((p) => p.exited));
    rmSync(dir, { recursive: true, force: true });
  });

  const start = (args: string[]) => {
    const p = runCrux(['serve', ...args], { cwd: dir });
    processes.push(p);
    return p;
  };

  async function createDoc(name: string): Promise<string> {
    const p = start(['--db', 'crux.db', '--create-doc', name, '--no-listen']);
    expect(await p.exited).toBe(0);
    const line = p.lines.find((l) => l.startsWith(`Owner token for document "${name}"`));
    return line!.split(': ').at(-1)!;
  }

  it('prints an owner token, refuses to create the same document twice, and exits cleanly on SIGTERM', { timeout: 90_000 }, async () => {
    const token = await createDoc('seminar');
    expect(token).toMatch(/^crux_/);
    const again = start(['--db', 'crux.db', '--create-doc', 'seminar', '--no-listen']);
    expect(await again.exited).toBe(1);
    expect(again.stderr()).toContain('crux serve: document "seminar" already exists');

    const server = start(['--db', 'crux.db', '--port', '0', '--create-doc', 'second']);
    const listening = await server.waitForLog({ msg: 'listening' });
    expect(listening.url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/);
    await server.waitForLog({ msg: 'document created', doc: 'second' });
    const client = connectClient({ url: listening.url as string, doc: 'seminar', token });
    clients.push(client);
    await client.synced();
    client.doc.getText('notes').insert(0, 'before shutdown');
    await client.acknowledged();
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(server.logs.map((l) => l.msg)).toEqual(expect.arrayContaining(['shutting down', 'closed']));
  });

  it('survives SIGKILL mid-session: acknowledged updates persist and everyone converges', { timeout: 60_000 }, async () => {
    const token = await createDoc('seminar');
    const port = await freePort();
    const args = ['--db', 'crux.db', '--port', String(port), '--idle-unload-seconds', '0'];
    let server = start(args);
    const url = (await server.waitForLog({ msg: 'listening' })).url as string;

    for (let i = 0; i < 4; i++) clients.push(connectClient({ url, doc: 'seminar', token }));
    await Promise.all(clients.map((c) => c.synced()));
    const marks = (c: TestClient) => c.doc.getMap<number>('marks');

    // Acknowledged work: each client writes, and waits until the server confirmed it.
    for (const [i, c] of clients.entries()) for (let n = 0; n < 10; n++) marks(c).set(`acked-${i}-${n}`, n);
    await Promise.all(clients.map((c) => c.acknowledged()));
    const acknowledged = clients.flatMap((_c, i) => Array.from({ length: 10 }, (_x, n) => `acked-${i}-${n}`));

    // Work still in flight when the server dies.
    for (const [i, c] of clients.entries()) for (let n = 0; n < 10; n++) marks(c).set(`inflight-${i}-${n}`, n);
    server.child.kill('SIGKILL');
    expect(await server.exited).toBe('SIGKILL');

    // Clients keep working offline (and stay offline until the durability check below).
    await waitFor(() => clients.every((c) => c.socket.status === 'disconnected'), 'every client to notice');
    for (const c of clients) c.socket.disconnect();
    for (const [i, c] of clients.entries()) {
      marks(c).set(`offline-${i}`, i);
      c.doc.getText('notes').insert(0, `client ${i} was offline. `);
    }

    server = start(args);
    await server.waitForLog({ msg: 'listening' });

    // A newcomer who never saw anything finds every acknowledged update in the store.
    const newcomer = connectClient({ url, doc: 'seminar', token });
    clients.push(newcomer);
    await newcomer.synced();
    expect(acknowledged.filter((key) => !marks(newcomer).has(key))).toEqual([]);

    // The others come back and everyone converges on everything, offline work included.
    for (const c of clients) void c.socket.connect();
    await Promise.all(clients.map((c) => c.acknowledged(30_000)));
    const all = () => JSON.stringify([...marks(newcomer).keys()].sort()) + newcomer.doc.getText('notes').length;
    await waitFor(
      () =>
        clients.every(
          (c) => JSON.stringify([...marks(c).keys()].sort()) + c.doc.getText('notes').length === all(),
        ) && marks(newcomer).size === 4 * 21,
      'every client to converge on all work',
      30_000,
    );
    const vectors = new Set(clients.map((c) => Buffer.from(Y.encodeStateVector(c.doc)).toString('hex')));
    expect(vectors.size).toBe(1);

    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  });
});
