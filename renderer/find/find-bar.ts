// Find in the text (Ctrl/⌘+F): a bar above the reader with the query, a "3 of 12" count
// and next/previous. Matches are highlighted by prosemirror-search's decorations and
// are case-insensitive; Escape closes the bar and gives focus back where it was.
import { SearchQuery, findNext, findPrev, getMatchHighlights, getSearchState, setSearchState } from 'prosemirror-search';
import { TextSelection, type Command } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import type { Reader } from '../editor/reader';
import { h } from '../shell/dom';
import { shortcutLabel, type ShortcutPlatform } from '../shell/shortcut-label';
import { matchCountLabel } from './match-count';

/** The find bar. */
export interface FindBar {
  element: HTMLElement;
  /** Shows the bar and focuses its input. */
  open(): void;
  /** Hides the bar, clears the highlights and returns focus. */
  close(): void;
  next(): void;
  previous(): void;
  /** Searches `reader` from now on (null: nothing is open). */
  setReader(reader: Reader | null): void;
  isOpen(): boolean;
}

/** The find bar's elements: the query field, the match count and its buttons. */
function buildBar(platform: ShortcutPlatform) {
  const input = h('input', {
    type: 'search',
    class: 'find-input',
    'aria-label': 'Find in text',
    placeholder: 'Find in text',
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-describedby': 'find-count',
  });
  const count = h('span', { class: 'find-count', id: 'find-count', role: 'status', 'aria-live': 'polite' });
  const prevButton = h(
    'button',
    { type: 'button', class: 'find-button', 'aria-label': 'Previous match', title: `Previous match (Shift+Enter, ${shortcutLabel('Shift-F3', platform)})` },
    '↑',
  );
  const nextButton = h(
    'button',
    { type: 'button', class: 'find-button', 'aria-label': 'Next match', title: `Next match (Enter, ${shortcutLabel('F3', platform)})` },
    '↓',
  );
  const closeButton = h('button', { type: 'button', class: 'find-button', 'aria-label': 'Close find', title: 'Close (Escape)' }, '×');
  const element = h('div', { class: 'find-bar', role: 'search', 'aria-label': 'Find in text', hidden: true }, input, count, prevButton, nextButton, closeButton);

  return { input, count, prevButton, nextButton, closeButton, element };
}

/** Builds the find bar; `scroller` is the element the reading scrolls in. */
export function createFindBar(scroller: HTMLElement, platform: ShortcutPlatform): FindBar {
  const { input, count, prevButton, nextButton, closeButton, element } = buildBar(platform);

  let reader: Reader | null = null;
  let unsubscribe: (() => void) | null = null;
  let returnFocus: HTMLElement | null = null;

  function view(): EditorView | null {
    return reader?.view ?? null;
  }

  function updateCount(): void {
    const v = view();
    if (!v) {
      count.textContent = '';
      return;
    }
    const query = getSearchState(v.state)?.query.search ?? '';
    const matches = getMatchHighlights(v.state).find();
    count.textContent = matchCountLabel(query, matches, v.state.selection);
    element.classList.toggle('has-no-match', query !== '' && matches.length === 0);
  }

  function reveal(v: EditorView): void {
    const { from } = v.state.selection;
    const coords = v.coordsAtPos(from);
    const box = scroller.getBoundingClientRect();
    const visibleTop = box.top + element.offsetHeight + 8;
    if (coords.top < visibleTop || coords.bottom > box.bottom - 8) {
      scroller.scrollTop += coords.top - box.top - scroller.clientHeight / 3;
    }
  }

  function run(command: Command): void {
    const v = view();
    if (!v) return;
    if (command(v.state, v.dispatch)) reveal(v);
    updateCount();
  }

  function search(text: string): void {
    const v = view();
    if (!v) return;
    const query = new SearchQuery({ search: text, caseSensitive: false, literal: true });
    let tr = setSearchState(v.state.tr, query);
    if (query.valid) {
      // Stay on the match under the caret if there is one, else take the next one.
      const from = v.state.selection.from;
      const match = query.findNext(v.state, from) ?? query.findNext(v.state, 0);
      if (match) tr = tr.setSelection(TextSelection.create(v.state.doc, match.from, match.to));
    }
    v.dispatch(tr);
    if (query.valid) reveal(v);
    updateCount();
  }

  function open(): void {
    const v = view();
    if (!v) return;
    if (element.hidden) {
      returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      element.hidden = false;
      const { from, to } = v.state.selection;
      const selected = v.state.doc.textBetween(from, to, ' ');
      // A short selection on one line is most likely what the user wants to find.
      if (selected && selected.length <= 80 && !selected.includes('\n')) input.value = selected;
      if (input.value) search(input.value);
    }
    input.focus();
    input.select();
  }

  function close(): void {
    if (element.hidden) return;
    element.hidden = true;
    const v = view();
    if (v) v.dispatch(setSearchState(v.state.tr, new SearchQuery({ search: '' })));
    count.textContent = '';
    const target = returnFocus && document.contains(returnFocus) ? returnFocus : v?.dom;
    returnFocus = null;
    if (target === v?.dom && v) v.focus();
    else target?.focus();
  }

  input.addEventListener('input', () => search(input.value));
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      run(event.shiftKey ? findPrev : findNext);
    }
  });
  element.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
    }
  });
  prevButton.addEventListener('click', () => run(findPrev));
  nextButton.addEventListener('click', () => run(findNext));
  closeButton.addEventListener('click', close);

  return {
    element,
    open,
    close,
    next() {
      if (element.hidden || !input.value) open();
      else run(findNext);
    },
    previous() {
      if (element.hidden || !input.value) open();
      else run(findPrev);
    },
    setReader(next) {
      unsubscribe?.();
      unsubscribe = null;
      reader = next;
      if (!next) {
        element.hidden = true;
        returnFocus = null;
        count.textContent = '';
        return;
      }
      unsubscribe = next.onUpdate(() => {
        if (!element.hidden) updateCount();
      });
      // A new reading starts with the bar's query, if the bar is open.
      if (!element.hidden && input.value) search(input.value);
    },
    isOpen: () => !element.hidden,
  };
}
