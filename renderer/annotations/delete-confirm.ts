// The panel's "Delete this annotation?" question: only owners and editors delete
// annotations (the server refuses anyone else); Ctrl+Z undoes a deletion.
import { deleteAnnotation } from '../../shared/model';
import type { Session } from '../session/session';
import { h } from '../shell/dom';
import type { UiStore } from '../state/ui-store';

/** Asks in `box` whether to delete annotation `id` of `session`; `back` runs when the question closes. */
export function askDeleteAnnotation(box: HTMLElement, session: Session | null, id: string, store: UiStore, back: () => void): void {
  if (!session || !session.capabilities().tag) return;
  const yes = h('button', { type: 'button', class: 'danger' }, 'Delete');
  const no = h('button', { type: 'button' }, 'Cancel');
  box.replaceChildren(h('span', {}, 'Delete this annotation, its links and comments? (Ctrl+Z undoes it)'), yes, no);
  box.hidden = false;
  const close = () => {
    box.hidden = true;
    back();
  };
  yes.addEventListener('click', () => {
    session.undo.stopCapturing();
    deleteAnnotation(session.doc, id, session.origin);
    if (store.get().selected === id) store.update({ selected: null, selectedBy: 'panel' });
    close();
  });
  no.addEventListener('click', close);
  box.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
    }
  });
  yes.focus();
}
