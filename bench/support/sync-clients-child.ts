// Hosts a share of the benchmark's clients in its own process (100 clients in one
// process would mostly measure that process decoding 99 copies in a row). Reports send
// and arrival times on the shared wall clock to bench/sync-latency.ts over IPC.
import { existsSync, readFileSync } from 'node:fs';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { ANNOTATIONS, ARTICLE } from '../../shared/model/roots';

/** The server a client connects to. */
export type Kind = 'crux' | 'y-websocket';

/** Messages from the parent. */
export type ToClients =
  | { type: 'connect'; kind: Kind; port: number; token: string; count: number }
  | { type: 'seed'; corpusPath: string }
  | { type: 'send'; client: number; key: string }
  | { type: 'stop' };

/** Messages to the parent. */
export type FromClients =
  | { type: 'connected'; total: number }
  | { type: 'seeded' }
  | { type: 'sent'; key: string; at: number }
  | { type: 'arrived'; key: string; at: number[] }
  | { type: 'stopped' };

interface Client {
  doc: Y.Doc;
  synced(): boolean;
  destroy(): void;
}

const clients: Client[] = [];
/** Arrival times per sample key, reported once every local receiver has it (IPC per arrival would compete for CPU). */
const arrivals = new Map<string, { at: number[]; expected: number }>();
const send = (message: FromClients) => process.send!(message);
/** Milliseconds on a clock all processes on this machine share. */
const wallClock = () => performance.timeOrigin + performance.now();

function connect(kind: Kind, port: number, token: string): Client {
  const doc = new Y.Doc();
  doc.getMap(ANNOTATIONS).observe((event) => {
    if (event.transaction.local) return;
    const at = wallClock();
    for (const key of event.keysChanged) {
      if (!key.startsWith('sample-')) continue;
      let entry = arrivals.get(key);
      if (!entry) arrivals.set(key, (entry = { at: [], expected: clients.length }));
      entry.at.push(at);
      if (entry.at.length === entry.expected) {
        arrivals.delete(key);
        send({ type: 'arrived', key, at: entry.at });
      }
    }
  });
  if (kind === 'crux') {
    const socket = new HocuspocusProviderWebsocket({ url: `ws://127.0.0.1:${port}`, WebSocketPolyfill: WebSocket });
    const provider = new HocuspocusProvider({ websocketProvider: socket, name: 'bench', document: doc, token });
    provider.attach();
    return {
      doc,
      synced: () => provider.isSynced && !provider.hasUnsyncedChanges,
      destroy: () => {
        provider.destroy();
        socket.destroy();
      },
    };
  }
  const provider = new WebsocketProvider(`ws://127.0.0.1:${port}`, 'bench', doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  return { doc, synced: () => provider.synced, destroy: () => provider.destroy() };
}

async function until(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for clients to sync');
    await new Promise((r) => setTimeout(r, 5));
  }
}

/**
 * An annotation-sized entry: the fields DESIGN.md §2 lists, with anchor-sized selectors,
 * written in one transaction as `shared/model`'s addAnnotation does (so it travels as
 * one update, not one per field).
 */
export function addAnnotation(doc: Y.Doc, id: string, author: string): void {
  doc.transact(() => writeAnnotation(doc, id, author));
}

function writeAnnotation(doc: Y.Doc, id: string, author: string): void {
  const annotation = new Y.Map<unknown>();
  doc.getMap(ANNOTATIONS).set(id, annotation);
  annotation.set('id', id);
  annotation.set('role', 'evidence');
  annotation.set('author', author);
  annotation.set('created', Date.now());
  annotation.set('edited', Date.now());
  annotation.set('note', 'Supports the ideological reading: the party line shifts after the summer.');
  annotation.set('tags', ['1962', 'party-line']);
  annotation.set('anchor', {
    start: 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789',
    end: 'ZyXwVuTsRqPoNmLkJiHgFeDcBa9876543210',
    quote: { exact: 'a quoted passage of about sixty characters from the article', prefix: 'before ', suffix: ' after' },
    position: { start: 12345, end: 12405 },
  });
  annotation.set('links', [{ to: 'hub-ideological', kind: 'supports', strength: 2 }]);
}

/** The seed article as paragraphs (read from the corpus at run time), or filler if absent, plus 200 annotations. */
function seed(doc: Y.Doc, corpusPath: string): void {
  const text = existsSync(corpusPath)
    ? readFileSync(corpusPath, 'utf8')
    : Array.from({ length: 400 }, (_, i) => `Paragraph ${i} of filler standing in for the article.`).join('\n\n');
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  doc.transact(() => {
    doc.getXmlFragment(ARTICLE).insert(
      0,
      paragraphs.map((p) => {
        const element = new Y.XmlElement('paragraph');
        element.insert(0, [new Y.XmlText(p)]);
        return element;
      }),
    );
    for (let i = 0; i < 200; i++) addAnnotation(doc, `seed-${i}`, 'seeder');
  });
}

process.setMaxListeners(0); // y-websocket adds an exit listener per provider
process.on('message', (message: ToClients) => {
  void (async () => {
    switch (message.type) {
      case 'connect': {
        const fresh = Array.from({ length: message.count }, () => connect(message.kind, message.port, message.token));
        clients.push(...fresh);
        await until(() => clients.every((c) => c.synced()));
        send({ type: 'connected', total: clients.length });
        break;
      }
      case 'seed':
        seed(clients[0]!.doc, message.corpusPath);
        await until(() => clients[0]!.synced());
        send({ type: 'seeded' });
        break;
      case 'send': {
        // The sender does not receive its own annotation.
        const entry = arrivals.get(message.key) ?? { at: [], expected: clients.length };
        entry.expected = clients.length - 1;
        if (entry.expected === 0) send({ type: 'arrived', key: message.key, at: [] });
        else arrivals.set(message.key, entry);
        const at = wallClock();
        addAnnotation(clients[message.client]!.doc, message.key, `client-${message.client}`);
        send({ type: 'sent', key: message.key, at });
        break;
      }
      case 'stop':
        for (const c of clients) c.destroy();
        send({ type: 'stopped' });
        setTimeout(() => process.exit(0), 50);
        break;
    }
  })();
});
