// Fresh ids for records that many peers create concurrently: random, so two peers never
// pick the same one.
import { getRandomValues } from 'lib0/webcrypto';

/**
 * A new id such as "a-5f0c2e9b1d47a3c8e6f01b2d": `prefix` (what it names), then 96
 * random bits from the platform's cryptographic generator, drawn in one call.
 */
export function newId(prefix: string): string {
  let hex = '';
  for (const byte of getRandomValues(new Uint8Array(12))) hex += byte.toString(16).padStart(2, '0');
  return `${prefix}-${hex}`;
}
