// What a participant may do, by role: the one table every view consults before offering
// a control, so the UI never offers a write the sync server would refuse (its update
// guard enforces the same rules: shared/sync/roles.ts, server/sync/update-guard.ts).
import type { Role } from '../../shared/sync/roles';

/** The writes a role may make, one flag per kind of control. */
export interface Capabilities {
  /** Type into and correct the reading. */
  readonly editText: boolean;
  /** Tag passages (tag toolbar, Alt+1/2/3, tag popover), edit or delete annotations, re-attach orphans. */
  readonly tag: boolean;
  /** Change the map: Add claim, draw and delete links, move nodes, rename hubs. */
  readonly editMap: boolean;
  /** Post comments and replies. */
  readonly comment: boolean;
  /** Resolve and reopen comment threads. */
  readonly resolve: boolean;
  /** Set their own name and colour (their own people entry). */
  readonly nameSelf: boolean;
  /** Name versions and restore one (History). */
  readonly versions: boolean;
  /** Import annotations from a file. */
  readonly importAnnotations: boolean;
  /** Host the seminar: hand out join links, revoke them. */
  readonly host: boolean;
}

const EDITOR: Capabilities = {
  editText: true,
  tag: true,
  editMap: true,
  comment: true,
  resolve: true,
  nameSelf: true,
  versions: true,
  importAnnotations: true,
  host: false,
};

const NOTHING: Capabilities = {
  editText: false,
  tag: false,
  editMap: false,
  comment: false,
  resolve: false,
  nameSelf: false,
  versions: false,
  importAnnotations: false,
  host: false,
};

const TABLE: Readonly<Record<Role, Capabilities>> = Object.freeze({
  owner: Object.freeze({ ...EDITOR, host: true }),
  editor: Object.freeze(EDITOR),
  // Comments and their own people entry: what the update guard lets a commenter write.
  commenter: Object.freeze({ ...NOTHING, comment: true, resolve: true, nameSelf: true }),
  // A viewer writes nothing, not even a people entry.
  viewer: Object.freeze(NOTHING),
});

/** What `role` may do. */
export function capabilitiesOf(role: Role): Capabilities {
  return TABLE[role];
}

