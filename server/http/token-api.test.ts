// The owner's token API over real HTTP: create, list and revoke tokens; everyone else
// is refused with the right status and a message; a revoked token can no longer connect
// and its live connections are closed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectClient } from '../test-support/clients';
import { startTestServer, type TestServer } from '../test-support/test-server';
import { waitFor } from '../test-support/wait';

let t: TestServer;
let owner: string;

async function api(
  method: string,
  path: string,
  options: { token?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  let body: string | undefined = options.raw;
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  const res = await fetch(`${t.server.httpUrl}${path}`, { method, headers, body });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

beforeAll(async () => {
  t = await startTestServer();
  owner = (await t.server.tokens.createDocument('seminar')).token;
  await t.server.tokens.createDocument('other');
});
afterAll(() => t.stop());

describe('token API', () => {
  it('creates a token (secret shown once), lists tokens without secrets, revokes one', async () => {
    const created = await api('POST', '/api/documents/seminar/tokens', {
      token: owner,
      body: { role: 'commenter', label: 'group B' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ doc: 'seminar', role: 'commenter', label: 'group B', revokedAt: null });
    expect(created.body.token).toMatch(/^crux_/);

    const listed = await api('GET', '/api/documents/seminar/tokens', { token: owner });
    expect(listed.status).toBe(200);
    const tokens = listed.body.tokens as Record<string, unknown>[];
    expect(tokens.map((x) => x.role)).toEqual(['owner', 'commenter']);
    expect(JSON.stringify(listed.body)).not.toContain(created.body.token as string);

    const revoked = await api('DELETE', `/api/documents/seminar/tokens/${created.body.id as string}`, { token: owner });
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).toEqual(expect.any(Number));
    await t.logger.waitFor({ msg: 'token revoked', doc: 'seminar', token: created.body.id as string });
  });

  it('refuses callers who are not the owner of that document', async () => {
    const editor = (await t.server.tokens.issue('seminar', 'editor')).token;
    const otherOwner = (await t.server.tokens.issue('other', 'owner')).token;
    expect(await api('GET', '/api/documents/seminar/tokens')).toEqual({
      status: 401,
      body: { error: 'an "Authorization: Bearer <owner token>" header is required' },
    });
    expect(await api('GET', '/api/documents/seminar/tokens', { token: 'crux_wrong' })).toEqual({
      status: 401,
      body: { error: 'unknown token' },
    });
    expect(await api('GET', '/api/documents/seminar/tokens', { token: otherOwner })).toEqual({
      status: 401,
      body: { error: 'token is for another document' },
    });
    expect(await api('POST', '/api/documents/seminar/tokens', { token: editor, body: { role: 'viewer' } })).toEqual({
      status: 403,
      body: { error: 'owner role required (this token is editor)' },
    });
    expect(await api('POST', '/api/documents/seminar/tokens', { token: owner, body: { role: 'owner' } })).toEqual({
      status: 403,
      body: { error: 'owners can create editor, commenter, viewer tokens, not owner' },
    });
  });

  it('explains bad requests', async () => {
    const bad = (body: unknown) => api('POST', '/api/documents/seminar/tokens', { token: owner, body });
    expect((await bad({ role: 'admin' })).status).toBe(400);
    expect((await bad({ role: 'admin' })).body.error).toMatch(/^bad request body: role: /);
    expect((await bad({ role: 'viewer', extra: 1 })).body.error).toMatch(/^bad request body: .*extra/);
    expect(
      await api('POST', '/api/documents/seminar/tokens', {
        token: owner,
        raw: '{"role":',
        headers: { 'Content-Type': 'application/json' },
      }),
    ).toEqual({ status: 400, body: { error: 'the body is not valid JSON' } });
    expect(await api('POST', '/api/documents/seminar/tokens', { token: owner, raw: 'role=viewer' })).toEqual({
      status: 415,
      body: { error: 'the body must be application/json' },
    });
    expect(await api('PUT', '/api/documents/seminar/tokens', { token: owner })).toEqual({
      status: 405,
      body: { error: 'PUT is not allowed here' },
    });
    expect(await api('GET', '/api/nothing', { token: owner })).toEqual({
      status: 404,
      body: { error: 'no such endpoint: /api/nothing' },
    });
    expect(await api('GET', '/api/documents/%E0%A4%A/tokens', { token: owner })).toEqual({
      status: 400,
      body: { error: 'bad percent-encoding in the path: %E0%A4%A' },
    });
    expect(await api('DELETE', '/api/documents/seminar/tokens/tok_nope', { token: owner })).toEqual({
      status: 404,
      body: { error: 'document "seminar" has no token "tok_nope"' },
    });
  });

  it('answers health checks', async () => {
    expect(await api('GET', '/healthz')).toEqual({ status: 200, body: { ok: true } });
  });

  it('closes connections of a revoked token, which can then no longer connect', async () => {
    const viewer = await api('POST', '/api/documents/seminar/tokens', { token: owner, body: { role: 'viewer' } });
    const secret = viewer.body.token as string;
    const client = connectClient({ url: t.server.url, doc: 'seminar', token: secret });
    await client.synced();
    await api('DELETE', `/api/documents/seminar/tokens/${viewer.body.id as string}`, { token: owner });
    await waitFor(() => client.closes.some((c) => c.code === 4401 && c.reason === 'token revoked'), 'the socket to close');
    await waitFor(() => client.authFailures.includes('token revoked'), 'the reconnect to be refused');
    expect(t.logger.find({ msg: 'connection refused', doc: 'seminar', reason: 'token revoked' }).length).toBeGreaterThan(0);
    client.destroy();
  });
});
