// A session: one open project's Y.Doc with everything needed to edit it as this user —
// who they are, the origin their changes carry, their own undo history — the local copy
// that keeps it across reloads, and the sync connection every edit goes through (DESIGN.md
// §4). Views get a session; they never create Y.Docs or providers.
import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import type { Awareness } from 'y-protocols/awareness';
import type { SyncConnection } from '../../shared/ipc';
import { encodeAuthToken } from '../../shared/sync/auth-token';
import { canEdit, type Role } from '../../shared/sync/roles';
import {
  createLocalOrigin,
  createUndoManager,
  defaultPerson,
  getPerson,
  ensureDefaultHubs,
  ensurePerson,
  type LocalOrigin,
  type Person,
} from '../../shared/model';
import { ARTICLE, META } from '../../shared/model/roots';
import { capabilitiesOf, type Capabilities } from './capabilities';
import { localPersonId, localPersonKey } from './identity';
import { parseRefusal, type Refusal } from './refusal';

/** An open project. */
export interface Session {
  /** The project's id (also the sync document's name). */
  readonly projectId: string;
  /** The shared document: the single source of truth. */
  readonly doc: Y.Doc;
  /** This user's id in the document's people. */
  readonly personId: string;
  /** The origin every write of this user passes. */
  readonly origin: LocalOrigin;
  /** This user's undo history (text edits and annotations). */
  readonly undo: Y.UndoManager;
  /** This user as the document knows them now (name, colour). */
  person(): Person;
  /** Whether the project has a reading yet. */
  hasReading(): boolean;
  /** This user's role on the sync server (what the UI offers); a reconnection may change it. */
  readonly role: Role;
  /** What this user may do now (views offer only these writes). */
  capabilities(): Capabilities;
  /** Calls `listener` when the role changes (a reconnection with another link); returns the unsubscribe function. */
  onRoleChange(listener: (role: Role) => void): () => void;
  /**
   * Calls `listener` once when the server refuses one of this user's writes (soon, if it
   * already has); returns the unsubscribe function.
   */
  onRefused(listener: (refusal: Refusal) => void): () => void;
  /**
   * Drops this copy of the document, local copy included (after a refused write, which
   * Yjs cannot take back), and opens the server's copy afresh as a new session.
   */
  reopen(): Promise<Session>;
  /** Presence of everyone connected (this user's state included). */
  readonly awareness: Awareness;
  /** The connection as it is now. */
  status(): SyncStatus;
  /** Calls `listener` whenever the connection status changes; returns the unsubscribe function. */
  onStatus(listener: (status: SyncStatus) => void): () => void;
  /** Resolves once the document was first synced with the server. */
  readonly synced: Promise<void>;
  /** Moves to another server address (hosting starts or stops); the document stays. */
  reconnect(connection: SyncConnection): void;
  /**
   * Closes the project: stops persistence, destroys the document. `discard` also deletes
   * its local copy, for a project made for a reading that was never shown.
   */
  destroy(options?: { discard?: boolean }): Promise<void>;
}

/** Where the connection to the sync server stands. */
export type SyncStatus =
  | { kind: 'connecting' }
  | { kind: 'connected' }
  | { kind: 'offline'; unsynced: number }
  | { kind: 'reconnecting'; unsynced: number }
  | { kind: 'refused'; reason: string }
  /** The server refused a write of this user; the session is being replaced by the server's copy. */
  | { kind: 'rejected'; reason: string };

/** Options of a session. */
export interface SessionOptions {
  /** Where to sync. */
  connection: SyncConnection;
  /** Whether to remember it as the project to reopen next time (not for joined projects). */
  remember?: boolean;
  /**
   * Whether to keep a local copy in this browser's storage (default true). The desktop
   * app's projects live in their .crux file, which the main process reopens: a copy kept
   * by document name would only go stale.
   */
  localCopy?: boolean;
  storage?: Storage;
}

const LAST_PROJECT = 'crux.last-project';

/** The project open when the app last ran, if any. */
export function lastProjectId(storage: Storage = localStorage): string | null {
  const id = storage.getItem(LAST_PROJECT);
  return id && /^[A-Za-z0-9_-]{8,64}$/.test(id) ? id : null;
}

/** Remembers `projectId` as the project to reopen next time. */
export function rememberProject(projectId: string, storage: Storage = localStorage): void {
  storage.setItem(LAST_PROJECT, projectId);
}

/** A new project id. */
export function newProjectId(): string {
  return crypto.randomUUID().replace(/-/g, '');
}

/**
 * Opens project `projectId` (creating it if new): loads the local copy, makes sure this
 * user and the default hubs exist (if their role may write), connects to the sync
 * server, and remembers it as the last project.
 */
export async function openSession(projectId: string, options: SessionOptions): Promise<Session> {
  const storage = options.storage ?? localStorage;
  let role = options.connection.role;
  // History (named versions) needs deleted content kept: no garbage collection.
  const doc = new Y.Doc({ gc: false });
  const local = options.localCopy === false ? null : new IndexeddbPersistence(`crux-project-${projectId}`, doc);
  await local?.whenSynced;
  const personId = localPersonId(storage);
  const origin = createLocalOrigin(personId);
  // A commenter's or viewer's write outside comments would be refused, and Yjs would make
  // every later change of theirs depend on it: they write nothing here. An editor's people
  // entry waits for `person()`: made now, before a joined project has synced, its default
  // "Reader N" would be chosen without seeing the others and repeat the host's.
  if (canEdit(role)) ensureDefaultHubs(doc);
  const undo = createUndoManager(doc, origin);
  if (options.remember !== false) rememberProject(projectId, storage);
  // The server knows who writes by this person id and key, and checks authorship by it.
  const credential = (connection: SyncConnection) => encodeAuthToken(connection.token, personId, localPersonKey(storage));
  const link = connect(projectId, doc, options.connection, credential);
  const roleListeners = new Set<(role: Role) => void>();
  let connection = options.connection;
  let destroyed: Promise<void> | null = null;
  const session: Session = {
    projectId,
    doc,
    personId,
    origin,
    undo,
    get role() {
      return role;
    },
    capabilities: () => capabilitiesOf(role),
    onRoleChange(listener) {
      roleListeners.add(listener);
      return () => roleListeners.delete(listener);
    },
    onRefused: link.onRefused,
    awareness: link.awareness,
    status: link.status,
    onStatus: link.onStatus,
    synced: link.synced,
    reconnect(next) {
      connection = next;
      link.reconnect(next);
      if (next.role === role) return;
      role = next.role;
      for (const listener of roleListeners) listener(role);
    },
    person: () => (canEdit(role) ? ensurePerson(doc, personId, origin) : (getPerson(doc, personId) ?? defaultPerson(doc, personId))),
    hasReading: () => doc.getXmlFragment(ARTICLE).length > 0,
    async reopen() {
      await session.destroy({ discard: true });
      return openSession(projectId, { ...options, connection });
    },
    destroy({ discard = false } = {}) {
      // Idempotent: a session rolled back is destroyed before the app lets go of it.
      destroyed ??= (async () => {
        roleListeners.clear();
        link.destroy();
        undo.destroy();
        await (discard ? local?.clearData() : local?.destroy());
        doc.destroy();
      })();
      return destroyed;
    },
  };
  return session;
}

/** Reconnect delays: from 0.25 s, growing to at most 10 s, jittered so a room of clients does not reconnect in lockstep. */
const RETRY = { delay: 500, minDelay: 250, maxDelay: 10_000, factor: 1.6, jitter: true, maxAttempts: 0 } as const;

/** The provider of one session, with its status and a way to move it to another address. */
function connect(projectId: string, doc: Y.Doc, first: SyncConnection, credential: (connection: SyncConnection) => string) {
  const listeners = new Set<(status: SyncStatus) => void>();
  const refusedListeners = new Set<(refusal: Refusal) => void>();
  let refused: Refusal | null = null;
  let current: SyncStatus = { kind: 'connecting' };
  /** Whether the server sent its state since the socket (re)opened; "connected" also needs ours accepted. */
  let handshake = false;
  let everConnected = false;
  let browserOffline = typeof navigator !== 'undefined' && navigator.onLine === false;
  const socket = new HocuspocusProviderWebsocket({ url: first.url, ...RETRY, autoConnect: !browserOffline });
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: projectId, document: doc, token: credential(first) });
  const awareness = provider.awareness!;
  let markSynced!: () => void;
  const synced = new Promise<void>((resolve) => (markSynced = resolve));
  const set = (next: SyncStatus) => {
    current = next;
    for (const listener of listeners) listener(next);
  };
  const unsynced = () => provider.unsyncedChanges;

  /** Final states: nothing the socket does changes them (the session is closed or replaced). */
  const settled = () => current.kind === 'refused' || current.kind === 'rejected';
  /** "Connected" only once every write of ours the server was sent is accepted: none is left unaccepted. */
  const settleConnected = () => {
    if (handshake && !settled() && unsynced() === 0 && current.kind !== 'connected') set({ kind: 'connected' });
  };

  socket.on('status', ({ status }: { status: string }) => {
    if (settled()) return;
    handshake = false;
    if (status === 'connected') return; // "connected" once the server synced us (below).
    if (status === 'connecting') set(everConnected ? { kind: 'reconnecting', unsynced: unsynced() } : { kind: 'connecting' });
    else set({ kind: 'offline', unsynced: unsynced() });
  });
  provider.on('synced', () => {
    everConnected = true;
    handshake = true;
    markSynced();
    settleConnected();
  });
  provider.on('unsyncedChanges', () => {
    if (current.kind === 'offline' || current.kind === 'reconnecting') set({ ...current, unsynced: unsynced() });
    settleConnected();
  });
  provider.on('stateless', ({ payload }: { payload: string }) => {
    const refusal = parseRefusal(payload);
    // The first refusal is enough: the session is rolled back as a whole.
    if (!refusal || refused) return;
    refused = refusal;
    set({ kind: 'rejected', reason: refusal.reason });
    for (const listener of refusedListeners) listener(refusal);
  });
  provider.on('authenticationFailed', ({ reason }: { reason: string }) => set({ kind: 'refused', reason }));
  provider.on('close', ({ event }: { event: { code: number; reason: string } }) => {
    if (event.code === 4401 || event.code === 4403) set({ kind: 'refused', reason: event.reason });
  });
  provider.attach();

  // Browsers say when the network goes; waiting for the socket to time out would take long.
  const goOffline = () => {
    browserOffline = true;
    socket.disconnect();
    set({ kind: 'offline', unsynced: unsynced() });
  };
  const goOnline = () => {
    browserOffline = false;
    void socket.connect();
  };
  window.addEventListener('offline', goOffline);
  window.addEventListener('online', goOnline);

  return {
    awareness,
    synced,
    status: () => current,
    onStatus(listener: (status: SyncStatus) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onRefused(listener: (refusal: Refusal) => void) {
      // A refusal may come before the app shows the session (a change from the local copy).
      const earlier = refused;
      if (earlier) queueMicrotask(() => refusedListeners.has(listener) && listener(earlier));
      refusedListeners.add(listener);
      return () => refusedListeners.delete(listener);
    },
    reconnect(connection: SyncConnection) {
      if (connection.url === socket.configuration.url && credential(connection) === provider.configuration.token) return;
      socket.disconnect();
      socket.setConfiguration({ url: connection.url });
      provider.setConfiguration({ token: credential(connection) });
      set({ kind: 'reconnecting', unsynced: unsynced() });
      if (!browserOffline) void socket.connect();
    },
    destroy() {
      window.removeEventListener('offline', goOffline);
      window.removeEventListener('online', goOnline);
      listeners.clear();
      refusedListeners.clear();
      provider.destroy();
      socket.destroy();
    },
  };
}

/** Records where a project's reading came from, for titles and the recent list. */
export function setReadingSource(session: Session, source: { name: string; format: string }): void {
  session.doc.transact(() => {
    const meta = session.doc.getMap(META);
    meta.set('sourceName', source.name);
    meta.set('sourceFormat', source.format);
    meta.set('importedAt', Date.now());
  }, session.origin);
}

/** The file name the project's reading was imported from, if recorded. */
export function readingSourceName(session: Session): string | null {
  const name = session.doc.getMap(META).get('sourceName');
  return typeof name === 'string' ? name : null;
}
