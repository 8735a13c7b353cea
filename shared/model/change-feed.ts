// One change feed per Y.Doc: after each transaction, which records of each root it
// changed (annotation ids, link ids, …) and whether the reading's text changed, worked
// out once from the transaction and handed to every subscriber. Views subscribe here
// instead of each observing the roots and walking Yjs events on its own.
import type * as Y from 'yjs';
import { ANNOTATIONS, ARTICLE, CLAIMS, COMMENTS, EDGES, HUBS, META, PEOPLE, POSITIONS, VERSIONS } from './roots';

/** What one transaction changed, by root: the ids (top-level keys) of the records it added, changed or removed. */
export interface DocChange {
  /** Whether the reading (its text, blocks or marks) changed. */
  readonly article: boolean;
  readonly annotations: ReadonlySet<string>;
  /** Links (`EDGES`) by id. */
  readonly links: ReadonlySet<string>;
  readonly claims: ReadonlySet<string>;
  readonly hubs: ReadonlySet<string>;
  readonly comments: ReadonlySet<string>;
  /** Node ids whose shared position changed. */
  readonly positions: ReadonlySet<string>;
  /** Person ids. */
  readonly people: ReadonlySet<string>;
  readonly versions: ReadonlySet<string>;
  /** Keys of the reading's metadata. */
  readonly meta: ReadonlySet<string>;
  /** The transaction's origin (a `ChangeOrigin`, y-prosemirror's key, a provider, …). */
  readonly origin: unknown;
  /** Whether the transaction was made in this process (false: an update received). */
  readonly local: boolean;
}

/** The record roots of a change, by the field that lists their ids. */
export type ChangeKind = Exclude<keyof DocChange, 'article' | 'origin' | 'local'>;

/** Root name of each kind. */
const ROOT_OF: Readonly<Record<ChangeKind, string>> = {
  annotations: ANNOTATIONS,
  links: EDGES,
  claims: CLAIMS,
  hubs: HUBS,
  comments: COMMENTS,
  positions: POSITIONS,
  people: PEOPLE,
  versions: VERSIONS,
  meta: META,
};
const KIND_OF: ReadonlyMap<string, ChangeKind> = new Map(Object.entries(ROOT_OF).map(([kind, root]) => [root, kind as ChangeKind]));
const KINDS = Object.keys(ROOT_OF) as ChangeKind[];

/** Called with each transaction's change. */
export type ChangeListener = (change: DocChange) => void;

/** Whether `change` touches any of `kinds` (or the reading, when `article` is listed). */
export function touches(change: DocChange, ...kinds: readonly (ChangeKind | 'article')[]): boolean {
  return kinds.some((k) => (k === 'article' ? change.article : change[k].size > 0));
}

/** A shared type as a transaction lists it. */
type YType = Y.Transaction['changed'] extends Map<infer T, unknown> ? T : never;

/** The root a type lives in, and the top-level key of the record holding it (null for the root itself or a list). */
function recordOf(type: YType): { root: YType; key: string | null } {
  let t = type;
  let key: string | null = null;
  while (t._item) {
    key = t._item.parentSub;
    t = t._item.parent as YType;
  }
  return { root: t, key };
}

/** What `tr` changed; null when it changed none of the roots the feed knows. */
export function describeTransaction(doc: Y.Doc, tr: Y.Transaction): DocChange | null {
  const names = new Map<YType, string>();
  for (const [name, type] of doc.share) names.set(type, name);
  const ids = new Map<ChangeKind, Set<string>>(KINDS.map((k) => [k, new Set<string>()]));
  let article = false;
  let any = false;
  for (const [type, keys] of tr.changed) {
    const { root, key } = recordOf(type);
    const name = names.get(root);
    if (name === ARTICLE) {
      article = any = true;
      continue;
    }
    const kind = name === undefined ? undefined : KIND_OF.get(name);
    if (!kind) continue;
    const set = ids.get(kind)!;
    if (root === type) {
      for (const k of keys) if (k !== null) set.add(k);
    }
    else if (key !== null) set.add(key);
    any ||= set.size > 0;
  }
  if (!any) return null;
  const change = { article, origin: tr.origin as unknown, local: tr.local } as Record<string, unknown>;
  for (const [kind, set] of ids) change[kind] = set;
  return Object.freeze(change) as unknown as DocChange;
}

interface Feed {
  readonly listeners: Set<ChangeListener>;
  readonly onTransaction: (tr: Y.Transaction) => void;
}

const feeds = new WeakMap<Y.Doc, Feed>();

/**
 * Calls `listener` after every transaction of `doc` that changed a record or the
 * reading, with what it changed (worked out once for all subscribers). Returns the
 * unsubscribe function.
 */
export function subscribeChanges(doc: Y.Doc, listener: ChangeListener): () => void {
  let feed = feeds.get(doc);
  if (!feed) {
    const listeners = new Set<ChangeListener>();
    const onTransaction = (tr: Y.Transaction) => {
      const change = describeTransaction(doc, tr);
      if (!change) return;
      // A listener may unsubscribe (or subscribe another) while being called.
      for (const l of [...listeners]) if (listeners.has(l)) l(change);
    };
    feed = { listeners, onTransaction };
    feeds.set(doc, feed);
    doc.on('afterTransaction', onTransaction);
  }
  const { listeners, onTransaction } = feed;
  listeners.add(listener);
  return () => {
    if (!listeners.delete(listener) || listeners.size > 0) return;
    doc.off('afterTransaction', onTransaction);
    feeds.delete(doc);
  };
}
