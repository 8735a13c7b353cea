// Who made a change to the shared document. Every write function takes an origin and
// passes it to `doc.transact`, so the undo manager can tell this user's changes from a
// colleague's (which arrive with the sync provider as their origin).

/**
 * The origin of the changes this client's user makes. Compared by identity: create one
 * per editing session and pass the same object to every write and to
 * `createUndoManager`.
 */
export interface LocalOrigin {
  readonly kind: 'crux-local';
  /** The person making the changes. */
  readonly personId: string;
}

/** Creates the origin of this user's changes in this session. */
export function createLocalOrigin(personId: string): LocalOrigin {
  return Object.freeze({ kind: 'crux-local', personId });
}

/**
 * Origin of changes no user asked for and nobody should undo (the default explanation
 * hubs every map starts with).
 */
export const SYSTEM_ORIGIN: unique symbol = Symbol('crux-system');

/**
 * The origin of a version restored by this user: a change of its own kind, so observers
 * can tell a restore from ordinary edits, yet undone with the user's other changes.
 */
export interface RestoreOrigin {
  readonly kind: 'crux-restore';
  /** The person who restored. */
  readonly personId: string;
}

const restoreOrigins = new WeakMap<LocalOrigin, RestoreOrigin>();

/**
 * The origin of restores made by the user of `local`: always the same object for the
 * same `local`, so the undo manager made for `local` can track it.
 */
export function restoreOriginOf(local: LocalOrigin): RestoreOrigin {
  let origin = restoreOrigins.get(local);
  if (!origin) {
    origin = Object.freeze({ kind: 'crux-restore', personId: local.personId });
    restoreOrigins.set(local, origin);
  }
  return origin;
}

/** Any origin a model write accepts. */
export type ChangeOrigin = LocalOrigin | RestoreOrigin | typeof SYSTEM_ORIGIN;
