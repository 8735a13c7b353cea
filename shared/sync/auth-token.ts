// The credential a client presents to the sync server: its role token, and who it is
// (a person id with the secret person key that proves the name is theirs), as one
// JSON string. A bare role token is still understood: it names nobody.
import { ID } from '../model/validation';

/** What an authentication token says. */
export interface AuthClaim {
  /** The role token ("crux_…"). */
  readonly token: string;
  /** The person id and key, or null for a bare role token. */
  readonly person: { readonly id: string; readonly key: string } | null;
}

/** A person key: 32 random bytes in base64url (43 characters), or longer. */
const PERSON_KEY = /^[A-Za-z0-9_-]{43,128}$/;

/** Thrown when a token cannot be read; the message says what is wrong. */
export class AuthTokenError extends Error {
  override readonly name = 'AuthTokenError';
}

/** The token a client sends for role token `token` as person `person` with key `key`. */
export function encodeAuthToken(token: string, person: string, key: string): string {
  return JSON.stringify({ v: 1, token, person, key });
}

/** Reads a token a client sent; throws an AuthTokenError if it is neither a bare role token nor a valid claim. */
export function parseAuthToken(raw: string): AuthClaim {
  if (!raw.startsWith('{')) return { token: raw, person: null };
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new AuthTokenError('the authentication token is not valid JSON');
  }
  const { v, token, person, key } = (value ?? {}) as Record<string, unknown>;
  if (v !== 1) throw new AuthTokenError('the authentication token is of an unknown version');
  if (typeof token !== 'string') throw new AuthTokenError('the authentication token carries no role token');
  if (typeof person !== 'string' || !ID.test(person)) throw new AuthTokenError('the authentication token names no valid person id');
  if (typeof key !== 'string' || !PERSON_KEY.test(key)) throw new AuthTokenError('the person key must be at least 32 bytes in base64url');
  return { token, person: { id: person, key } };
}
