// Annotations: passages tagged as evidence, claim or counter-argument, with an anchor,
// an author, a note, free tags and links to what they bear on. One Y.Map per
// annotation, so two people changing different fields of one annotation both win;
// free tags are a Y.Map used as a set, so tags added concurrently all stay.
import * as Y from 'yjs';
import { z } from 'zod';
import { anchorSchema, isAnchor, type Anchor } from '../anchoring/anchor';
import { newId } from './ids';
import { checkLinkEnds, linkSpecInput, listLinks, putLink, type LinkSpec, type Relation } from './links';
import { freeze, oldestFirst, parseRecord, recordOf, type Dated } from './records';
import type { ChangeOrigin } from './origin';
import { removeNode } from './remove-node';
import { ANNOTATIONS } from './roots';
import { id, InputError, MAX_NOTE_LENGTH, parseInput, plainText, strictInput, tags } from './validation';

/** What a tagged passage is to the argument. */
export type Role = 'evidence' | 'claim' | 'counter';

/** Every role, in toolbar order. */
export const ROLES: readonly Role[] = Object.freeze(['evidence', 'claim', 'counter']);

/** A link from an annotation, as listed with it. */
export interface AnnotationLink {
  readonly id: string;
  readonly target: string;
  readonly relation: Relation;
  readonly author: string;
}

/** An annotation as read from the document: a plain, frozen value. */
export interface Annotation {
  readonly id: string;
  readonly role: Role;
  readonly anchor: Anchor;
  /** Person id of who made it. */
  readonly author: string;
  /** When it was made (ms since the epoch). */
  readonly created: number;
  /** When its role, note, tags or anchor last changed, or null. */
  readonly edited: number | null;
  /** Plain text, possibly empty. */
  readonly note: string;
  /** Free tags, sorted. */
  readonly tags: readonly string[];
  /** Links drawn from it, by anyone, oldest first. */
  readonly links: readonly AnnotationLink[];
}

/** What `addAnnotation` needs. `links` are drawn by the author in the same step. */
export interface NewAnnotation {
  readonly role: Role;
  readonly anchor: Anchor;
  readonly author: string;
  readonly note?: string;
  readonly tags?: readonly string[];
  readonly links?: readonly LinkSpec[];
}

/** The changes `updateAnnotation` accepts; omitted fields stay as they are. */
export interface AnnotationChanges {
  readonly role?: Role;
  readonly note?: string;
  readonly tags?: readonly string[];
}

const role = z.enum(['evidence', 'claim', 'counter'], { error: 'role must be one of evidence, claim, counter' });
const note = plainText('note', MAX_NOTE_LENGTH);

const newAnnotation = strictInput('an annotation', {
  role,
  anchor: anchorSchema,
  author: id('author'),
  note: note.optional(),
  tags: tags.optional(),
  links: z.array(linkSpecInput, 'links must be a list').optional(),
});

const changes = strictInput('the changes', { role: role.optional(), note: note.optional(), tags: tags.optional() }).refine(
  (c) => c.role !== undefined || c.note !== undefined || c.tags !== undefined,
  'nothing to change: give a role, note or tags',
);

/** An annotation record as stored (the shape every peer and the sync server check). */
export const storedAnnotation = z.object({
  role,
  anchor: z.custom<Anchor>(isAnchor),
  author: z.string(),
  created: z.number(),
  edited: z.number().nullable(),
  note: z.string(),
  tags: z.record(z.string(), z.literal(true)).transform((set) => Object.keys(set).sort()),
});

function annotations(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>(ANNOTATIONS);
}

function existing(doc: Y.Doc, action: string, key: unknown): Y.Map<unknown> {
  return recordOf(annotations(doc), action, key, 'annotation');
}

function writeTags(record: Y.Map<unknown>, wanted: readonly string[]): void {
  const set = record.get('tags') as Y.Map<true>;
  const keep = new Set(wanted);
  for (const tag of [...set.keys()]) if (!keep.has(tag)) set.delete(tag);
  for (const tag of wanted) if (!set.has(tag)) set.set(tag, true);
}

/** Tags a passage: adds an annotation (and its links) in one undoable step; returns its id. */
export function addAnnotation(doc: Y.Doc, input: NewAnnotation, origin: ChangeOrigin): string {
  const parsed = parseInput('addAnnotation', newAnnotation, input);
  const key = newId('a');
  const links = parsed.links ?? [];
  const targets = new Set<string>();
  for (const link of links) {
    checkLinkEnds(doc, 'addAnnotation', key, link.target, true);
    if (targets.has(link.target)) throw new InputError('addAnnotation', `link target "${link.target}" is listed twice`);
    targets.add(link.target);
  }
  doc.transact(() => {
    const record = new Y.Map<unknown>();
    annotations(doc).set(key, record);
    record.set('role', parsed.role);
    record.set('anchor', parsed.anchor);
    record.set('author', parsed.author);
    record.set('created', Date.now());
    record.set('edited', null);
    record.set('note', parsed.note ?? '');
    record.set('tags', new Y.Map<true>());
    writeTags(record, parsed.tags ?? []);
    for (const link of links) putLink(doc, key, link, parsed.author);
  }, origin);
  return key;
}

/** Changes an annotation's role, note and/or tags. */
export function updateAnnotation(doc: Y.Doc, key: string, input: AnnotationChanges, origin: ChangeOrigin): void {
  const record = existing(doc, 'updateAnnotation', key);
  const parsed = parseInput('updateAnnotation', changes, input);
  doc.transact(() => {
    if (parsed.role !== undefined) record.set('role', parsed.role);
    if (parsed.note !== undefined) record.set('note', parsed.note);
    if (parsed.tags !== undefined) writeTags(record, parsed.tags);
    record.set('edited', Date.now());
  }, origin);
}

/**
 * Gives an annotation a new anchor: after the user re-attached an orphan (see
 * `reanchor`), or to make a recovery by quote permanent (see `resolveAnnotation`).
 */
export function reattachAnnotation(doc: Y.Doc, key: string, anchor: Anchor, origin: ChangeOrigin): void {
  const record = existing(doc, 'reattachAnnotation', key);
  const parsed = parseInput('reattachAnnotation', z.object({ anchor: anchorSchema }), { anchor });
  doc.transact(() => {
    record.set('anchor', parsed.anchor);
    record.set('edited', Date.now());
  }, origin);
}

/** Deletes an annotation with its links, comment threads and map position (one undoable step). */
export function deleteAnnotation(doc: Y.Doc, key: string, origin: ChangeOrigin): void {
  existing(doc, 'deleteAnnotation', key);
  doc.transact(() => removeNode(doc, annotations(doc), key), origin);
}

function read(doc: Y.Doc, key: string, record: Y.Map<unknown>, links: readonly AnnotationLink[]): Annotation | null {
  const stored = parseRecord(doc, record, storedAnnotation);
  return stored && freeze({ id: key, ...stored, links });
}

/** One annotation by id, or undefined. */
export function getAnnotation(doc: Y.Doc, key: string): Annotation | undefined {
  const record = annotations(doc).get(key);
  if (!(record instanceof Y.Map)) return undefined;
  const links = listLinks(doc, { source: key }).map(({ id: linkKey, target, relation, author }) => ({ id: linkKey, target, relation, author }));
  return freeze(read(doc, key, record, links)) ?? undefined;
}

/** Every annotation in `doc`, oldest first (the same order on every peer). */
export function listAnnotations(doc: Y.Doc): readonly Annotation[] {
  const linksBySource = new Map<string, AnnotationLink[]>();
  for (const { id: linkKey, source, target, relation, author } of listLinks(doc)) {
    const list = linksBySource.get(source) ?? [];
    list.push({ id: linkKey, target, relation, author });
    linksBySource.set(source, list);
  }
  const out: Dated<Annotation>[] = [];
  for (const [key, record] of annotations(doc)) {
    const annotation = read(doc, key, record, linksBySource.get(key) ?? []);
    if (annotation) out.push({ value: annotation, created: annotation.created, record });
  }
  return freeze(oldestFirst(out));
}
