// The annotation panel's counts line, search box and filters (roles, author, hub, tag,
// orphaned only). What the user picks is written to the UI store, so the map filters alike.
import { ROLES, type Role } from '../../shared/model';
import { ROLE_LABELS } from '../editor/highlights/decorations';
import { h } from '../shell/dom';
import type { UiStore } from '../state/ui-store';

/** The filter controls. */
export interface PanelFilters {
  /** The counts per role line. */
  readonly counts: HTMLElement;
  readonly search: HTMLInputElement;
  /** The role buttons, selects and orphaned checkbox. */
  readonly element: HTMLElement;
  /** Offers these choices in the author, hub or tag select (keeping the current choice where it still exists). */
  fill(which: 'author' | 'hub' | 'tag', options: readonly { value: string; label: string }[]): void;
}

const EVERY = { author: 'Every author', hub: 'Every hub', tag: 'Every tag' } as const;

/** Builds the filter controls, writing to `store`. */
export function createPanelFilters(store: UiStore): PanelFilters {
  const counts = h('p', { class: 'ann-counts', 'aria-live': 'polite' });
  const search = h('input', { type: 'search', class: 'ann-search', placeholder: 'Search quotes, notes, tags, comments', 'aria-label': 'Search annotations' }) as HTMLInputElement;
  const roleButtons = ROLES.map((role) => h('button', { type: 'button', class: `ann-role-filter ann-role-filter--${role}`, 'aria-pressed': 'false', 'data-role': role }, ROLE_LABELS[role]));
  const selects = {
    author: h('select', { 'aria-label': 'Author' }) as HTMLSelectElement,
    hub: h('select', { 'aria-label': 'Hub' }) as HTMLSelectElement,
    tag: h('select', { 'aria-label': 'Tag' }) as HTMLSelectElement,
  };
  const orphaned = h('input', { type: 'checkbox' }) as HTMLInputElement;
  const element = h(
    'div',
    { class: 'ann-filters', role: 'group', 'aria-label': 'Filters' },
    h('div', { class: 'ann-role-filters' }, ...roleButtons),
    h('div', { class: 'ann-selects' }, selects.author, selects.hub, selects.tag),
    h('label', { class: 'ann-orphaned-filter' }, orphaned, ' Orphaned only'),
  );

  function readFilters(): void {
    const one = (value: string) => new Set(value ? [value] : []);
    store.update({
      filters: {
        query: search.value,
        roles: new Set(roleButtons.filter((b) => b.getAttribute('aria-pressed') === 'true').map((b) => b.dataset.role as Role)),
        authors: one(selects.author.value),
        hubs: one(selects.hub.value),
        tags: one(selects.tag.value),
        orphanedOnly: orphaned.checked,
      },
    });
  }
  search.addEventListener('input', readFilters);
  for (const select of Object.values(selects)) select.addEventListener('change', readFilters);
  orphaned.addEventListener('change', readFilters);
  for (const b of roleButtons) {
    b.addEventListener('click', () => {
      b.setAttribute('aria-pressed', String(b.getAttribute('aria-pressed') !== 'true'));
      readFilters();
    });
  }

  return {
    counts,
    search,
    element,
    fill(which, options) {
      const select = selects[which];
      const keep = select.value;
      select.replaceChildren(h('option', { value: '' }, EVERY[which]), ...options.map((o) => h('option', { value: o.value }, o.label)));
      select.value = options.some((o) => o.value === keep) ? keep : '';
    },
  };
}
