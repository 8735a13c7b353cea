// The History dialog: name the project's present state, see every named version (newest
// first, live as colleagues add them), view one read-only beside the reading, or restore
// one after a confirmation that says colleagues will receive it. Viewers and commenters
// see and view versions; naming and restoring are hidden from them, with the reason.
import { createVersion, getPerson, InputError, listVersions, restoreVersion, type Version } from '../../shared/model';
import { VERSIONS } from '../../shared/model/roots';
import { relativeTime } from '../annotations/relative-time';
import type { Session } from '../session/session';
import { h } from '../shell/dom';

/** What the dialog needs from the app. */
export interface HistoryHost {
  /** Shows a version read-only beside the reading. */
  view(version: Version): void;
  /** Says something to the user (and to screen readers). */
  announce(text: string): void;
}

/** Why a role may not name or restore versions, or null if it may. */
export function historyLimit(session: Pick<Session, 'role' | 'capabilities'>): string | null {
  if (session.capabilities().versions) return null;
  return session.role === 'viewer'
    ? 'Your link lets you read: you can view versions, not name or restore them.'
    : 'Your link lets you comment: you can view versions, not name or restore them.';
}

/** An InputError's problem, as a sentence for the user. */
function problemOf(error: InputError): string {
  const problem = error.message.slice(error.action.length + 2);
  return `${problem.charAt(0).toUpperCase()}${problem.slice(1)}.`;
}

/** Opens the History dialog for `session` over `root`. */
export function openHistoryDialog(root: HTMLElement, session: Session, host: HistoryHost): HTMLDialogElement {
  const limit = historyLimit(session);
  const name = h('input', { type: 'text', id: 'history-name', autocomplete: 'off', disabled: !!limit, 'aria-describedby': 'history-name-error' });
  const error = h('p', { class: 'history-error', id: 'history-name-error', role: 'alert' });
  const submit = h('button', { type: 'submit', disabled: !!limit }, 'Name this version');
  const reason = h('p', { class: 'history-limit', id: 'history-limit', hidden: !limit }, limit ?? '');
  const form = h('form', { class: 'history-form', hidden: !!limit }, h('label', { for: 'history-name' }, 'Name this version…'), h('div', { class: 'history-row' }, name, submit), error);
  const list = h('ul', { class: 'history-list', 'aria-label': 'Versions' });
  const empty = h('p', { class: 'pane-empty' }, 'No versions yet. Name one to come back to it later.');
  const close = h('button', { type: 'button' }, 'Close');
  const dialog = h(
    'dialog',
    { class: 'history-dialog', 'aria-labelledby': 'history-title' },
    h('h2', { id: 'history-title' }, 'History'),
    reason,
    form,
    h('h3', {}, 'Named versions'),
    list,
    empty,
    h('div', { class: 'dialog-actions' }, close),
  );

  function render(): void {
    const versions = listVersions(session.doc);
    const now = Date.now();
    empty.hidden = versions.length > 0;
    list.replaceChildren(
      ...versions.map((version) => {
        const author = getPerson(session.doc, version.author)?.name ?? version.author;
        const view = h('button', { type: 'button', 'aria-label': `View version “${version.name}”` }, 'View');
        // Roles that may never restore are not offered it (the reason heads the dialog).
        const restore = limit ? null : h('button', { type: 'button', 'aria-label': `Restore version “${version.name}”…` }, 'Restore…');
        view.addEventListener('click', () => {
          try {
            host.view(version);
            dialog.close();
          } catch (e) {
            if (!(e instanceof InputError)) throw e;
            host.announce(`Could not show “${version.name}”: ${problemOf(e)}`);
          }
        });
        restore?.addEventListener('click', () => confirmRestore(dialog, session, version, host, () => dialog.close()));
        return h(
          'li',
          { class: 'history-item' },
          h('span', { class: 'history-name' }, version.name),
          h('span', { class: 'history-meta' }, `${author} · `, h('time', { datetime: new Date(version.created).toISOString(), title: new Date(version.created).toLocaleString() }, relativeTime(version.created, now))),
          h('span', { class: 'history-actions' }, view, restore),
        );
      }),
    );
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (limit) return;
    try {
      const id = createVersion(session.doc, { name: name.value, author: session.personId }, session.origin);
      error.textContent = '';
      name.value = '';
      host.announce(`Named this version “${listVersions(session.doc).find((v) => v.id === id)?.name ?? ''}”.`);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      error.textContent = problemOf(e);
      name.focus();
    }
  });

  const versions = session.doc.getMap(VERSIONS);
  const onChange = () => render();
  versions.observeDeep(onChange);
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => {
    versions.unobserveDeep(onChange);
    dialog.remove();
  });
  render();
  root.append(dialog);
  dialog.showModal();
  (limit ? close : name).focus();
  return dialog;
}

/** Asks before restoring `version`; restores it as one undoable change if confirmed. */
function confirmRestore(root: HTMLElement, session: Session, version: Version, host: HistoryHost, done: () => void): void {
  const restore = h('button', { type: 'button', class: 'danger' }, 'Restore');
  const cancel = h('button', { type: 'button' }, 'Cancel');
  const dialog = h(
    'dialog',
    { class: 'history-confirm', 'aria-labelledby': 'history-confirm-title', 'aria-describedby': 'history-confirm-text' },
    h('h2', { id: 'history-confirm-title' }, `Restore “${version.name}”?`),
    h(
      'p',
      { id: 'history-confirm-text' },
      'The reading, annotations, links, map and comments become as they were in this version. Everyone working on this project receives the change. You can undo it; the list of versions stays as it is.',
    ),
    h('div', { class: 'dialog-actions' }, restore, cancel),
  );
  restore.addEventListener('click', () => {
    try {
      // Its own undo step, not merged with whatever was typed just before or after.
      session.undo.stopCapturing();
      restoreVersion(session.doc, version.id, session.origin);
      session.undo.stopCapturing();
      host.announce(`Restored “${version.name}”. Colleagues receive it now; undo brings back what was there.`);
      dialog.close();
      done();
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      host.announce(`Could not restore “${version.name}”: ${problemOf(e)}`);
      dialog.close();
    }
  });
  cancel.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => dialog.remove());
  root.append(dialog);
  dialog.showModal();
  cancel.focus();
}
