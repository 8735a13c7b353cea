// A seminar for write-policy tests: a server with a document, one token per role, and
// participants joining as named persons (auth token JSON with a person key).
import { randomBytes } from 'node:crypto';
import * as Y from 'yjs';
import { encodeAuthToken } from '../../shared/sync/auth-token';
import type { Role } from '../../shared/sync/roles';
import { connectClient, type TestClient } from './clients';
import { startTestServer, type TestServer } from './test-server';
import { waitFor } from './wait';

/** A participant: a provider plus the refusals the server sent it. */
export interface Participant extends TestClient {
  readonly person: string;
  /** Stateless `crux.refused` messages received, parsed. */
  readonly refusals: { type: string; reason: string; code: string }[];
}

/** A running seminar. */
export interface Seminar {
  readonly t: TestServer;
  readonly doc: string;
  /** Joins as `person` (with the key it first joined with, or `key`) with the role's token; waits for the first sync. */
  join(role: Role, person: string | null, key?: string): Promise<Participant>;
  /** Connects as `join` does without waiting for a sync (which a refused connection never gets). */
  connect(role: Role, person: string | null, key?: string): Participant;
  /** The document as stored. */
  stored(): Promise<Y.Doc>;
  /** An editor change that must reach `observer`: once it has, anything sent before it would have too. */
  barrier(observer: Y.Doc, label: string): Promise<void>;
  stop(): Promise<void>;
}

/** A person key as clients make them. */
export const newPersonKey = () => randomBytes(32).toString('base64url');

/** Starts a server with document `doc` and a token per role. */
export async function startSeminar(doc = 'seminar'): Promise<Seminar> {
  const t = await startTestServer();
  const tokens = new Map<Role, string>([['owner', (await t.server.tokens.createDocument(doc)).token]]);
  for (const role of ['editor', 'commenter', 'viewer'] as const) tokens.set(role, (await t.server.tokens.issue(doc, role)).token);
  const clients: TestClient[] = [];
  const keys = new Map<string, string>();
  const seminar: Seminar = {
    t,
    doc,
    async join(role, person, key) {
      const client = seminar.connect(role, person, key);
      await client.synced();
      return client;
    },
    connect(role, person, key) {
      const token = tokens.get(role)!;
      if (person !== null && !keys.has(person)) keys.set(person, key ?? newPersonKey());
      const credential = person === null ? token : encodeAuthToken(token, person, key ?? keys.get(person)!);
      const client = connectClient({ url: t.server.url, doc, token: credential });
      clients.push(client);
      const refusals: Participant['refusals'] = [];
      client.provider.on('stateless', ({ payload }: { payload: string }) => refusals.push(JSON.parse(payload)));
      return Object.assign(client, { person: person ?? '', refusals });
    },
    async stored() {
      const stored = new Y.Doc();
      const state = await t.server.store.load(doc);
      if (state) Y.applyUpdate(stored, state);
      return stored;
    },
    async barrier(observer, label) {
      const editor = await seminar.join('editor', null);
      editor.doc.getXmlFragment('article').push([new Y.XmlText(label)]);
      await waitFor(() => observer.getXmlFragment('article').toString().includes(label), `barrier ${label}`);
      editor.destroy();
    },
    async stop() {
      for (const c of clients) c.destroy();
      await t.stop();
    },
  };
  return seminar;
}
