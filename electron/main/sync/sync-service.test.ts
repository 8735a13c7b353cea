import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { connectClient, type TestClient } from '../../../server/test-support/clients';
import { waitFor } from '../../../server/test-support/wait';
import { parseJoinLink, formatJoinLink } from '../../../shared/sync/join-link';
import { recordingLogger } from '../../test-support/fakes';
import { rendererOverHttp } from './renderer-over-http';
import { SyncService } from './sync-service';

const APP = 'app://crux';

describe('SyncService', () => {
  let dir: string;
  let service: SyncService;
  const clients: TestClient[] = [];

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'crux-sync-'));
    const rendererDir = join(dir, 'renderer');
    mkdirSync(rendererDir);
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Crux page</title>');
    const log = recordingLogger();
    service = new SyncService({
      store: { kind: 'sqlite', path: join(dir, 'sync.db') },
      appOrigins: [APP],
      serveRenderer: rendererOverHttp(rendererDir, log),
      lanAddresses: () => ['127.0.0.1'],
      log,
    });
    await service.start();
  });

  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await service.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  function connect(url: string, doc: string, token: string): TestClient {
    const client = connectClient({ url, doc, token });
    clients.push(client);
    return client;
  }

  it('hands the local user an owner connection on loopback that syncs', async () => {
    const connection = await service.connection('project-1');
    expect(connection.url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/sync$/);
    expect(connection.role).toBe('owner');
    expect(await service.connection('project-1')).toEqual(connection);
    const a = connect(connection.url, 'project-1', connection.token);
    const b = connect(connection.url, 'project-1', connection.token);
    await Promise.all([a.synced(), b.synced()]);
    a.doc.getText('t').insert(0, 'shared words');
    await waitFor(() => b.doc.getText('t').toString() === 'shared words', 'the second client to see the text');
  });

  it('refuses web pages of other origins on loopback', async () => {
    const { url } = await service.connection('project-2');
    const status = await new Promise<number>((resolve) => {
      const socket = new WebSocket(url, { origin: 'http://evil.example' });
      socket.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      socket.on('open', () => resolve(101));
    });
    expect(status).toBe(403);
  });

  it('hosts: serves the page over HTTP, admits an editor link and a viewer link, and revokes', async () => {
    const hosting = await service.host('seminar', 0);
    expect(hosting.base).toBe(`http://127.0.0.1:${hosting.port}`);
    const page = await fetch(`${hosting.base}/`);
    expect(await page.text()).toContain('Crux page');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");

    const host = connect(hosting.connection.url, 'seminar', hosting.connection.token);
    await host.synced();
    host.doc.getText('t').insert(0, 'from the host');

    const editor = await service.issueToken('seminar', 'editor', 'group A');
    const joined = parseJoinLink(formatJoinLink(hosting.base, 'seminar', editor.token, 'editor'));
    const guest = connect(joined.url, joined.project, joined.token);
    await guest.synced();
    await waitFor(() => guest.doc.getText('t').toString() === 'from the host', 'the guest to receive the text');

    const viewer = await service.issueToken('seminar', 'viewer', 'projector');
    const watcher = connect(hosting.connection.url, 'seminar', viewer.token);
    await watcher.synced();
    watcher.doc.getText('t').insert(0, 'sneaky ');
    guest.doc.getText('t').insert(0, 'edited ');
    await waitFor(() => host.doc.getText('t').toString() === 'edited from the host', 'the editor\'s change only');

    const listed = await service.listTokens('seminar');
    expect(listed.map((t) => [t.role, t.label])).toEqual([
      ['owner', 'this computer'],
      ['editor', 'group A'],
      ['viewer', 'projector'],
    ]);
    await service.revokeToken('seminar', editor.id);
    await waitFor(() => guest.closes.some((c) => c.code === 4401), 'the revoked guest to be disconnected');
    await expect(service.revokeToken('seminar', listed[0]!.id)).rejects.toThrow('The owner token of this computer cannot be revoked.');
    await expect(service.revokeToken('seminar', 'tok_nope')).rejects.toThrow('Project seminar has no token tok_nope.');

    const back = await service.stopHosting('seminar');
    expect(back.url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/sync$/);
    await expect(fetch(`${hosting.base}/`)).rejects.toThrow();
  });

  it('keeps documents across restarts and retires the last run\'s owner token', async () => {
    const first = await service.connection('kept');
    const a = connect(first.url, 'kept', first.token);
    await a.synced();
    a.doc.getText('t').insert(0, 'kept text');
    await a.acknowledged();
    a.destroy();
    await service.dispose();
    await service.start();
    const second = await service.connection('kept');
    expect(second.token).not.toBe(first.token);
    const b = connect(second.url, 'kept', second.token);
    await b.synced();
    expect(b.doc.getText('t').toString()).toBe('kept text');
    const owners = (await service.listTokens('kept')).filter((t) => t.role === 'owner');
    expect(owners.map((t) => t.revokedAt === null)).toEqual([false, true]);
  });
});
