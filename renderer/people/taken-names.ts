// The names other people have in a seminar: in its people list, or only in their
// presence (viewers, and newcomers who have not written an entry yet).
import { namesOfOthers } from '../../shared/model';
import type { Session } from '../session/session';
import { participants } from '../sync/presence';

/** Names other people have here. */
export function takenNames(session: Session): string[] {
  const present = participants(session.awareness).filter((p) => p.id !== session.personId);
  return [...namesOfOthers(session.doc, session.personId), ...present.map((p) => p.name)];
}
