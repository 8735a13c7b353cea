// The Join dialog: paste a join link, see at once what is wrong with it, or join.
import { JoinLinkError, parseJoinLink, type JoinLink } from '../../shared/sync/join-link';
import { h } from '../shell/dom';

/** Asks for a join link; calls `join` with a valid one. */
export function openJoinDialog(root: HTMLElement, join: (link: JoinLink) => Promise<void>): void {
  const input = h('input', { type: 'url', id: 'join-link-input', class: 'join-link', placeholder: 'http://…/#join=…&token=…' });
  const error = h('p', { class: 'join-error', role: 'alert' });
  const submit = h('button', { type: 'submit' }, 'Join');
  const cancel = h('button', { type: 'button' }, 'Cancel');
  const form = h('form', { method: 'dialog' }, h('label', { for: 'join-link-input' }, 'Join link'), input, error, h('div', { class: 'dialog-actions' }, submit, cancel));
  const dialog = h('dialog', { class: 'join-dialog', 'aria-labelledby': 'join-title' }, h('h2', { id: 'join-title' }, 'Join a seminar'), form);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    let link: JoinLink;
    try {
      link = parseJoinLink(input.value);
    } catch (problem) {
      error.textContent = problem instanceof JoinLinkError ? problem.message : String(problem);
      return;
    }
    error.textContent = '';
    void join(link).then(
      () => dialog.close(),
      (problem: unknown) => (error.textContent = `Could not join: ${problem instanceof Error ? problem.message : String(problem)}`),
    );
  });
  cancel.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => dialog.remove());
  root.append(dialog);
  dialog.showModal();
}
