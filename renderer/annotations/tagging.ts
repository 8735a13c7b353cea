// Tagging a passage: the reader's selection becomes an annotation by this user, one
// undo step of its own. The anchor comes from the shared anchoring code.
import { TextSelection } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { createAnchor, pmDocText } from '../../shared/anchoring';
import { addAnnotation, type Role } from '../../shared/model';
import type { Session } from '../session/session';

/** Tags the selection in `view` as `role`; returns the new annotation's id. Throws an InputError on a blank selection. */
export function tagSelection(view: EditorView, session: Session, role: Role): string {
  const { from, to } = view.state.selection;
  const range = pmDocText(view.state.doc).rangeFromPm(from, to);
  const anchor = createAnchor(session.doc, range);
  // Its own undo step: not merged with typing just before or a note just after.
  session.undo.stopCapturing();
  const id = addAnnotation(session.doc, { role, anchor, author: session.personId }, session.origin);
  session.undo.stopCapturing();
  // Collapse the selection, so the tag toolbar goes and the new highlight shows.
  view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, to)));
  return id;
}
