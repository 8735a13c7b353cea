// Input checks shared by every write function: one error type that says which call got
// what wrong, and zod field schemas whose messages a user can act on. Bad input throws
// before the document is touched, so it changes nothing.
import { z } from 'zod';

/** Thrown when a model or anchoring function is given bad input; nothing was changed. */
export class InputError extends Error {
  /** The function that refused the input, e.g. "addAnnotation". */
  readonly action: string;

  /** @param action - the refusing function; @param problem - what is wrong with the input. */
  constructor(action: string, problem: string) {
    super(`${action}: ${problem}`);
    this.name = 'InputError';
    this.action = action;
  }
}

/** Parses `value` with `schema`, or throws an InputError naming `action` and the first problem. */
export function parseInput<S extends z.ZodType>(action: string, schema: S, value: unknown): z.output<S> {
  // Field schemas word their own messages, naming the field; parts of machine-made
  // values (an anchor's positions) that carry none are named by their path.
  const result = schema.safeParse(value, { error: (issue) => `${issue.path?.join('.') || 'input'} is malformed` });
  if (result.success) return result.data;
  throw new InputError(action, result.error.issues[0]!.message);
}

/** An object schema that refuses unknown fields by name (a typo'd field is an error, not ignored). */
export function strictInput<T extends z.core.$ZodLooseShape>(what: string, shape: T) {
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')} in ${what}`
        : `${what} must be an object`,
  });
}

/** A zod error callback: "<field> is missing" when absent, else `wrong`. */
export function missingOr(field: string, wrong: string) {
  return { error: (issue: { input?: unknown }) => (issue.input === undefined ? `${field} is missing` : wrong) };
}

/**
 * Whether `s` holds a C0 or C1 control character (a line feed only if `allowNewline` is
 * false) or one of the invisible bidirectional overrides that make text display in an
 * order other than the one stored.
 */
export function hasControlCharacter(s: string, allowNewline: boolean): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x0a && allowNewline) continue;
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) return true;
  }
  return false;
}

/** Longest note on an annotation, in characters. */
export const MAX_NOTE_LENGTH = 10_000;
/** Longest comment, in characters. */
export const MAX_COMMENT_LENGTH = 10_000;
/** Longest name of a person or label of a hub, in characters. */
export const MAX_NAME_LENGTH = 80;
/** Longest free tag, in characters. */
export const MAX_TAG_LENGTH = 40;
/** Most free tags on one annotation. */
export const MAX_TAGS = 32;

/**
 * Plain text that may span lines (notes, comments): Windows and old-Mac line ends become
 * "\n"; any other control character is refused. Never HTML: it is shown as text.
 */
export function plainText(field: string, max: number) {
  return z
    .string(missingOr(field, `${field} must be text`))
    .transform((s) => s.replace(/\r\n?/g, '\n'))
    .refine((s) => s.length <= max, `${field} is too long (at most ${max} characters)`)
    .refine((s) => !hasControlCharacter(s, true), `${field} contains a control character (only line breaks are allowed)`);
}

/** One line of plain text, trimmed, not empty (names, labels). */
export function singleLine(field: string, max: number) {
  return z
    .string(missingOr(field, `${field} must be text`))
    .transform((s) => s.trim())
    .refine((s) => s.length > 0, `${field} must not be empty`)
    .refine((s) => s.length <= max, `${field} is too long (at most ${max} characters)`)
    .refine((s) => !hasControlCharacter(s, false), `${field} must be a single line without control characters`);
}

/** The id rule of every record, person and node: 1–128 letters, digits, '-', '_', '.' or ':'. */
export const ID = /^[A-Za-z0-9_.:-]{1,128}$/;

/** An id (of a person, annotation, hub, comment...): 1–128 letters, digits, '-', '_', '.' or ':'. */
export function id(field: string) {
  return z.string(missingOr(field, `${field} must be an id (text)`)).regex(ID, `${field} must be an id: 1–128 letters, digits, '-', '_', '.' or ':'`);
}

/** A colour as "#rrggbb" (any case; stored lower-case). */
export function colour(field: string) {
  return z
    .string(missingOr(field, `${field} must be a colour like #1f77b4`))
    .regex(/^#[0-9a-fA-F]{6}$/, `${field} must be a colour like #1f77b4`)
    .transform((s) => s.toLowerCase());
}

/** Free tags: trimmed single-line words, duplicates dropped, order kept. */
export const tags = z
  .array(singleLine('a tag', MAX_TAG_LENGTH), 'tags must be a list of text')
  .transform((list) => [...new Set(list)])
  .refine((list) => list.length <= MAX_TAGS, `at most ${MAX_TAGS} tags`);
