// Orphaned annotations: their words are gone from the reading. Listed with the quote
// they had, to re-attach (fuzzy search for the words; the user picks when uncertain)
// or delete — never silently lost.
import { articleText, createAnchor, reanchor, type Candidate } from '../../shared/anchoring';
import { getAnnotation, InputError, reattachAnnotation } from '../../shared/model';
import { ROLE_LABELS } from '../editor/highlights/decorations';
import type { Session } from '../session/session';
import { h } from '../shell/dom';
import { excerpt, type PanelEntry } from './entries';

/** The orphan section. */
export interface OrphanView {
  readonly element: HTMLElement;
  show(session: Session | null, orphans: readonly PanelEntry[]): void;
}

/** Builds the orphan section; `remove(id)` asks the user and deletes. */
export function createOrphanView(actions: { remove(id: string): void }): OrphanView {
  const items = h('ul', { class: 'ann-orphans' });
  const element = h('section', { class: 'ann-orphan-section', 'aria-labelledby': 'ann-orphans-heading', hidden: true }, h('h3', { id: 'ann-orphans-heading' }, 'Orphaned — text no longer in the reading'), items);

  function reattach(session: Session, id: string, start: number, end: number): void {
    session.undo.stopCapturing();
    reattachAnnotation(session.doc, id, createAnchor(session.doc, { start, end }), session.origin);
  }

  function item(session: Session, entry: PanelEntry): HTMLElement {
    const status = h('p', { class: 'ann-orphan-status', role: 'status' });
    const candidates = h('div', { class: 'ann-candidates' });
    const again = h('button', { type: 'button' }, 'Re-attach');
    const remove = h('button', { type: 'button' }, 'Delete');
    again.addEventListener('click', () => {
      const annotation = getAnnotation(session.doc, entry.id);
      if (!annotation) return;
      const text = articleText(session.doc).text;
      const result = reanchor(text, annotation.anchor);
      candidates.replaceChildren();
      try {
        if (result.status === 'anchored') reattach(session, entry.id, result.start, result.end);
        else if (result.status === 'orphaned') status.textContent = 'Nothing in the reading matches these words any more.';
        else {
          status.textContent = 'Several places could be it. Pick one:';
          candidates.append(...result.candidates.map((c) => candidateButton(session, entry.id, text, c)));
        }
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        status.textContent = e.message;
      }
    });
    remove.addEventListener('click', () => actions.remove(entry.id));
    return h(
      'li',
      { class: `ann-orphan ann-item--${entry.role}`, 'data-annotation-id': entry.id },
      h('span', { class: `ann-badge ann-badge--${entry.role}` }, ROLE_LABELS[entry.role]),
      h('q', { class: 'ann-quote' }, excerpt(entry.quote)),
      h('span', { class: 'ann-author' }, entry.authorName),
      session.capabilities().tag ? h('div', { class: 'ann-orphan-actions' }, again, remove) : null,
      status,
      candidates,
    );
  }

  function candidateButton(session: Session, id: string, text: string, c: Candidate): HTMLElement {
    const before = text.slice(Math.max(0, c.start - 30), c.start);
    const button = h('button', { type: 'button', class: 'ann-candidate' }, `…${before}`, h('mark', {}, excerpt(text.slice(c.start, c.end), 80)), ` (${Math.round(c.score * 100)}% alike)`);
    button.addEventListener('click', () => reattach(session, id, c.start, c.end));
    return button;
  }

  return {
    element,
    show(session, orphans) {
      element.hidden = !session || orphans.length === 0;
      items.replaceChildren(...(session ? orphans.map((o) => item(session, o)) : []));
    },
  };
}
