// Records of the shared document: one Y.Map per annotation, link, comment or hub, kept
// by id in a root map, and read back as plain frozen values, oldest first, in the same
// order on every peer.
import type * as Y from 'yjs';
import { InputError } from './validation';

/** The record `key` of a root map, or an InputError naming `action` and `what` is missing. */
export function recordOf(records: Y.Map<Y.Map<unknown>>, action: string, key: unknown, what: string): Y.Map<unknown> {
  const record = typeof key === 'string' ? records.get(key) : undefined;
  if (!record) throw new InputError(action, `no ${what} with id ${JSON.stringify(key)}`);
  return record;
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
