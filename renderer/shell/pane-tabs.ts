// Tabs inside a pane (the left pane: "Outline" / "Annotations"), as the ARIA tabs
// pattern has them: one Tab stop on the selected tab, arrow keys and Home/End move and
// activate, each panel labelled by its tab.
import { h } from './dom';

/** One tab and its panel's content. */
export interface TabSpec {
  readonly id: string;
  readonly label: string;
  readonly content: HTMLElement;
}

/** Mounted tabs. */
export interface PaneTabs {
  readonly element: HTMLElement;
  /** Shows tab `id`; `focus` moves focus to its tab. */
  show(id: string, focus?: boolean): void;
  /** The tab shown. */
  current(): string;
  /** Calls `listener` with the tab id whenever another tab is shown. */
  onChange(listener: (id: string) => void): void;
}

/** Builds tabs for `specs`; the first is shown. */
export function createPaneTabs(label: string, specs: readonly TabSpec[]): PaneTabs {
  const listeners: ((id: string) => void)[] = [];
  const tabs = specs.map((s) => h('button', { type: 'button', role: 'tab', id: `tab-${s.id}`, 'aria-controls': `tabpanel-${s.id}`, class: 'pane-tab' }, s.label));
  const panels = specs.map((s) => h('div', { role: 'tabpanel', id: `tabpanel-${s.id}`, 'aria-labelledby': `tab-${s.id}`, class: 'pane-tabpanel' }, s.content));
  const tablist = h('div', { role: 'tablist', 'aria-label': label, class: 'pane-tabs' }, ...tabs);
  const element = h('div', { class: 'pane-tabbed' }, tablist, ...panels);
  let shown = specs[0]?.id ?? '';

  function show(id: string, focus = false): void {
    const at = specs.findIndex((s) => s.id === id);
    if (at < 0) return;
    const changed = id !== shown;
    shown = id;
    tabs.forEach((tab, i) => {
      tab.setAttribute('aria-selected', String(i === at));
      tab.tabIndex = i === at ? 0 : -1;
      panels[i]!.hidden = i !== at;
    });
    if (focus) tabs[at]!.focus();
    if (changed) for (const l of listeners) l(id);
  }

  tabs.forEach((tab, i) => {
    tab.addEventListener('click', () => show(specs[i]!.id));
    tab.addEventListener('keydown', (event) => {
      const n = tabs.length;
      const next =
        event.key === 'ArrowRight' || event.key === 'ArrowDown' ? (i + 1) % n
        : event.key === 'ArrowLeft' || event.key === 'ArrowUp' ? (i - 1 + n) % n
        : event.key === 'Home' ? 0
        : event.key === 'End' ? n - 1
        : -1;
      if (next < 0) return;
      event.preventDefault();
      show(specs[next]!.id, true);
    });
  });
  show(shown);
  shown = specs[0]?.id ?? '';
  return { element, show, current: () => shown, onChange: (l) => void listeners.push(l) };
}
