// Comment threads on any annotation or map node: the seminar's "collaborative critique".
// A thread is a first comment and its replies; it can be resolved and reopened. Comments
// are plain text. A deleted comment keeps its place (emptied) while replies remain, so a
// reply never loses its thread, even when the deletion and the reply are concurrent.
import * as Y from 'yjs';
import { z } from 'zod';
import { newId } from './ids';
import { nodeExists } from './nodes';
import { freeze, oldestFirst, parseRecord, recordOf, type Dated } from './records';
import type { ChangeOrigin } from './origin';
import { COMMENTS } from './roots';
import { id, InputError, MAX_COMMENT_LENGTH, parseInput, plainText, strictInput } from './validation';

/** One comment as read from the document. */
export interface Comment {
  readonly id: string;
  /** The annotation or map node the thread is about. */
  readonly target: string;
  /** The id of the thread's first comment (its own id for a first comment). */
  readonly thread: string;
  /** The comment this one replies to, or null for a thread's first comment. */
  readonly parent: string | null;
  readonly author: string;
  /** Plain text; empty once deleted. */
  readonly text: string;
  readonly created: number;
  /** When its text was last edited, or null. */
  readonly edited: number | null;
  readonly deleted: boolean;
}

/** A thread: its first comment, then the replies in the order they were written. */
export interface Thread {
  /** The id of its first comment. */
  readonly id: string;
  readonly target: string;
  /** The first comment, then the replies, oldest first. */
  readonly comments: readonly Comment[];
  /** Who resolved it and when, or null while it is open. */
  readonly resolved: { readonly by: string; readonly at: number } | null;
}

const commentText = plainText('comment text', MAX_COMMENT_LENGTH).refine((s) => s.trim().length > 0, 'comment text is empty');

const newComment = strictInput('a comment', {
  target: id('target'),
  parent: id('parent').optional(),
  author: id('author'),
  text: commentText,
});

/** A comment record as stored (the shape every peer and the sync server check). */
export const storedComment = z.object({
  target: z.string(),
  thread: z.string(),
  parent: z.string().nullable(),
  author: z.string(),
  text: z.string(),
  created: z.number(),
  edited: z.number().nullable(),
  deleted: z.boolean(),
  resolvedBy: z.string().nullable().optional(),
  resolvedAt: z.number().nullable().optional(),
});

function comments(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>(COMMENTS);
}

function existing(doc: Y.Doc, action: string, commentId: unknown, what = 'comment'): Y.Map<unknown> {
  return recordOf(comments(doc), action, commentId, what);
}

/**
 * Adds a comment on `target` (an annotation or map node), as a reply to `parent` if
 * given (which must be a comment on the same target), and returns its id.
 */
export function addComment(doc: Y.Doc, input: { target: string; parent?: string; author: string; text: string }, origin: ChangeOrigin): string {
  const { target, parent, author, text } = parseInput('addComment', newComment, input);
  if (!nodeExists(doc, target)) throw new InputError('addComment', `target "${target}" is not an annotation, hub or claim in this document`);
  let thread: string | null = null;
  if (parent !== undefined) {
    const parentRecord = existing(doc, 'addComment', parent, 'comment to reply to');
    if (parentRecord.get('target') !== target) throw new InputError('addComment', `comment ${parent} is about another node than "${target}"`);
    thread = parentRecord.get('thread') as string;
  }
  const key = newId('c');
  const record = new Y.Map<unknown>();
  record.set('target', target);
  record.set('thread', thread ?? key);
  record.set('parent', parent ?? null);
  record.set('author', author);
  record.set('text', text);
  record.set('created', Date.now());
  record.set('edited', null);
  record.set('deleted', false);
  doc.transact(() => comments(doc).set(key, record), origin);
  return key;
}

const byInput = (what: string) => strictInput(what, { id: id('comment id'), by: id('by') });

/** Changes the text of a comment; only its author may. */
export function editComment(doc: Y.Doc, input: { id: string; by: string; text: string }, origin: ChangeOrigin): void {
  const { id: key, by, text } = parseInput('editComment', strictInput('an edit', { id: id('comment id'), by: id('by'), text: commentText }), input);
  const record = existing(doc, 'editComment', key);
  if (record.get('author') !== by) throw new InputError('editComment', 'only its author can edit a comment');
  if (record.get('deleted') === true) throw new InputError('editComment', 'the comment was deleted');
  doc.transact(() => {
    record.set('text', text);
    record.set('edited', Date.now());
  }, origin);
}

/** Deletes a comment; only its author may. Its replies stay. */
export function deleteComment(doc: Y.Doc, input: { id: string; by: string }, origin: ChangeOrigin): void {
  const { id: key, by } = parseInput('deleteComment', byInput('a deletion'), input);
  const record = existing(doc, 'deleteComment', key);
  if (record.get('author') !== by) throw new InputError('deleteComment', 'only its author can delete a comment');
  doc.transact(() => {
    record.set('text', '');
    record.set('deleted', true);
  }, origin);
}

function setResolved(doc: Y.Doc, action: string, input: unknown, resolved: boolean, origin: ChangeOrigin): void {
  const { id: key, by } = parseInput(action, strictInput('a thread and who acts', { id: id('thread id'), by: id('by') }), input);
  const record = existing(doc, action, key, 'thread');
  if (record.get('parent') !== null) throw new InputError(action, `comment ${key} is a reply, not a thread`);
  if ((record.get('resolvedBy') != null) === resolved) return;
  doc.transact(() => {
    record.set('resolvedBy', resolved ? by : null);
    record.set('resolvedAt', resolved ? Date.now() : null);
  }, origin);
}

/** Marks a thread (by its first comment's id) resolved by `by`. Resolving a resolved thread does nothing. */
export function resolveThread(doc: Y.Doc, input: { id: string; by: string }, origin: ChangeOrigin): void {
  setResolved(doc, 'resolveThread', input, true, origin);
}

/** Reopens a resolved thread. Reopening an open thread does nothing. */
export function reopenThread(doc: Y.Doc, input: { id: string; by: string }, origin: ChangeOrigin): void {
  setResolved(doc, 'reopenThread', input, false, origin);
}

/** Removes every comment on `node`, inside the caller's transaction (the node is being removed). */
export function removeCommentsOn(doc: Y.Doc, node: string): void {
  for (const [key, record] of comments(doc)) {
    if (record instanceof Y.Map && record.get('target') === node) comments(doc).delete(key);
  }
}

/**
 * The threads in `doc`, optionally only those on `target`, oldest first. Threads whose
 * comments were all deleted, or whose node is gone, are left out.
 */
export function listThreads(doc: Y.Doc, target?: string): readonly Thread[] {
  const byThread = new Map<string, Dated<Comment>[]>();
  const resolved = new Map<string, Thread['resolved']>();
  for (const [key, record] of comments(doc)) {
    const c = parseRecord(doc, record, storedComment);
    if (!c) continue;
    if (target !== undefined && c.target !== target) continue;
    const comment: Comment = { id: key, target: c.target, thread: c.thread, parent: c.parent, author: c.author, text: c.text, created: c.created, edited: c.edited, deleted: c.deleted };
    const list = byThread.get(c.thread) ?? [];
    list.push({ value: comment, created: c.created, record });
    byThread.set(c.thread, list);
    if (key === c.thread) resolved.set(key, c.resolvedBy != null && c.resolvedAt != null ? { by: c.resolvedBy, at: c.resolvedAt } : null);
  }
  const threads: Dated<Thread>[] = [];
  for (const [key, list] of byThread) {
    const first = list.find((c) => c.value.id === key);
    if (!first || list.every((c) => c.value.deleted) || !nodeExists(doc, first.value.target)) continue;
    const replies = oldestFirst(list.filter((c) => c !== first));
    const thread = { id: key, target: first.value.target, comments: [first.value, ...replies], resolved: resolved.get(key) ?? null };
    threads.push({ ...first, value: thread });
  }
  return freeze(oldestFirst(threads));
}
