// Who is using this copy of Crux: a stable id kept in local storage, so the same person
// keeps their name, colour and undo history across reloads and projects.

const KEY = 'crux.person-id';
const SECRET = 'crux.person-key';

/** The id of this browser profile's or this app's user, made on first use. */
export function localPersonId(storage: Storage = localStorage): string {
  const known = storage.getItem(KEY);
  if (known && /^[A-Za-z0-9_-]{8,64}$/.test(known)) return known;
  const id = crypto.randomUUID().replace(/-/g, '');
  storage.setItem(KEY, id);
  return id;
}

/**
 * The secret that proves to a sync server that this user is `localPersonId` (the server
 * binds the id to the first key it sees): 32 random bytes in base64url, made on first use.
 */
export function localPersonKey(storage: Storage = localStorage): string {
  const known = storage.getItem(SECRET);
  if (known && /^[A-Za-z0-9_-]{43}$/.test(known)) return known;
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  const key = btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  storage.setItem(SECRET, key);
  return key;
}
