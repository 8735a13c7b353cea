// What a writer may do to the records of a Crux document, checked on the records an
// update changed: every record must have its root's shape, and authorship must hold
// (commenters touch only their own comments and people entry; nobody forges an author).
import * as Y from 'yjs';
import { COMMENTS, PEOPLE, VERSIONS } from '../../shared/model/roots';
import { RECORD_SHAPES, type RecordShape } from '../../shared/model/stored-shapes';
import type { Role } from '../../shared/sync/roles';

/** Largest record (its fields as JSON) in any record root but the versions, in bytes. */
export const MAX_RECORD_BYTES = 64 * 1024;

/** Why an update is refused, as the client is told. */
export type RefusalCode = 'role' | 'shape' | 'author' | 'quota' | 'malformed';

/** A refusal: its code and a sentence a user can read. */
export interface Refusal {
  readonly code: RefusalCode;
  readonly reason: string;
}

/** Who writes: the connection's role (never a viewer) and person (null if it named none). */
export interface Writer {
  readonly role: Exclude<Role, 'viewer'>;
  readonly person: string | null;
}

/** What one transaction did to one record. */
export interface RecordChange {
  /** Whether the record itself was added, replaced or removed at its key (null: only fields changed). */
  entry: 'add' | 'update' | 'delete' | null;
  /** Fields of the record that changed (for a record changed in place). */
  readonly fields: Set<string>;
}

/** Record changes by root, then key. */
export type RecordChanges = Map<string, Map<string, RecordChange>>;

/** Records the changes one deep event of a record root describes (call inside the observer: events are read lazily). */
export function noteEvent(changes: RecordChanges, rootName: string, root: Y.Map<unknown>, event: Y.YEvent<Y.AbstractType<unknown>>): void {
  let byKey = changes.get(rootName);
  if (!byKey) changes.set(rootName, (byKey = new Map()));
  const get = (key: string) => {
    let change = byKey.get(key);
    if (!change) byKey.set(key, (change = { entry: null, fields: new Set() }));
    return change;
  };
  if (event.target === root) {
    for (const [key, { action }] of (event as Y.YMapEvent<unknown>).keys) get(key).entry = action;
    return;
  }
  const [key, field] = event.path as (string | number)[];
  if (typeof key !== 'string') return;
  if (field === undefined) {
    for (const changed of (event as Y.YMapEvent<unknown>).keysChanged ?? []) get(key).fields.add(changed);
  } else get(key).fields.add(String(field));
}

/** The first rule the changes break for `writer`, or null if they keep them all. */
export function recordRefusal(doc: Y.Doc, changes: RecordChanges, writer: Writer): Refusal | null {
  for (const [rootName, byKey] of changes) {
    const shape = RECORD_SHAPES.get(rootName);
    if (!shape) continue;
    const root = doc.getMap<unknown>(rootName);
    for (const [key, change] of byKey) {
      const value = root.get(key);
      if (value !== undefined) {
        const problem = shapeProblem(rootName, shape, value);
        if (problem) return problem.startsWith('too large') ? { code: 'quota', reason: `${rootName} record ${key} is ${problem}` } : { code: 'shape', reason: `${rootName} record ${key} ${problem}` };
      }
      const reason = authorProblem(root, rootName, shape, key, change, writer);
      if (reason) return { code: 'author', reason };
    }
  }
  return null;
}

function shapeProblem(rootName: string, shape: RecordShape, value: unknown): string | null {
  if (shape.kind === 'maps' && !(value instanceof Y.Map)) return 'is not a record (a map of fields)';
  if (shape.kind === 'values' && value instanceof Y.AbstractType) return 'must be a plain value';
  const plain = value instanceof Y.Map ? (value.toJSON() as unknown) : value;
  if (rootName !== VERSIONS) {
    const bytes = Buffer.byteLength(JSON.stringify(plain) ?? '');
    if (bytes > MAX_RECORD_BYTES) return `too large (${bytes} bytes; at most ${MAX_RECORD_BYTES})`;
  }
  const parsed = shape.schema.safeParse(plain);
  return parsed.success ? null : `is malformed: ${parsed.error.issues[0]?.message ?? 'wrong shape'}`;
}

/** Fields of a thread's first comment anyone who may comment may set: resolving and reopening. */
const RESOLVE_FIELDS = new Set(['resolvedBy', 'resolvedAt']);

function authorProblem(root: Y.Map<unknown>, rootName: string, shape: RecordShape, key: string, change: RecordChange, writer: Writer): string | null {
  const { person } = writer;
  const value = root.get(key);
  const author = value instanceof Y.Map ? value.get('author') : undefined;
  if (rootName === PEOPLE) {
    if (person === null) return 'a connection that names no person may not write people entries';
    if (writer.role === 'commenter' && key !== person) return 'commenters may only write their own people entry';
    return null;
  }
  if (shape.authored && change.fields.has('author')) return 'the author of a record cannot be changed';
  if (writer.role === 'commenter') {
    if (rootName !== COMMENTS) return `commenters may only change comments (update touches ${rootName})`;
    if (person === null) return 'a connection that names no person may not comment';
    if (change.entry === 'delete' || change.entry === 'update') return 'commenters may not remove or replace a comment (deleting one empties it)';
    if (change.entry === 'add') return author === person ? null : 'a comment must name its writer as author';
    const resolvedBy = value instanceof Y.Map ? value.get('resolvedBy') : undefined;
    if (change.fields.has('resolvedBy') && resolvedBy != null && resolvedBy !== person) return 'a thread is resolved in your own name';
    const onlyResolving = [...change.fields].every((field) => RESOLVE_FIELDS.has(field));
    return onlyResolving || author === person ? null : "commenters may not change another person's comment";
  }
  if (shape.authored && (change.entry === 'add' || change.entry === 'update') && author !== person) {
    // A restore or undo brings a record back at its old key with its old author: allowed.
    if (!pastAuthors(root, key).has(author)) return 'a new record must name its writer as author';
  }
  if (rootName === COMMENTS && change.entry === null && author !== person && touchesText(change)) {
    const removed = value instanceof Y.Map && value.get('deleted') === true && value.get('text') === '';
    if (writer.role !== 'owner' || !removed) return "only its author may edit a comment (the owner may delete it)";
  }
  return null;
}

function touchesText(change: RecordChange): boolean {
  return change.fields.has('text') || change.fields.has('deleted') || change.fields.has('edited');
}

/** Authors of the records that were at `key` before the current one (kept: the server keeps deleted content). */
function pastAuthors(root: Y.Map<unknown>, key: string): Set<unknown> {
  const authors = new Set<unknown>();
  for (let item = root._map.get(key)?.left ?? null; item; item = item.left) {
    const content = item.content;
    if (!(content instanceof Y.ContentType) || !(content.type instanceof Y.Map)) continue;
    const field = (content.type as Y.Map<unknown>)._map.get('author');
    const values = field?.content.getContent();
    if (values && values.length > 0) authors.add(values[values.length - 1]);
  }
  return authors;
}
