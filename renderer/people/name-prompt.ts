// Asking a newcomer's name when they join a seminar through a link: a small modal dialog,
// prefilled with the name they last used (or a free "Reader N"), that Enter confirms.
// It cannot be skipped and refuses an empty name or one somebody here already has,
// saying which name is free. Editors and commenters keep the name in their people entry;
// a viewer, who writes nothing to the seminar, shows it in their presence only.
import { claimName, freeName, getPerson, InputError, nameKey } from '../../shared/model';
import { checkPresence } from '../../shared/sync/presence-state';
import { canComment } from '../../shared/sync/roles';
import type { Session } from '../session/session';
import { h } from '../shell/dom';
import { isDefaultName } from './person-controls';
import { setPresenceName, shownPerson } from './shown-person';
import { takenNames } from './taken-names';

/** Where the last name this user gave is kept. */
export const LAST_NAME = 'crux.last-name';
const PROMPT_DISMISSED = 'crux.person-prompt-dismissed';
/** Where the name this user gave a project is kept: a reload or a rejoin does not ask again. */
const projectName = (session: Session) => `crux.name.${session.projectId}`;

/** The smallest "Reader N" nobody here has. */
function freeDefault(taken: readonly string[]): string {
  const keys = new Set(taken.map(nameKey));
  let n = 1;
  while (keys.has(nameKey(`Reader ${n}`))) n++;
  return `Reader ${n}`;
}

/** What the dialog offers: the last name used (made free if someone has it), else a free "Reader N". */
export function offeredName(session: Session, storage: Storage = localStorage): string {
  const taken = takenNames(session);
  const last = storage.getItem(LAST_NAME)?.trim();
  return last ? freeName(last, taken) : freeDefault(taken);
}

/** Gives this user `name`, or throws an InputError saying why not (nothing changes then). */
function takeName(session: Session, name: string): void {
  const taken = takenNames(session);
  if (canComment(session.role)) {
    claimName(session.doc, { ...session.person(), name }, session.origin, taken);
    return;
  }
  const me = shownPerson(session);
  const checked = checkPresence({ user: { id: me.id, name, colour: me.colour } });
  if (!checked.ok) throw new InputError('name', checked.reason.replace(/^presence is malformed: /, ''));
  if (taken.some((t) => nameKey(t) === nameKey(name))) throw new InputError('name', `“${name}” is already someone else's name here; try “${freeName(name, taken)}”`);
  setPresenceName(session, name);
}

/**
 * Asks the user who joined `session` for their name, unless they already gave this
 * seminar one (their people entry has it, or this browser remembers it and it is still
 * free); resolves once they confirmed it.
 */
export function askName(root: HTMLElement, session: Session, storage: Storage = localStorage): Promise<void> {
  const known = getPerson(session.doc, session.personId);
  if (known && !isDefaultName(known.name)) return Promise.resolve();
  // Back in a seminar they named themselves in (a reload, a rollback): the same name, unasked,
  // unless someone else has taken it meanwhile.
  const given = storage.getItem(projectName(session));
  if (given) {
    try {
      takeName(session, given);
      return Promise.resolve();
    } catch (problem) {
      if (!(problem instanceof InputError)) throw problem;
    }
  }
  const offered = offeredName(session, storage);
  const input = h('input', { type: 'text', id: 'name-prompt-input', class: 'name-prompt-input', autocomplete: 'name', 'aria-describedby': 'name-prompt-help name-prompt-error' });
  input.value = offered;
  const error = h('p', { class: 'join-error', id: 'name-prompt-error', role: 'alert' });
  const form = h(
    'form',
    { method: 'dialog' },
    h('label', { for: 'name-prompt-input' }, 'Your name'),
    input,
    h('p', { id: 'name-prompt-help', class: 'name-prompt-help' }, 'The others see it beside your comments, your cursor and in the report.'),
    error,
    h('div', { class: 'dialog-actions' }, h('button', { type: 'submit' }, 'Join')),
  );
  const dialog = h('dialog', { class: 'join-dialog name-dialog', 'aria-labelledby': 'name-prompt-title' }, h('h2', { id: 'name-prompt-title' }, 'What should the others call you?'), form);
  // Escape would leave the seminar with nobody's name: the dialog stays until a name is given.
  dialog.addEventListener('cancel', (event) => event.preventDefault());
  root.append(dialog);
  dialog.showModal();
  input.select();
  return new Promise((resolve) => {
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const name = input.value.trim().replace(/\s+/g, ' ');
      if (name === '') {
        const fallback = freeDefault(takenNames(session));
        error.textContent = `Please enter a name — or join as “${fallback}”.`;
        input.value = fallback;
        input.select();
        return;
      }
      try {
        takeName(session, name);
      } catch (problem) {
        if (!(problem instanceof InputError)) throw problem;
        error.textContent = problem.message.replace(/^\w+: /, '').replace(/^name /, 'The name ');
        input.focus();
        return;
      }
      storage.setItem(LAST_NAME, name);
      storage.setItem(projectName(session), name);
      storage.setItem(PROMPT_DISMISSED, '1');
      dialog.close();
      dialog.remove();
      resolve();
    });
  });
}
