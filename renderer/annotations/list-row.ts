// The rows of the annotation list: building one for an entry, placing a drawn row at its
// index, and putting the drawn rows in the list with as few DOM moves as possible.
import { ROLE_LABELS } from '../editor/highlights/decorations';
import { h } from '../shell/dom';
import { excerpt, EXCERPT_LENGTH, type PanelEntry } from './entries';
import { estimateRowHeight } from './list-window';

/** A drawn row: its entry, element, and where it was last placed (-1: not yet). */
export interface Row {
  entry: PanelEntry;
  readonly li: HTMLLIElement;
  start: number;
  index: number;
}

/** A new row for `entry`; a click on it calls `clicked`. */
export function newRow(entry: PanelEntry, clicked: (id: string) => void): Row {
  const li = h(
    'li',
    { role: 'option', id: `ann-${entry.id}`, class: `ann-item ann-item--${entry.role}`, 'aria-selected': 'false', 'data-annotation-id': entry.id },
    h('span', { class: `ann-badge ann-badge--${entry.role}` }, ROLE_LABELS[entry.role]),
    h('q', { class: 'ann-quote' }, excerpt(entry.quote)),
    h('span', { class: 'ann-author', style: `--author-colour:${entry.authorColour}` }, entry.authorName),
    entry.note ? h('p', { class: 'ann-note' }, entry.note) : null,
    entry.tags.length ? h('span', { class: 'ann-tags' }, entry.tags.map((t) => `#${t}`).join(' ')) : null,
    h('span', { class: 'ann-comment-count' }, entry.comments.length === 1 ? '1 comment' : `${entry.comments.length} comments`),
  ) as HTMLLIElement;
  li.addEventListener('click', () => clicked(entry.id));
  return { entry, li, start: -1, index: -1 };
}

/** Where and how a row is drawn. */
export interface RowPlace {
  readonly index: number;
  /** Its top, in px from the list's top. */
  readonly start: number;
  readonly setSize: number;
  readonly selected: boolean;
  readonly active: boolean;
}

/** Moves `r` to `place` and sets its states, touching only what differs. */
export function placeRow(r: Row, place: RowPlace): void {
  if (r.start !== place.start) {
    r.start = place.start;
    r.li.style.transform = `translateY(${place.start}px)`;
  }
  if (r.index !== place.index) {
    r.index = place.index;
    r.li.dataset.index = String(place.index);
    r.li.setAttribute('aria-posinset', String(place.index + 1));
  }
  const setSize = String(place.setSize);
  if (r.li.getAttribute('aria-setsize') !== setSize) r.li.setAttribute('aria-setsize', setSize);
  const selected = String(place.selected);
  if (r.li.getAttribute('aria-selected') !== selected) r.li.setAttribute('aria-selected', selected);
  if (r.li.classList.contains('is-active') !== place.active) r.li.classList.toggle('is-active', place.active);
}

/** Makes `element`'s children `wanted`, moving and adding only what differs. */
export function patchChildren(element: HTMLElement, wanted: readonly HTMLElement[]): void {
  const keep = new Set<Element>(wanted);
  for (const child of [...element.children]) if (!keep.has(child)) child.remove();
  let at = element.firstElementChild;
  for (const li of wanted) {
    if (li === at) at = at.nextElementSibling;
    else element.insertBefore(li, at);
  }
}

/**
 * Estimated row heights by entry, for a list whose rows' content box is `width()` wide:
 * the virtualizer asks for every row not measured yet whenever the list changes.
 */
export function rowEstimator(width: () => number): (entry: PanelEntry | undefined) => number {
  let estimates = new WeakMap<PanelEntry, number>();
  let estimatedWidth = -1;
  return (entry) => {
    if (!entry) return 80;
    const w = width();
    if (w !== estimatedWidth) {
      estimates = new WeakMap();
      estimatedWidth = w;
    }
    let height = estimates.get(entry);
    if (height === undefined) {
      // The excerpt is at most EXCERPT_LENGTH characters and an ellipsis.
      height = estimateRowHeight({ quoteLength: Math.min(entry.quote.length, EXCERPT_LENGTH + 1), noteLength: entry.note.length, tagged: entry.tags.length > 0 }, w);
      estimates.set(entry, height);
    }
    return height;
  };
}

/**
 * `paintOnce` made safe to call from within itself (measuring a row can move the others
 * and ask for another paint): a nested call is run after the current one, a few times at most.
 */
export function settledPainter(paintOnce: () => void): () => void {
  let painting = false;
  let again = false;
  return () => {
    if (painting) {
      again = true;
      return;
    }
    painting = true;
    try {
      for (let pass = 0; pass < 4; pass++) {
        again = false;
        paintOnce();
        if (!again) break;
      }
    } finally {
      painting = false;
    }
  };
}
