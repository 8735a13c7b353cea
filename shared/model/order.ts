// The one order every list of records is shown in: oldest first, the same on every peer.
// `created` alone ties when one client makes several records in a millisecond (an
// import, a script), so ties fall to the Yjs item that holds each record: one client's
// records in the order it made them, other ties the same way everywhere.

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

/** Compares two dated values, oldest first. */
export function byCreation<T>(a: Dated<T>, b: Dated<T>): number {
  const x = a.record._item?.id;
  const y = b.record._item?.id;
  if (a.created !== b.created || !x || !y) return a.created - b.created;
  return x.client === y.client ? x.clock - y.clock : x.client - y.client;
}

/** The values, oldest first. */
export function oldestFirst<T>(items: Dated<T>[]): T[] {
  return items.sort(byCreation).map((item) => item.value);
}
