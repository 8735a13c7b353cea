// What the app tells the user about opening files: an alert that names the file and
// what went wrong, a progress bar for imports that take a noticeable time, and polite
// status announcements for screen readers.
import { h } from '../shell/dom';

/** Imports faster than this never show a progress bar. */
export const PROGRESS_DELAY_MS = 300;

/** A progress bar for one import. */
export interface Progress {
  update(fraction: number, stage: string): void;
  finish(): void;
}

/** A button in an error notice. */
export interface NoticeAction {
  label: string;
  run(): void;
}

/** The notices area. */
export interface Notices {
  /**
   * Shows an error about `fileName` (null: unknown), replacing any earlier one; `action`
   * adds a button that offers a way out (Recover a damaged project).
   */
  showError(fileName: string | null, message: string, action?: NoticeAction): void;
  /** Shows a message that is not an error (what recovery saved), replacing any error. */
  showInfo(message: string): void;
  /** Removes the error, if any. */
  clearError(): void;
  /** Announces `text` to screen readers without showing it. */
  announce(text: string): void;
  /**
   * Starts a progress bar that appears only if the import takes over PROGRESS_DELAY_MS,
   * with a Cancel button that calls `cancel`.
   */
  startProgress(fileName: string, cancel?: () => void): Progress;
}

/** Builds the notices into `container`. */
export function createNotices(container: HTMLElement): Notices {
  const alert = h('div', { class: 'notice-alert', role: 'alert' });
  const status = h('div', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
  const progressSlot = h('div', { class: 'notice-progress' });
  container.append(alert, progressSlot, status);

  return {
    showError(fileName, message, action) {
      const dismiss = h('button', { type: 'button', class: 'notice-dismiss', 'aria-label': 'Dismiss this message' }, 'Dismiss');
      dismiss.addEventListener('click', () => alert.replaceChildren());
      const buttons: HTMLElement[] = [dismiss];
      if (action) {
        const act = h('button', { type: 'button', class: 'notice-dismiss notice-action' }, action.label);
        act.addEventListener('click', () => {
          alert.replaceChildren();
          action.run();
        });
        buttons.unshift(act);
      }
      alert.replaceChildren(
        h(
          'div',
          { class: 'notice-card' },
          h('p', { class: 'notice-text' }, h('strong', {}, fileName === null ? 'Couldn’t open the file.' : `Couldn’t open “${fileName}”.`), ' ', message),
          ...buttons,
        ),
      );
    },
    showInfo(message) {
      const dismiss = h('button', { type: 'button', class: 'notice-dismiss', 'aria-label': 'Dismiss this message' }, 'Dismiss');
      dismiss.addEventListener('click', () => alert.replaceChildren());
      alert.replaceChildren(h('div', { class: 'notice-card notice-info' }, h('p', { class: 'notice-text' }, message), dismiss));
    },
    clearError: () => alert.replaceChildren(),
    announce(text) {
      // Clearing first makes a repeated message be announced again.
      status.textContent = '';
      requestAnimationFrame(() => (status.textContent = text));
    },
    startProgress(fileName, cancel) {
      let fraction = 0;
      let stage = 'Starting';
      let bar: HTMLElement | null = null;
      let fill: HTMLElement | null = null;
      let wrapper: HTMLElement | null = null;
      const render = () => {
        if (!bar || !fill) return;
        const percent = Math.round(fraction * 100);
        bar.setAttribute('aria-valuenow', String(percent));
        bar.setAttribute('aria-valuetext', `${stage}, ${percent} %`);
        fill.style.width = `${percent}%`;
        label.textContent = `Opening ${fileName} — ${stage.toLowerCase()}…`;
      };
      const label = h('span', { class: 'progress-label', id: 'progress-label' });
      const timer = setTimeout(() => {
        fill = h('div', { class: 'progress-fill' });
        bar = h(
          'div',
          { class: 'progress-bar', role: 'progressbar', 'aria-label': `Opening ${fileName}`, 'aria-valuemin': 0, 'aria-valuemax': 100 },
          fill,
        );
        wrapper = h('div', { class: 'progress' }, label, bar);
        if (cancel) {
          const stop = h('button', { type: 'button', class: 'notice-dismiss progress-cancel', 'aria-label': `Cancel opening ${fileName}` }, 'Cancel');
          stop.addEventListener('click', cancel);
          wrapper.append(stop);
        }
        progressSlot.replaceChildren(wrapper);
        render();
      }, PROGRESS_DELAY_MS);
      return {
        update(f, s) {
          fraction = Math.max(fraction, Math.min(1, f));
          stage = s;
          render();
        },
        finish() {
          clearTimeout(timer);
          wrapper?.remove();
        },
      };
    },
  };
}
