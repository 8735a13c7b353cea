// An annotation's anchor: live Yjs relative positions that follow its words through
// every edit, concurrent ones included, plus W3C selectors that can find the words again
// in another copy of the text. Creating one from a text range and resolving it back.
import * as Y from 'yjs';
import { z } from 'zod';
import { ARTICLE } from '../model/roots';
import { InputError } from '../model/validation';
import { TextPositionAnchor, TextQuoteAnchor, type TextPositionSelector, type TextQuoteSelector } from './selectors';
import type { Assoc, TextRange } from './text-conventions';
import { yDocText, type YDocText } from './y-doc-text';

/** A Yjs item id as stored in JSON. */
export interface ItemId {
  readonly client: number;
  readonly clock: number;
}

/** A Y.RelativePosition as plain JSON (what `Y.relativePositionToJSON` describes). */
export interface RelativePositionJSON {
  readonly type?: ItemId;
  readonly tname?: string;
  readonly item?: ItemId;
  readonly assoc: number;
}

/**
 * Where an annotation sits.
 *
 * `start` leans on the annotation's first character and `end` on its last (Yjs `assoc`
 * 1 and -1), so text typed just before or just after the highlight stays outside it,
 * text typed inside it joins it, and deleting characters at its edges shrinks it. Yjs
 * puts new text after deleted text at the same place, so retyping a highlight's first
 * characters keeps the new ones inside, while retyping its last characters leaves the
 * new ones outside (the other choice, leaning the end on the character after the
 * highlight, would make every word typed after a highlight join it).
 *
 * `startBlock` and `endBlock` lean on the top-level blocks holding the two ends: when
 * a block is deleted, Yjs may garbage-collect its text, and with it the items `start`
 * and `end` point at; the block's own tombstone stays, so the end can still be placed
 * where that block was.
 *
 * `quote` and `position` are its W3C selectors as of when it was made (or re-attached).
 */
export interface Anchor {
  readonly start: RelativePositionJSON;
  readonly end: RelativePositionJSON;
  readonly startBlock: RelativePositionJSON;
  readonly endBlock: RelativePositionJSON;
  readonly quote: TextQuoteSelector;
  readonly position: TextPositionSelector;
}

/** Longest quote an anchor may hold, in characters (a long chapter, not a book). */
export const MAX_QUOTE_LENGTH = 100_000;

const itemId = z.strictObject({ client: z.number().int().nonnegative(), clock: z.number().int().nonnegative() });
const relativePosition = z
  .strictObject({ type: itemId.optional(), tname: z.string().optional(), item: itemId.optional(), assoc: z.number().int() })
  .refine((p) => p.item !== undefined || p.type !== undefined || p.tname !== undefined, 'a relative position needs an item, a type or a root name');
const offset = z.number().int().nonnegative();

/** Checks an anchor's shape (as given by a caller or read from a peer's update). */
export const anchorSchema = z.strictObject(
  {
    start: relativePosition,
    end: relativePosition,
    startBlock: relativePosition,
    endBlock: relativePosition,
    quote: z.strictObject({
      type: z.literal('TextQuoteSelector'),
      exact: z.string().min(1).max(MAX_QUOTE_LENGTH),
      prefix: z.string().max(MAX_QUOTE_LENGTH),
      suffix: z.string().max(MAX_QUOTE_LENGTH),
    }),
    position: z
      .strictObject({ type: z.literal('TextPositionSelector'), start: offset, end: offset })
      .refine((p) => p.start < p.end, 'a position selector must end after it starts'),
  },
  'anchor must be an anchor made by createAnchor',
);

const checkedAnchors = new WeakSet<object>();

/**
 * Whether `value` is a well-formed anchor. Anchors stored in the document never change,
 * so each one read from it is checked once (this keeps listing thousands cheap).
 */
export function isAnchor(value: unknown): value is Anchor {
  if (typeof value !== 'object' || value === null) return false;
  if (checkedAnchors.has(value)) return true;
  if (!anchorSchema.safeParse(value).success) return false;
  checkedAnchors.add(value);
  return true;
}

/** Each document's last read text, dropped by any transaction that changes the article. */
const textCache = new WeakMap<Y.Doc, { text: YDocText | null }>();

function touchesFragment(transaction: Y.Transaction, fragment: Y.XmlFragment): boolean {
  for (const type of transaction.changed.keys()) {
    let t: object | null = type;
    while (t) {
      if (t === fragment) return true;
      const parent: unknown = (t as { _item: { parent: unknown } | null })._item?.parent;
      // (A parent given as an ID is not integrated: not part of the article.)
      t = parent && typeof parent === 'object' && '_item' in parent ? parent : null;
    }
  }
  return false;
}

/**
 * The document text of the reading in `doc` (a snapshot; read it again after edits).
 * Kept between reads while the article is unchanged, so the many views that resolve
 * anchors after one annotation changed do not each read the whole text again.
 */
export function articleText(doc: Y.Doc): YDocText {
  const fragment = doc.getXmlFragment(ARTICLE);
  // Within a transaction the article may have changed since the last read.
  if (doc._transaction !== null) return yDocText(fragment);
  let entry = textCache.get(doc);
  if (!entry) {
    const fresh: { text: YDocText | null } = { text: null };
    // Before any observer runs, so none of them can read a stale text.
    doc.on('beforeObserverCalls', (transaction: Y.Transaction) => {
      if (fresh.text && touchesFragment(transaction, fragment)) fresh.text = null;
    });
    textCache.set(doc, fresh);
    entry = fresh;
  }
  entry.text ??= yDocText(fragment);
  return entry.text;
}

/**
 * Makes the anchor of a range of the reading's document text (a selection, converted
 * with `pmDocText(...).rangeFromPm`). Whitespace at either end is left out, as a
 * highlight starting with a line break or space would only look odd. Throws an
 * InputError if the range is out of the text or holds no words.
 */
export function createAnchor(doc: Y.Doc, range: TextRange, text: YDocText = articleText(doc)): Anchor {
  const { start, end } = range;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.text.length || start >= end) {
    throw new InputError('createAnchor', `range ${start}–${end} is not a non-empty range of the ${text.text.length}-character text`);
  }
  const trimmed = trimRange(text.text, range);
  if (!trimmed) throw new InputError('createAnchor', 'the range holds only whitespace');
  const fragment = doc.getXmlFragment(ARTICLE);
  const startPos = text.positionAt(trimmed.start, 1);
  const endPos = text.positionAt(trimmed.end, -1);
  return {
    start: toJSON(Y.createRelativePositionFromTypeIndex(startPos.type, startPos.index, 1)),
    end: toJSON(Y.createRelativePositionFromTypeIndex(endPos.type, endPos.index, -1)),
    startBlock: toJSON(Y.createRelativePositionFromTypeIndex(fragment, topLevelIndex(fragment, startPos.type), 1)),
    endBlock: toJSON(Y.createRelativePositionFromTypeIndex(fragment, topLevelIndex(fragment, endPos.type) + 1, -1)),
    quote: TextQuoteAnchor.fromRange(text.text, trimmed).toSelector(),
    position: TextPositionAnchor.fromRange(trimmed).toSelector(),
  };
}

/** Index, among the fragment's children, of the top-level block holding `type`. */
function topLevelIndex(fragment: Y.XmlFragment, type: object): number {
  let node: unknown = type;
  while (node instanceof Y.AbstractType && node.parent !== fragment && node.parent !== null) node = node.parent;
  const index = fragment.toArray().indexOf(node as Y.XmlElement);
  return Math.max(0, index);
}

/** `range` without whitespace at either end, or null if nothing else is in it. */
export function trimRange(text: string, range: TextRange): TextRange | null {
  let { start, end } = range;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return start < end ? { start, end } : null;
}

/**
 * Resolves an anchor's live positions to a range of the current text, or null if an
 * end refers to content this document doesn't have (not received yet). The range may
 * be empty, or hold only whitespace, when its words were deleted.
 */
export function resolveLiveRange(doc: Y.Doc, anchor: Anchor, text: YDocText): TextRange | null {
  const start = resolvePosition(doc, anchor.start, 1, text) ?? resolvePosition(doc, anchor.startBlock, 1, text);
  const end = resolvePosition(doc, anchor.end, -1, text) ?? resolvePosition(doc, anchor.endBlock, -1, text);
  return start === null || end === null ? null : { start, end };
}

function resolvePosition(doc: Y.Doc, json: RelativePositionJSON, assoc: Assoc, text: YDocText): number | null {
  let position = Y.createAbsolutePositionFromRelativePosition(Y.createRelativePositionFromJSON(json), doc);
  while (position) {
    const offset = text.offsetAt(position, assoc);
    if (offset !== null) return offset;
    // The position is inside a deleted block: it now stands where that block was, in
    // the nearest ancestor that is still there.
    const item = position.type._item;
    if (!item || !item.deleted) return null;
    position = Y.createAbsolutePositionFromRelativePosition(new Y.RelativePosition(null, null, item.id, assoc), doc);
  }
  return null;
}

function toJSON(rpos: Y.RelativePosition): RelativePositionJSON {
  return {
    ...(rpos.type ? { type: { client: rpos.type.client, clock: rpos.type.clock } } : {}),
    ...(rpos.tname !== null ? { tname: rpos.tname } : {}),
    ...(rpos.item ? { item: { client: rpos.item.client, clock: rpos.item.clock } } : {}),
    assoc: rpos.assoc,
  };
}
