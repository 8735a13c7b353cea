// Browser mode's side of syncing: the page's own web server (scripts/web.js, or a
// seminar host) runs a Crux sync server. Its JSON endpoint hands this user an owner
// connection for a project; token management goes through the server's token API with
// that owner token. "Hosting" is the web server itself: join links point at this page.
import { IssuedTokenSchema, SyncConnectionSchema, TokenInfoSchema, type SyncConnection } from '../../shared/ipc';
import type { Platform } from './platform';

/** The endpoint of scripts/web.js that answers `{url, token, role}` for `?project=`. */
export const CONNECTION_ENDPOINT = '/__crux/connection';

type SyncPart = Pick<Platform, 'syncConnection' | 'host' | 'stopHosting' | 'listTokens' | 'issueToken' | 'revokeToken'>;

/** The sync methods of the browser Platform. */
export function browserSync(): SyncPart {
  const owners = new Map<string, SyncConnection>();

  async function connection(projectId: string): Promise<SyncConnection> {
    const known = owners.get(projectId);
    if (known) return known;
    const response = await fetch(`${CONNECTION_ENDPOINT}?project=${encodeURIComponent(projectId)}`);
    if (!response.ok) throw new Error(`This page's server offers no sync connection (${response.status} ${await response.text()}).`);
    const parsed = SyncConnectionSchema.parse(await response.json());
    owners.set(projectId, parsed);
    return parsed;
  }

  async function api(projectId: string, path: string, init: RequestInit = {}): Promise<unknown> {
    const { token } = await connection(projectId);
    const response = await fetch(`/api/documents/${encodeURIComponent(projectId)}/tokens${path}`, {
      ...init,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    });
    const body: unknown = response.status === 204 ? null : await response.json();
    if (!response.ok) throw new Error((body as { error?: string } | null)?.error ?? `The server answered ${response.status}.`);
    return body;
  }

  return {
    syncConnection: connection,
    async host(projectId) {
      return { base: location.origin, addresses: [location.hostname], port: Number(location.port || 80), connection: await connection(projectId) };
    },
    stopHosting: connection,
    async listTokens(projectId) {
      const body = (await api(projectId, '')) as { tokens?: unknown } | unknown[];
      return TokenInfoSchema.array().parse(Array.isArray(body) ? body : body.tokens);
    },
    async issueToken(projectId, role, label) {
      return IssuedTokenSchema.parse(await api(projectId, '', { method: 'POST', body: JSON.stringify({ role, label }) }));
    },
    async revokeToken(projectId, id) {
      await api(projectId, `/${encodeURIComponent(id)}`, { method: 'DELETE' });
    },
  };
}
