// What the reader shows before a file is open: what Crux is, how to open a file (button,
// shortcut, drag and drop), which types it reads, and the recently opened files.
import { h } from '../shell/dom';
import { shortcutLabel } from '../shell/shortcut-label';
import type { Platform, RecentEntry } from '../platform';

/** The formats the product reads, as the empty state lists them. */
export const SUPPORTED_FORMATS = 'plain text (.txt), Markdown (.md), HTML, PDF and Word (.docx)';

/** The empty state and how to refresh its recent-files list. */
export interface EmptyState {
  element: HTMLElement;
  /** The "Open a file…" button (the skip link's target while nothing is open). */
  openButton: HTMLButtonElement;
  /** Reloads the recent-files list from the platform. */
  refreshRecent(): Promise<void>;
}

/** Builds the empty state. */
export function createEmptyState(
  platform: Platform,
  actions: { open(): void; openRecent(entry: RecentEntry): void },
): EmptyState {
  const openButton = h('button', { type: 'button', class: 'button-primary' }, 'Open a file…');
  openButton.addEventListener('click', actions.open);
  const recentList = h('ul', { class: 'recent-list', 'aria-labelledby': 'recent-heading' });
  const recentSection = h(
    'section',
    { class: 'recent', hidden: true, 'aria-labelledby': 'recent-heading' },
    h('h2', { id: 'recent-heading', class: 'recent-heading' }, 'Recent files'),
    recentList,
  );

  const element = h(
    'section',
    { class: 'empty-state', 'aria-labelledby': 'empty-heading' },
    h('h1', { id: 'empty-heading', class: 'empty-heading' }, 'Read an argument together, and map it'),
    h(
      'p',
      { class: 'empty-lede' },
      'Open the text your seminar is reading. Crux typesets it for reading, with its outline beside it.',
    ),
    h(
      'div',
      { class: 'empty-actions' },
      openButton,
      h('span', { class: 'empty-shortcut' }, h('kbd', {}, shortcutLabel('Mod-O', platform))),
    ),
    h('p', { class: 'empty-drop' }, 'or drop a file anywhere in this window.'),
    h('p', { class: 'empty-types' }, `Crux reads ${SUPPORTED_FORMATS}.`),
    recentSection,
  );

  async function refreshRecent(): Promise<void> {
    let entries: RecentEntry[];
    try {
      entries = await platform.recentFiles();
    } catch {
      entries = [];
    }
    recentList.replaceChildren(
      ...entries.map((entry) => {
        const button = h(
          'button',
          { type: 'button', class: 'recent-item', title: entry.detail ?? entry.name },
          h('span', { class: 'recent-name' }, entry.name),
          h('time', { class: 'recent-time', datetime: new Date(entry.openedAt).toISOString() }, formatWhen(entry.openedAt)),
        );
        button.addEventListener('click', () => actions.openRecent(entry));
        return h('li', {}, button);
      }),
    );
    recentSection.hidden = entries.length === 0;
  }

  return { element, openButton, refreshRecent };
}

/** "Today 14:05", "Yesterday", or a date, for the recent list. */
function formatWhen(time: number, now = Date.now()): string {
  const then = new Date(time);
  const today = new Date(now);
  const days = Math.round((startOfDay(today) - startOfDay(then)) / 86_400_000);
  if (days === 0) return `Today ${then.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })}`;
  if (days === 1) return 'Yesterday';
  return then.toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: days > 300 ? 'numeric' : undefined });
}

function startOfDay(d: Date): number {
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
}
