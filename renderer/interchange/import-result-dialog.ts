// What came of importing W3C annotations, for triage: the ones that need a look offer
// the places they could belong (accept one, or reject the annotation), and the orphans
// (also kept in the panel's orphan list) and refused ones are listed with their words,
// so nothing is lost without a trace.
import type { Candidate } from '../../shared/anchoring';
import { articleText } from '../../shared/anchoring';
import { InputError } from '../../shared/model';
import { ImportError } from '../../shared/import/types';
import type { W3cImportItem } from '../../shared/import/w3c';
import { excerpt } from '../annotations/entries';
import { ROLE_LABELS } from '../editor/highlights/decorations';
import { h } from '../shell/dom';
import { acceptCandidate, emptyImportReason, importSummary, type AnnotationImport, type ImportingSession } from './import-annotations';

/** What the dialog needs from the app. */
export interface ImportResultHost {
  /** Says something to the user (and to screen readers). */
  announce(text: string): void;
}

/** Whether an import leaves anything for the user to look at (or nothing was added). */
export function needsTriage(done: AnnotationImport): boolean {
  const { result } = done;
  return result.uncertain.length > 0 || result.orphaned.length > 0 || result.refused.length > 0 || result.anchored.length === 0;
}

function badge(item: W3cImportItem): HTMLElement {
  return h('span', { class: `ann-badge ann-badge--${item.role}` }, ROLE_LABELS[item.role]);
}

/** Opens the result of `done` over `root`. */
export function openImportResultDialog(root: HTMLElement, session: ImportingSession, done: AnnotationImport, host: ImportResultHost): HTMLDialogElement {
  const { result } = done;
  const reason = emptyImportReason(result);
  const close = h('button', { type: 'button' }, 'Close');
  const uncertain = h('ul', { class: 'import-list', 'aria-labelledby': 'import-uncertain-heading' }, ...result.uncertain.map((item) => uncertainItem(item)));
  const dialog = h(
    'dialog',
    { class: 'import-result-dialog', 'aria-labelledby': 'import-result-title', 'aria-describedby': 'import-summary' },
    h('h2', { id: 'import-result-title' }, `Imported annotations from ${done.fileName}`),
    h('p', { id: 'import-summary', class: 'import-summary' }, importSummary(result)),
    reason ? h('p', { class: 'import-reason' }, reason) : null,
    result.uncertain.length
      ? h('section', {}, h('h3', { id: 'import-uncertain-heading' }, 'Need a look — several places could be it'), h('p', { class: 'pane-empty' }, 'Accept the place each one belongs, or reject it.'), uncertain)
      : null,
    result.orphaned.length
      ? h(
          'section',
          {},
          h('h3', { id: 'import-orphaned-heading' }, 'Orphaned — not in this reading'),
          done.keptOrphans ? h('p', { class: 'pane-empty' }, 'They are kept in the orphan list of the Annotations panel, to re-attach or delete.') : null,
          h('ul', { class: 'import-list', 'aria-labelledby': 'import-orphaned-heading' }, ...result.orphaned.map((item) => h('li', { class: 'import-item' }, badge(item), ' ', h('q', { class: 'ann-quote' }, excerpt(item.quote))))),
        )
      : null,
    result.refused.length
      ? h(
          'section',
          {},
          h('h3', { id: 'import-refused-heading' }, 'Refused'),
          h('ul', { class: 'import-list', 'aria-labelledby': 'import-refused-heading' }, ...result.refused.map((item) => h('li', { class: 'import-item' }, badge(item), ' ', h('q', { class: 'ann-quote' }, excerpt(item.quote)), h('p', { class: 'import-why' }, item.reason)))),
        )
      : null,
    h('div', { class: 'dialog-actions' }, close),
  );

  function uncertainItem(item: W3cImportItem & { readonly candidates: readonly Candidate[] }): HTMLElement {
    const text = articleText(session.doc).text;
    const status = h('p', { class: 'import-why', role: 'status' });
    const li = h('li', { class: 'import-item' }, badge(item), ' ', h('q', { class: 'ann-quote' }, excerpt(item.quote)));
    const accept = item.candidates.map((c, i) => {
      const before = text.slice(Math.max(0, c.start - 30), c.start);
      const button = h('button', { type: 'button', class: 'ann-candidate', 'aria-label': `Accept place ${i + 1} of ${item.candidates.length} for “${excerpt(item.quote, 60)}”` }, `Accept: …${before}`, h('mark', {}, excerpt(text.slice(c.start, c.end), 80)), ` (${Math.round(c.score * 100)}% alike)`);
      button.addEventListener('click', () => {
        try {
          acceptCandidate(session, done, item, c);
          li.replaceChildren(badge(item), ' ', h('q', { class: 'ann-quote' }, excerpt(item.quote)), h('p', { class: 'import-why' }, 'Accepted.'));
          host.announce(`Attached “${excerpt(item.quote, 60)}”.`);
        } catch (e) {
          if (!(e instanceof InputError || e instanceof ImportError)) throw e;
          status.textContent = e.message;
        }
      });
      return button;
    });
    const reject = h('button', { type: 'button', 'aria-label': `Reject “${excerpt(item.quote, 60)}”` }, 'Reject');
    reject.addEventListener('click', () => {
      li.replaceChildren(badge(item), ' ', h('q', { class: 'ann-quote' }, excerpt(item.quote)), h('p', { class: 'import-why' }, 'Rejected: not added.'));
      host.announce(`Left out “${excerpt(item.quote, 60)}”.`);
    });
    li.append(h('div', { class: 'ann-candidates' }, ...accept), h('div', { class: 'import-actions' }, reject), status);
    return li;
  }

  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => dialog.remove());
  root.append(dialog);
  dialog.showModal();
  close.focus();
  return dialog;
}
