// Who this user is to the others: their people entry, or — for a viewer, who writes
// nothing to the seminar, not even a people entry — the name they gave on joining, which
// lives only in their presence. Views that show "me" follow it through `onShownPerson`.
import type { Person } from '../../shared/model';
import { PEOPLE } from '../../shared/model/roots';
import { canComment } from '../../shared/sync/roles';
import type { Session } from '../session/session';

const presenceNames = new WeakMap<Session, string>();
const listeners = new WeakMap<Session, Set<() => void>>();

/** This user as the others see them now. */
export function shownPerson(session: Session): Person {
  const person = session.person();
  const name = canComment(session.role) ? undefined : presenceNames.get(session);
  return name ? { ...person, name } : person;
}

/** Gives a viewer the name `name` (in their presence only; the others' people lists show it). */
export function setPresenceName(session: Session, name: string): void {
  presenceNames.set(session, name);
  for (const listener of listeners.get(session) ?? []) listener();
}

/** Calls `listener` when this user's shown name or colour may have changed; returns the unsubscribe function. */
export function onShownPerson(session: Session, listener: () => void): () => void {
  let set = listeners.get(session);
  if (!set) listeners.set(session, (set = new Set()));
  set.add(listener);
  const people = session.doc.getMap(PEOPLE);
  people.observe(listener);
  return () => {
    set.delete(listener);
    people.unobserve(listener);
  };
}
