// Who is using this copy of Crux: a stable id kept in local storage, so the same person
// keeps their name, colour and undo history across reloads and projects.

const KEY = 'crux.person-id';

/** The id of this browser profile's or this app's user, made on first use. */
export function localPersonId(storage: Storage = localStorage): string {
  const known = storage.getItem(KEY);
  if (known && /^[A-Za-z0-9_-]{8,64}$/.test(known)) return known;
  const id = crypto.randomUUID().replace(/-/g, '');
  storage.setItem(KEY, id);
  return id;
}
