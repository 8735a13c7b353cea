import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteDocStore } from '../store/sqlite';
import { TokenError, TokenService, hashToken } from './token-service';

let dir: string;
let store: SqliteDocStore;
let tokens: TokenService;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'crux-tokens-'));
  store = new SqliteDocStore(join(dir, 't.db'));
  tokens = new TokenService(store, () => 1_700_000_000_000);
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function failure(promise: Promise<unknown>): Promise<{ message: string; status: number }> {
  const error = await promise.then(
    () => {
      throw new Error('expected a TokenError');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TokenError);
  return { message: (error as TokenError).message, status: (error as TokenError).status };
}

describe('TokenService', () => {
  it('creates a document with an owner token whose secret is stored only as a hash', async () => {
    const owner = await tokens.createDocument('seminar');
    expect(owner).toMatchObject({ doc: 'seminar', role: 'owner', revokedAt: null });
    expect(owner.token).toMatch(/^crux_[A-Za-z0-9_-]{43}$/);
    const stored = await store.findTokenByHash(hashToken(owner.token));
    expect(stored?.id).toBe(owner.id);
    expect(JSON.stringify(await store.listTokens('seminar'))).not.toContain(owner.token);
    expect(await tokens.verify('seminar', owner.token)).toEqual({ doc: 'seminar', role: 'owner', tokenId: owner.id });
  });

  it('refuses a second document of the same name and bad names', async () => {
    await tokens.createDocument('seminar');
    expect(await failure(tokens.createDocument('seminar'))).toEqual({
      message: 'document "seminar" already exists',
      status: 409,
    });
    expect((await failure(tokens.createDocument('../etc'))).message).toMatch(/^invalid document name: /);
    expect((await failure(tokens.createDocument(''))).status).toBe(400);
  });

  it('explains why a token is refused', async () => {
    const owner = await tokens.createDocument('seminar');
    await tokens.createDocument('other');
    const viewer = await tokens.issue('seminar', 'viewer', 'projector');
    expect(await failure(tokens.verify('seminar', ''))).toEqual({ message: 'a token is required', status: 401 });
    expect(await failure(tokens.verify('seminar', 'crux_nope'))).toEqual({ message: 'unknown token', status: 401 });
    expect(await failure(tokens.verify('other', owner.token))).toEqual({
      message: 'token is for another document',
      status: 401,
    });
    await tokens.revoke('seminar', viewer.id);
    expect(await failure(tokens.verify('seminar', viewer.token))).toEqual({ message: 'token revoked', status: 401 });
  });

  it('lets an owner issue lower roles only, and revoke only non-owner tokens', async () => {
    const owner = await tokens.createDocument('seminar');
    const editor = await tokens.issueAsOwner('seminar', owner.token, 'editor', 'group A');
    expect(editor).toMatchObject({ role: 'editor', label: 'group A' });
    expect(await failure(tokens.issueAsOwner('seminar', owner.token, 'owner'))).toEqual({
      message: 'owners can create editor, commenter, viewer tokens, not owner',
      status: 403,
    });
    expect(await failure(tokens.issueAsOwner('seminar', editor.token, 'viewer'))).toEqual({
      message: 'owner role required (this token is editor)',
      status: 403,
    });
    expect(await failure(tokens.revokeAsOwner('seminar', owner.token, owner.id))).toEqual({
      message: 'owner tokens cannot be revoked through the API',
      status: 403,
    });
    expect(await failure(tokens.revokeAsOwner('seminar', owner.token, 'tok_missing'))).toEqual({
      message: 'document "seminar" has no token "tok_missing"',
      status: 404,
    });
    expect(await tokens.revokeAsOwner('seminar', owner.token, editor.id)).toMatchObject({
      id: editor.id,
      revokedAt: 1_700_000_000_000,
    });
  });

  it('lists tokens without secrets and tells listeners about revocations', async () => {
    let now = 1000;
    tokens = new TokenService(store, () => now++);
    const owner = await tokens.createDocument('seminar');
    const viewer = await tokens.issue('seminar', 'viewer');
    const revoked: string[] = [];
    tokens.onRevoke((t) => revoked.push(t.id));
    await tokens.revoke('seminar', viewer.id);
    const list = await tokens.list('seminar');
    expect(list.map((t) => [t.id, t.role, t.revokedAt !== null])).toEqual([
      [owner.id, 'owner', false],
      [viewer.id, 'viewer', true],
    ]);
    expect(list.every((t) => !('token' in t) && !('hash' in t))).toBe(true);
    expect(revoked).toEqual([viewer.id]);
  });

  it('refuses issuing for a missing document and over-long labels', async () => {
    expect(await failure(tokens.issue('nothing', 'viewer'))).toEqual({
      message: 'no document named "nothing"',
      status: 404,
    });
    await tokens.createDocument('seminar');
    expect(await failure(tokens.issue('seminar', 'viewer', 'x'.repeat(201)))).toEqual({
      message: 'label is longer than 200 characters',
      status: 400,
    });
  });
});
