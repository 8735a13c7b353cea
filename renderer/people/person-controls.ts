// Who I am in this project: a toolbar button in my colour that opens a small form
// (name and colour swatches), and on first run — while I still have a default
// "Reader N" name — a non-blocking prompt offering the same form.
import { claimName, InputError, PERSON_COLOURS, type Person } from '../../shared/model';
import { PEOPLE } from '../../shared/model/roots';
import type { Session } from '../session/session';
import { h } from '../shell/dom';
import { takenNames } from './taken-names';

/** The person button and prompt. */
export interface PersonControls {
  /** The toolbar button. */
  readonly button: HTMLButtonElement;
  /** Shows `session`'s person (and the first-run prompt if their name is still a default). */
  setSession(session: Session | null): void;
}

/** Whether `name` is one `defaultPerson` hands out. */
export function isDefaultName(name: string): boolean {
  return /^Reader \d+$/.test(name);
}

const DISMISSED = 'crux.person-prompt-dismissed';

/** Builds the controls; the prompt shows inside `noticeArea`. */
export function createPersonControls(noticeArea: HTMLElement, storage: Storage = localStorage): PersonControls {
  const swatch = h('span', { class: 'person-swatch', 'aria-hidden': 'true' });
  const label = h('span', { class: 'person-name' });
  const button = h('button', { type: 'button', class: 'toolbar-button person-button', hidden: true, 'aria-haspopup': 'dialog' }, swatch, label);
  let session: Session | null = null;
  let form: HTMLElement | null = null;
  let detach: (() => void) | null = null;

  function showPerson(p: Person): void {
    swatch.style.background = p.colour;
    label.textContent = p.name;
    button.title = `You are ${p.name}: change your name or colour`;
  }

  function openForm(s: Session, prompt: boolean): void {
    form?.remove();
    const me = s.person();
    const name = h('input', { type: 'text', 'aria-label': 'Your name', class: 'person-name-input' });
    name.value = me.name;
    let colour = me.colour;
    const swatches = PERSON_COLOURS.map((c) => {
      const b = h('button', { type: 'button', role: 'radio', class: 'person-colour', style: `background:${c}`, 'aria-label': `Colour ${c}`, 'aria-checked': String(c === colour) });
      b.addEventListener('click', () => {
        colour = c;
        for (const other of swatches) other.setAttribute('aria-checked', String(other === b));
      });
      return b;
    });
    const error = h('p', { class: 'person-error', role: 'alert' });
    const save = h('button', { type: 'button' }, 'Save');
    const later = h('button', { type: 'button' }, prompt ? 'Not now' : 'Cancel');
    const el = h(
      'div',
      { class: `person-form${prompt ? ' is-prompt' : ''}`, role: prompt ? 'region' : 'dialog', 'aria-label': 'Your name and colour' },
      prompt ? h('p', {}, `You are ${me.name} — change name/colour?`) : null,
      name,
      h('div', { class: 'person-colours', role: 'radiogroup', 'aria-label': 'Colour' }, ...swatches),
      error,
      h('div', { class: 'person-actions' }, save, later),
    );
    const close = () => {
      el.remove();
      if (form === el) form = null;
      if (prompt) storage.setItem(DISMISSED, '1');
    };
    save.addEventListener('click', () => {
      try {
        claimName(s.doc, { id: s.personId, name: name.value.trim(), colour }, s.origin, takenNames(s));
        close();
        if (!prompt) button.focus();
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        error.textContent = e.message;
      }
    });
    later.addEventListener('click', close);
    el.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') close();
      if (event.key === 'Enter' && event.target === name) save.click();
    });
    form = el;
    if (prompt) noticeArea.append(el);
    else {
      document.body.append(el);
      const box = button.getBoundingClientRect();
      el.style.top = `${box.bottom + 6}px`;
      el.style.left = `${Math.max(8, box.right - el.offsetWidth)}px`;
      name.focus();
    }
  }

  button.addEventListener('click', () => {
    if (session) openForm(session, false);
  });

  return {
    button,
    setSession(next) {
      detach?.();
      detach = null;
      form?.remove();
      form = null;
      session = next;
      // A viewer writes nothing to the seminar, not even a people entry (the server would
      // refuse it): others see them under the name the seminar gave them.
      button.hidden = !next || !next.capabilities().nameSelf;
      if (!next || !next.capabilities().nameSelf) return;
      const people = next.doc.getMap(PEOPLE);
      const update = () => {
        showPerson(next.person());
        // Named elsewhere (the join dialog): the first-run prompt has nothing left to ask.
        if (form?.classList.contains('is-prompt') && !isDefaultName(next.person().name)) {
          form.remove();
          form = null;
        }
      };
      people.observe(update);
      detach = () => people.unobserve(update);
      update();
      if (isDefaultName(next.person().name) && !storage.getItem(DISMISSED)) openForm(next, true);
    },
  };
}
