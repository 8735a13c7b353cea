// Records of the shared document: one Y.Map per annotation, link, comment or hub, kept
// by id in a root map, and read back as plain frozen values, oldest first, in the same
// order on every peer. A record unchanged since it was last read is not parsed again,
// so listing thousands stays cheap.
import * as Y from 'yjs';
import type { z } from 'zod';
import { InputError } from './validation';

/** The record `key` of a root map, or an InputError naming `action` and `what` is missing. */
export function recordOf(records: Y.Map<Y.Map<unknown>>, action: string, key: unknown, what: string): Y.Map<unknown> {
  const record = typeof key === 'string' ? records.get(key) : undefined;
  // A faulty peer's plain value at that key is no record: the same as none.
  if (!(record instanceof Y.Map)) throw new InputError(action, `no ${what} with id ${JSON.stringify(key)}`);
  return record;
}

const readCaches = new WeakMap<Y.Doc, WeakMap<object, unknown>>();

function readCache(doc: Y.Doc): WeakMap<object, unknown> {
  let cache = readCaches.get(doc);
  if (!cache) {
    const values = new WeakMap<object, unknown>();
    // Forget a record as soon as it or anything inside it changed, before any observer
    // of the change runs (and so may read it again).
    doc.on('beforeObserverCalls', (transaction: Y.Transaction) => {
      for (const changed of transaction.changed.keys()) {
        for (let type: typeof changed | null = changed; type; type = type.parent) values.delete(type);
      }
    });
    readCaches.set(doc, values);
    cache = values;
  }
  return cache;
}

/**
 * Reads a record with `read` and freezes the result, or returns the value read last
 * time if the record has not changed since. Inside a transaction it always reads
 * afresh, as the transaction may have changed the record already.
 */
export function readRecord<T>(doc: Y.Doc, record: Y.Map<unknown>, read: (record: Y.Map<unknown>) => T): T {
  if (doc._transaction !== null) return freeze(read(record));
  const cache = readCache(doc);
  if (cache.has(record)) return cache.get(record) as T;
  const value = freeze(read(record));
  cache.set(record, value);
  return value;
}

/**
 * A record's fields checked with `schema` (cached as readRecord does), or null if a
 * faulty peer left it malformed: such a record has nothing to show.
 */
export function parseRecord<S extends z.ZodType>(doc: Y.Doc, record: Y.Map<unknown>, schema: S): z.output<S> | null {
  // The root's type says Y.Map, but a faulty peer may have put anything there.
  if (!((record as unknown) instanceof Y.Map)) return null;
  return readRecord(doc, record, (r) => {
    const parsed = schema.safeParse(r.toJSON());
    return parsed.success ? parsed.data : null;
  });
}

/** Deep-freezes a plain value so callers can't mutate what a read returned. */
export function freeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) freeze(v);
  }
  return value;
}

/** Anything stored in a Yjs item (a Y.Map record). */
export interface Stored {
  readonly _item: { readonly id: { readonly client: number; readonly clock: number } } | null;
}

/** A value to list, with when it was made and the Yjs record it was read from. */
export interface Dated<T> {
  readonly value: T;
  readonly created: number;
  readonly record: Stored;
}

/**
 * Compares two dated values, oldest first. `created` alone ties when one client makes
 * several records in a millisecond (an import, a script), so ties fall to the Yjs item
 * holding each record: one client's records in the order it made them, other ties the
 * same way everywhere.
 */
export function byCreation<T>(a: Dated<T>, b: Dated<T>): number {
  const x = a.record._item?.id;
  const y = b.record._item?.id;
  if (a.created !== b.created || !x || !y) return a.created - b.created;
  return x.client === y.client ? x.clock - y.clock : x.client - y.client;
}

/** The values, oldest first (see byCreation). */
export function oldestFirst<T>(items: Dated<T>[]): T[] {
  return items.sort(byCreation).map((item) => item.value);
}
