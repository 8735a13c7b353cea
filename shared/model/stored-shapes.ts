// The shape of a record in each root of the shared document, in one table: what the sync
// server checks every written record against, and what a reader may rely on.
import type { z } from 'zod';
import { storedAnnotation } from './annotations';
import { storedClaim } from './claims';
import { storedComment } from './comments';
import { storedHub } from './hubs';
import { storedLink } from './links';
import { storedPerson } from './people';
import { storedPoint } from './positions';
import { ANNOTATIONS, CLAIMS, COMMENTS, EDGES, HUBS, PEOPLE, POSITIONS, VERSIONS } from './roots';
import { MAX_COMMENT_LENGTH, MAX_NAME_LENGTH } from './validation';
import { storedVersion } from './versions';

/** How the records of one root are kept and checked. */
export interface RecordShape {
  /** `maps`: each record is a Y.Map of fields; `values`: each record is a plain value. */
  readonly kind: 'maps' | 'values';
  /** The record (its fields, as `toJSON` gives them) must parse with this. */
  readonly schema: z.ZodType;
  /** Whether records name an `author` (a person id). */
  readonly authored: boolean;
}

// Stricter than what readers accept (they tolerate older records): a writer must keep
// to the limits the model's write functions keep to.
const comment = storedComment.refine((c) => c.text.length <= MAX_COMMENT_LENGTH, `comment text is longer than ${MAX_COMMENT_LENGTH} characters`);
const person = storedPerson.refine(
  (p) => p.name.trim().length > 0 && p.name.length <= MAX_NAME_LENGTH && /^#[0-9a-fA-F]{6}$/.test(p.colour),
  `a person needs a name of 1–${MAX_NAME_LENGTH} characters and a colour like #1f77b4`,
);

/** The record roots of a Crux document and their shapes. The article and meta are not record roots. */
export const RECORD_SHAPES: ReadonlyMap<string, RecordShape> = new Map<string, RecordShape>([
  [ANNOTATIONS, { kind: 'maps', schema: storedAnnotation, authored: true }],
  [COMMENTS, { kind: 'maps', schema: comment, authored: true }],
  [HUBS, { kind: 'maps', schema: storedHub, authored: false }],
  [CLAIMS, { kind: 'maps', schema: storedClaim, authored: true }],
  [EDGES, { kind: 'maps', schema: storedLink, authored: true }],
  [VERSIONS, { kind: 'maps', schema: storedVersion, authored: true }],
  [POSITIONS, { kind: 'values', schema: storedPoint, authored: false }],
  [PEOPLE, { kind: 'values', schema: person, authored: false }],
]);
