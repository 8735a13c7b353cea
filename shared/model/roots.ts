// Names of the root types of a Crux project's Y.Doc. Every module that reads or writes
// the shared document names its roots through these constants, never by string.

/** The reading: a Y.XmlFragment bound to ProseMirror with y-prosemirror. */
export const ARTICLE = 'article';
/** Metadata about the reading (source file name, format, import time): a Y.Map. */
export const META = 'meta';
/** Annotations by id: a Y.Map of Y.Maps. */
export const ANNOTATIONS = 'annotations';
/** Comment threads: a Y.Map of comments by id. */
export const COMMENTS = 'comments';
/** Explanation hubs by id: a Y.Map of Y.Maps. */
export const HUBS = 'hubs';
/** Free-standing claims typed into the map: a Y.Map of Y.Maps. */
export const CLAIMS = 'claims';
/** Map edges (supports / challenges) by id: a Y.Map of Y.Maps. */
export const EDGES = 'edges';
/** Node positions set in the map, by node id: a Y.Map. */
export const POSITIONS = 'positions';
/** Participants by client-stable id (name, colour): a Y.Map. */
export const PEOPLE = 'people';
/**
 * Named versions by id (name, author, created, and a Yjs snapshot): a Y.Map of Y.Maps.
 * Restoring a version never rolls this root back.
 */
export const VERSIONS = 'versions';
