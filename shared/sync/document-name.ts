// Which strings may name a shared document. Names travel in join links, URL paths and
// the sync protocol, so they are kept to a small, unambiguous alphabet.

/** The rule, for error messages. */
export const DOCUMENT_NAME_RULE =
  '1–128 characters: letters, digits, ".", "_" or "-", starting with a letter or digit';

const PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/** Whether `name` may name a shared document. */
export function isValidDocumentName(name: string): boolean {
  return PATTERN.test(name);
}
