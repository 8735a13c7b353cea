// Fresh ids for records that many peers create concurrently: random, so two peers never
// pick the same one.
import { uuidv4 } from 'lib0/random';

/** A new random id, e.g. "a-3f2c…", starting with `prefix` so ids say what they name. */
export function newId(prefix: string): string {
  return `${prefix}-${uuidv4()}`;
}
