// The Crux document model: typed reads and validated writes of the shared Y.Doc. Every
// write runs in one `doc.transact(fn, origin)`; reads return plain frozen values.
export * from './roots';
export { createLocalOrigin, restoreOriginOf, SYSTEM_ORIGIN, type ChangeOrigin, type LocalOrigin, type RestoreOrigin } from './origin';
export {
  InputError,
  MAX_COMMENT_LENGTH,
  MAX_NAME_LENGTH,
  MAX_NOTE_LENGTH,
  MAX_TAG_LENGTH,
  MAX_TAGS,
} from './validation';
export { defaultPerson, ensurePerson, getPerson, listPeople, setPerson, PERSON_COLOURS, type Person } from './people';
export { authorName, claimName, fallbackNames, freeName, nameKey, namesOfOthers } from './names';
export {
  addHub,
  ensureDefaultHubs,
  listHubs,
  recolourHub,
  removeHub,
  renameHub,
  DEFAULT_HUBS,
  HUB_RADIUS,
  type Hub,
  type Point,
} from './hubs';
export {
  addAnnotation,
  deleteAnnotation,
  getAnnotation,
  listAnnotations,
  reattachAnnotation,
  updateAnnotation,
  ROLES,
  type Annotation,
  type AnnotationChanges,
  type AnnotationLink,
  type NewAnnotation,
  type Role,
} from './annotations';
export {
  addLink,
  linkId,
  listLinks,
  removeLink,
  setLinkNote,
  setLinkRelation,
  setLinkStrength,
  setLinks,
  DEFAULT_STRENGTH,
  RELATIONS,
  type Link,
  type LinkSpec,
  type Relation,
  type Strength,
} from './links';
export { addClaim, deleteClaim, listClaims, renameClaim, MAX_CLAIM_LENGTH, type Claim } from './claims';
export { clearPosition, getPositions, setPosition } from './positions';
export { computeScoreboard, readScoreboard, type HubScore, type ContestedPassage, type DiscriminatingEvidence, type Scoreboard, type ScoreboardInput } from './scoreboard';
export {
  addComment,
  deleteComment,
  editComment,
  listThreads,
  reopenThread,
  resolveThread,
  type Comment,
  type Thread,
} from './comments';
export { nodeExists } from './nodes';
export { createUndoManager, UNDO_ROOTS, type UndoOptions } from './undo';
export {
  createVersion,
  getVersion,
  listVersions,
  openVersion,
  renameVersion,
  MAX_VERSION_NAME_LENGTH,
  type NewVersion,
  type Version,
} from './versions';
export { restoreVersion, RESTORED_ROOTS } from './restore';
export { describeTransaction, subscribeChanges, touches, type ChangeKind, type ChangeListener, type DocChange } from './change-feed';
