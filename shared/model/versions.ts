// Named versions: a Yjs snapshot of the whole project under a name, kept in the shared
// document so every participant sees the list live. A version opens as a detached copy
// of the document as it was; restoring one is in restore.ts.
import * as Y from 'yjs';
import { z } from 'zod';
import { newId } from './ids';
import type { ChangeOrigin } from './origin';
import { freeze, oldestFirst, parseRecord, recordOf, type Dated } from './records';
import { VERSIONS } from './roots';
import { id, InputError, parseInput, singleLine, strictInput } from './validation';

/** Longest version name, in characters. */
export const MAX_VERSION_NAME_LENGTH = 120;

/** A named version as listed: what it is called, who made it and when. */
export interface Version {
  readonly id: string;
  readonly name: string;
  /** Person id of who named it. */
  readonly author: string;
  /** When it was named (ms since the epoch). */
  readonly created: number;
}

/** What `createVersion` needs. */
export interface NewVersion {
  readonly name: string;
  readonly author: string;
}

const versionName = singleLine('the version name', MAX_VERSION_NAME_LENGTH);
const newVersion = strictInput('a version', { name: versionName, author: id('author') });
// The snapshot's bytes are read apart: cached reads are frozen, and bytes cannot be.
/** A named version record as stored (its snapshot field is not checked here). */
export const storedVersion = z.object({ name: z.string(), author: z.string(), created: z.number() });

function snapshotBytes(record: Y.Map<unknown>): Uint8Array | null {
  const bytes = record.get('snapshot');
  return bytes instanceof Uint8Array ? bytes : null;
}

function versions(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>(VERSIONS);
}

function requireHistory(doc: Y.Doc, action: string): void {
  // With garbage collection, deleted text is dropped and an older state cannot be rebuilt.
  if (doc.gc) throw new InputError(action, 'this document discards deleted content (Yjs gc is on), so it cannot keep versions');
}

/**
 * Names the project's present state: stores a snapshot of the whole document (reading,
 * annotations, map, comments) under `name`, in one transaction. Returns its id.
 */
export function createVersion(doc: Y.Doc, input: NewVersion, origin: ChangeOrigin): string {
  const parsed = parseInput('createVersion', newVersion, input);
  requireHistory(doc, 'createVersion');
  const snapshot = Y.encodeSnapshotV2(Y.snapshot(doc));
  const key = newId('v');
  doc.transact(() => {
    const record = new Y.Map<unknown>();
    versions(doc).set(key, record);
    record.set('name', parsed.name);
    record.set('author', parsed.author);
    record.set('created', Date.now());
    record.set('snapshot', snapshot);
  }, origin);
  return key;
}

/** Renames a version. */
export function renameVersion(doc: Y.Doc, key: string, name: string, origin: ChangeOrigin): void {
  const record = recordOf(versions(doc), 'renameVersion', key, 'version');
  const value = parseInput('renameVersion', versionName, name);
  doc.transact(() => record.set('name', value), origin);
}

/** Every version, newest first (the same order on every peer). */
export function listVersions(doc: Y.Doc): readonly Version[] {
  const out: Dated<Version>[] = [];
  for (const [key, record] of versions(doc)) {
    const stored = parseRecord(doc, record, storedVersion);
    if (!stored || !snapshotBytes(record)) continue;
    out.push({ value: { id: key, name: stored.name, author: stored.author, created: stored.created }, created: stored.created, record });
  }
  return freeze(oldestFirst(out).reverse());
}

/** One version by id, or undefined. */
export function getVersion(doc: Y.Doc, key: string): Version | undefined {
  return listVersions(doc).find((v) => v.id === key);
}

/** The Yjs snapshot of version `key`; throws an InputError if there is none or it is not whole yet. */
export function versionSnapshot(doc: Y.Doc, key: string, action = 'versionSnapshot'): Y.Snapshot {
  const record = recordOf(versions(doc), action, key, 'version');
  const stored = parseRecord(doc, record, storedVersion);
  const bytes = snapshotBytes(record);
  if (!stored || !bytes) throw new InputError(action, `version ${JSON.stringify(key)} is malformed`);
  let snapshot: Y.Snapshot;
  try {
    snapshot = Y.decodeSnapshotV2(bytes);
  } catch {
    throw new InputError(action, `version ${JSON.stringify(key)} is malformed`);
  }
  // A version names changes of other participants that may still be on their way here.
  for (const [client, clock] of snapshot.sv) {
    if (Y.getState(doc.store, client) < clock) {
      throw new InputError(action, `version "${stored.name}" needs changes that have not arrived yet; try again once connected`);
    }
  }
  return snapshot;
}

/**
 * A detached copy of the document as it was at version `key`: read it like the live
 * one (listAnnotations, articleText…). Its Yjs items keep their ids, so the anchors of
 * that time resolve in it. Changes to it go nowhere; destroy it when done.
 */
export function openVersion(doc: Y.Doc, key: string): Y.Doc {
  return versionDoc(doc, key, 'openVersion');
}

/** openVersion, with errors naming `action`. */
export function versionDoc(doc: Y.Doc, key: string, action: string): Y.Doc {
  requireHistory(doc, action);
  const snapshot = versionSnapshot(doc, key, action);
  return Y.createDocFromSnapshot(doc, snapshot, new Y.Doc({ gc: false }));
}
