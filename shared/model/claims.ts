// Free-standing claims: statements typed straight into the argument map rather than
// tagged in the reading. They are map nodes like hubs and annotations (links, comments,
// positions point at them) and their text is plain, never HTML.
import * as Y from 'yjs';
import { z } from 'zod';
import { newId } from './ids';
import { freeze, oldestFirst, parseRecord, recordOf, type Dated } from './records';
import type { ChangeOrigin } from './origin';
import { removeNode } from './remove-node';
import { CLAIMS } from './roots';
import { hasControlCharacter, id, missingOr, parseInput, strictInput } from './validation';

/** Longest claim text, in characters. */
export const MAX_CLAIM_LENGTH = 500;

/** A claim as read from the document. */
export interface Claim {
  readonly id: string;
  /** Plain text, one or more lines. */
  readonly text: string;
  /** Person id of who typed it. */
  readonly author: string;
  /** When it was made (ms since the epoch). */
  readonly created: number;
}

const text = z
  .string(missingOr('text', 'text must be text'))
  .transform((s) => s.replace(/\r\n?/g, '\n').trim())
  .refine((s) => s.length > 0, 'text must not be empty')
  .refine((s) => s.length <= MAX_CLAIM_LENGTH, `text is too long (at most ${MAX_CLAIM_LENGTH} characters)`)
  .refine((s) => !hasControlCharacter(s, true), 'text contains a control character (only line breaks are allowed)');

/** A claim record as stored. */
export const storedClaim = z.object({ text: z.string(), author: z.string(), created: z.number() });

function claims(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>(CLAIMS);
}

/** Adds a claim and returns its id. */
export function addClaim(doc: Y.Doc, input: { text: string; author: string }, origin: ChangeOrigin): string {
  const parsed = parseInput('addClaim', strictInput('a claim', { text, author: id('author') }), input);
  const key = newId('claim');
  doc.transact(() => {
    const record = new Y.Map<unknown>();
    claims(doc).set(key, record);
    record.set('text', parsed.text);
    record.set('author', parsed.author);
    record.set('created', Date.now());
  }, origin);
  return key;
}

/** Changes a claim's text. */
export function renameClaim(doc: Y.Doc, key: string, newText: string, origin: ChangeOrigin): void {
  const record = recordOf(claims(doc), 'renameClaim', key, 'claim');
  const value = parseInput('renameClaim', text, newText);
  doc.transact(() => record.set('text', value), origin);
}

/** Deletes a claim with its links, comment threads and map position (one undoable step). */
export function deleteClaim(doc: Y.Doc, key: string, origin: ChangeOrigin): void {
  recordOf(claims(doc), 'deleteClaim', key, 'claim');
  doc.transact(() => removeNode(doc, claims(doc), key), origin);
}

/** Every claim, oldest first. */
export function listClaims(doc: Y.Doc): readonly Claim[] {
  const out: Dated<Claim>[] = [];
  for (const [key, record] of claims(doc)) {
    const stored = parseRecord(doc, record, storedClaim);
    if (stored) out.push({ value: { id: key, ...stored }, created: stored.created, record });
  }
  return freeze(oldestFirst(out));
}
