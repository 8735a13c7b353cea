// A session: one open project's Y.Doc with everything needed to edit it as this user —
// who they are, the origin their changes carry, their own undo history — and the local
// copy that keeps it across reloads. Views get a session; they never create Y.Docs.
import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import {
  createLocalOrigin,
  createUndoManager,
  ensureDefaultHubs,
  ensurePerson,
  type LocalOrigin,
  type Person,
} from '../../shared/model';
import { ARTICLE, META } from '../../shared/model/roots';
import { localPersonId } from './identity';

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
  /** Closes the project: stops persistence, destroys the document. */
  destroy(): Promise<void>;
}

const LAST_PROJECT = 'crux.last-project';

/** The project open when the app last ran, if any. */
export function lastProjectId(storage: Storage = localStorage): string | null {
  const id = storage.getItem(LAST_PROJECT);
  return id && /^[A-Za-z0-9_-]{8,64}$/.test(id) ? id : null;
}

/** A new project id. */
export function newProjectId(): string {
  return crypto.randomUUID().replace(/-/g, '');
}

/**
 * Opens project `projectId` (creating it if new): loads the local copy, makes sure this
 * user and the default hubs exist, and remembers it as the last project.
 */
export async function openSession(projectId: string, storage: Storage = localStorage): Promise<Session> {
  // History (named versions) needs deleted content kept: no garbage collection.
  const doc = new Y.Doc({ gc: false });
  const local = new IndexeddbPersistence(`crux-project-${projectId}`, doc);
  await local.whenSynced;
  const personId = localPersonId(storage);
  const origin = createLocalOrigin(personId);
  ensurePerson(doc, personId, origin);
  ensureDefaultHubs(doc);
  const undo = createUndoManager(doc, origin);
  storage.setItem(LAST_PROJECT, projectId);
  return {
    projectId,
    doc,
    personId,
    origin,
    undo,
    person: () => ensurePerson(doc, personId, origin),
    hasReading: () => doc.getXmlFragment(ARTICLE).length > 0,
    async destroy() {
      undo.destroy();
      await local.destroy();
      doc.destroy();
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
