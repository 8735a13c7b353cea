// Small in-pane popups the map uses: a menu of choices and a one-field text prompt.
// Both are keyboard-operable (arrows, Enter, Escape), return focus where it was, and
// resolve to null when dismissed.
import { h } from '../shell/dom';

/** One entry of a choice menu. */
export interface Choice<T> {
  readonly label: string;
  readonly value: T;
}

let closeOpen: (() => void) | null = null;

function place(el: HTMLElement, host: HTMLElement, at: { x: number; y: number }): void {
  host.append(el);
  const maxX = Math.max(0, host.clientWidth - el.offsetWidth - 4);
  const maxY = Math.max(0, host.clientHeight - el.offsetHeight - 4);
  el.style.left = `${Math.min(Math.max(0, at.x), maxX)}px`;
  el.style.top = `${Math.min(Math.max(0, at.y), maxY)}px`;
}

/** Shows a menu titled `title` at `at` (px in `host`) and resolves to the chosen value. */
export function chooseFrom<T>(host: HTMLElement, title: string, choices: readonly Choice<T>[], at: { x: number; y: number }): Promise<T | null> {
  closeOpen?.();
  const returnTo = document.activeElement as HTMLElement | null;
  return new Promise((resolve) => {
    const items = choices.map((choice) => h('button', { type: 'button', role: 'menuitem', class: 'map-menu-item', tabindex: -1 }, choice.label));
    const menu = h('div', { class: 'map-menu', role: 'menu', 'aria-label': title }, h('div', { class: 'map-menu-title', 'aria-hidden': 'true' }, title), ...items);
    const finish = (value: T | null) => {
      menu.remove();
      document.removeEventListener('pointerdown', outside, true);
      closeOpen = null;
      returnTo?.focus();
      resolve(value);
    };
    const outside = (event: Event) => {
      if (!menu.contains(event.target as Node)) finish(null);
    };
    items.forEach((item, i) => item.addEventListener('click', () => finish(choices[i]!.value)));
    menu.addEventListener('keydown', (event) => {
      const at = items.indexOf(document.activeElement as HTMLButtonElement);
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        items[(at + step + items.length) % items.length]?.focus();
      } else if (event.key === 'Escape' || event.key === 'Tab') {
        event.preventDefault();
        event.stopPropagation();
        finish(null);
      }
    });
    place(menu, host, at);
    document.addEventListener('pointerdown', outside, true);
    closeOpen = () => finish(null);
    items[0]?.focus();
  });
}

/** Asks for one line of text; resolves to the trimmed text or null if cancelled. */
export function askText(host: HTMLElement, label: string, initial: string, at: { x: number; y: number }): Promise<string | null> {
  closeOpen?.();
  const returnTo = document.activeElement as HTMLElement | null;
  return new Promise((resolve) => {
    const input = h('input', { type: 'text', class: 'map-prompt-input', 'aria-label': label, maxlength: 500 });
    input.value = initial;
    const form = h(
      'form',
      { class: 'map-prompt', role: 'dialog', 'aria-label': label },
      h('label', { class: 'map-prompt-label' }, label),
      input,
      h('div', { class: 'map-prompt-buttons' }, h('button', { type: 'submit' }, 'OK'), h('button', { type: 'button', class: 'map-prompt-cancel' }, 'Cancel')),
    );
    const finish = (value: string | null) => {
      form.remove();
      closeOpen = null;
      returnTo?.focus();
      resolve(value);
    };
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      finish(input.value.trim() === '' ? null : input.value.trim());
    });
    form.querySelector('.map-prompt-cancel')!.addEventListener('click', () => finish(null));
    form.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        finish(null);
      }
    });
    place(form, host, at);
    closeOpen = () => finish(null);
    input.focus();
    input.select();
  });
}
