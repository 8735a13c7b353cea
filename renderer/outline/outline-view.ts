// The outline pane: the reading's title and section headings as a list of links.
// Following a link scrolls the reader to that heading and puts the caret there; while
// the reader scrolls, the section being read is marked as the current one.
import { TextSelection } from 'prosemirror-state';
import type { Reader } from '../editor/reader';
import { sameOutline, type OutlineEntry } from '../editor/outline-entries';
import { h } from '../shell/dom';
import { currentEntryIndex } from './current-section';

/** Space left above a heading scrolled to the top of the reader, in CSS pixels. */
const SCROLL_MARGIN = 24;

/** The outline pane's content. */
export interface OutlineView {
  element: HTMLElement;
  /** Shows the outline of `reader` (null: nothing is open). */
  setReader(reader: Reader | null): void;
  /** Moves focus to the current section's link (or the first one). */
  focus(): boolean;
  /** Scrolls the reader to the entry with element id `id` and puts the caret there. */
  goTo(id: string): void;
}

/** Builds the outline view for the reader that scrolls in `scroller`. */
export function createOutlineView(scroller: HTMLElement): OutlineView {
  const list = h('ol', { class: 'outline-list' });
  const empty = h('p', { class: 'pane-empty' }, 'Open a file to see its outline.');
  const nav = h('nav', { class: 'outline', 'aria-label': 'Sections', hidden: true }, list);
  const element = h('div', { class: 'outline-view' }, empty, nav);

  let reader: Reader | null = null;
  let shown: readonly OutlineEntry[] = [];
  let links: HTMLAnchorElement[] = [];
  let current = -1;
  let unsubscribe: (() => void) | null = null;
  let frame = 0;

  function render(entries: readonly OutlineEntry[]): void {
    shown = entries;
    links = entries.map((entry) => {
      const link = h('a', { href: `#${entry.id}`, class: `outline-link level-${Math.min(entry.level, 4)}` }, entry.text);
      link.addEventListener('click', (event) => {
        event.preventDefault();
        goTo(entry.id);
      });
      return link;
    });
    list.replaceChildren(...links.map((link) => h('li', {}, link)));
    nav.hidden = entries.length === 0;
    empty.hidden = entries.length > 0;
    empty.textContent = reader ? 'This reading has no title or headings.' : 'Open a file to see its outline.';
    current = -1;
    updateCurrent();
  }

  function headingElement(id: string): HTMLElement | null {
    const el = document.getElementById(id);
    return el && scroller.contains(el) ? el : null;
  }

  function updateCurrent(): void {
    frame = 0;
    const top = scroller.getBoundingClientRect().top + SCROLL_MARGIN * 2;
    const index = currentEntryIndex(shown.length, (i) => {
      const el = headingElement(shown[i]?.id ?? '');
      return el ? el.getBoundingClientRect().top - top : Infinity;
    });
    if (index === current) return;
    links[current]?.removeAttribute('aria-current');
    current = index;
    const link = links[current];
    if (link) {
      link.setAttribute('aria-current', 'location');
      // Keep the current section in sight in a long outline (only the pane scrolls).
      link.scrollIntoView({ block: 'nearest' });
    }
  }

  function goTo(id: string): void {
    if (!reader) return;
    const entry = reader.outline().find((e) => e.id === id);
    const el = headingElement(id);
    if (!entry || !el) return;
    const { view } = reader;
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, entry.pos + 1)));
    view.focus();
    scroller.scrollTop += el.getBoundingClientRect().top - scroller.getBoundingClientRect().top - SCROLL_MARGIN;
    updateCurrent();
  }

  scroller.addEventListener(
    'scroll',
    () => {
      if (!frame) frame = requestAnimationFrame(updateCurrent);
    },
    { passive: true },
  );

  return {
    element,
    setReader(next) {
      unsubscribe?.();
      unsubscribe = null;
      reader = next;
      render(next ? next.outline() : []);
      if (next) {
        unsubscribe = next.onUpdate((_view, previous) => {
          const entries = next.outline();
          if (previous.doc !== next.view.state.doc && !sameOutline(entries, shown)) render(entries);
        });
      }
    },
    focus() {
      const link = links[Math.max(0, current)];
      link?.focus();
      return Boolean(link);
    },
    goTo,
  };
}
