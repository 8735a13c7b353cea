// The annotation panel's list: a listbox of its own scroll height that keeps only the rows
// near its visible part in the DOM (windowed with @tanstack/virtual-core, each drawn row
// measured), so 5,000 annotations cost the page what a screenful does. It shields the
// panel from scroll arithmetic: the panel hands it entries and an active row.
import { elementScroll, measureElement, observeElementOffset, observeElementRect, Virtualizer } from '@tanstack/virtual-core';
import { h } from '../shell/dom';
import { sameEntry, type PanelEntry } from './entries';
import { newRow, patchChildren, placeRow, rowEstimator, settledPainter, type Row } from './list-row';
import { rowsToDraw } from './list-window';

/** The list. */
export interface AnnotationList {
  readonly element: HTMLUListElement;
  /** Lists `entries` (in order); rows whose entry looks the same are kept. */
  show(entries: readonly PanelEntry[]): void;
  /** The entries listed. */
  entries(): readonly PanelEntry[];
  /** The active row's annotation (the keyboard's), or null. */
  active(): string | null;
  /** Makes `id`'s row the active one (null: none); `reveal` scrolls it into view. */
  setActive(id: string | null, reveal?: boolean): void;
  /** Marks the row of `id` selected or not (the selection lives in the UI store). */
  markSelected(id: string, selected: boolean): void;
  /** The drawn row of `id`, if it is drawn. */
  rowOf(id: string): HTMLElement | null;
  /** Forgets every row (another project). */
  clear(): void;
}

/** What the list asks of the panel. */
export interface ListHooks {
  /** The selected annotation. */
  selected(): string | null;
  /** A row was clicked. */
  clicked(id: string): void;
}

/** Rows drawn beyond each end of the visible part (so a small scroll finds them ready). */
const OVERSCAN = 6;

/** Builds the list. */
export function createAnnotationList(hooks: ListHooks): AnnotationList {
  const element = h('ul', { class: 'ann-list', role: 'listbox', tabindex: 0, 'aria-label': 'Annotations' }) as HTMLUListElement;
  let shown: readonly PanelEntry[] = [];
  let active: string | null = null;
  let activeIndex = -1;
  /** Rows drawn for entries, kept while their entry looks the same (one change redraws one row). */
  let rows = new Map<string, Row>();
  /** Scroll the active row into view once the list is laid out (it was hidden). */
  let revealLater = false;
  /** Draws the rows near the visible part (and the active one) where the virtualizer places them. */
  const paint = settledPainter(paintOnce);
  // The row's content box: the list's width less the row's border and padding.
  const estimateEntry = rowEstimator(() => (virtualizer.scrollRect?.width ?? 0) - 20);

  const virtualizer = new Virtualizer<HTMLUListElement, HTMLLIElement>({
    count: 0,
    getScrollElement: () => element,
    estimateSize: estimate,
    getItemKey: keyOf(shown),
    scrollToFn: elementScroll,
    observeElementRect: (instance, cb) =>
      observeElementRect(instance, (rect) => {
        cb(rect);
        resized(rect.height);
      }),
    observeElementOffset,
    measureElement: measureRow,
    overscan: OVERSCAN,
    onChange: () => paint(),
  });

  function keyOf(list: readonly PanelEntry[]): (index: number) => string | number {
    return (index) => list[index]?.id ?? index;
  }

  function estimate(index: number): number {
    return estimateEntry(shown[index]);
  }

  /** A drawn row's height; a row in a hidden tab has none, so it keeps what it had. */
  function measureRow(li: HTMLLIElement, entry: ResizeObserverEntry | undefined, instance: Virtualizer<HTMLUListElement, HTMLLIElement>): number {
    const size = measureElement(li, entry, instance);
    if (size > 0) return size;
    const index = instance.indexFromElement(li);
    return instance.itemSizeCache.get(instance.options.getItemKey(index)) ?? estimate(index);
  }

  /** The list's height as last seen. */
  let seenHeight = 0;

  /**
   * The list shrank or grew (its tab shown, the comments below it longer): an active row
   * that was to be revealed, or was in view, stays in view.
   */
  function resized(height: number): void {
    if (height === seenHeight) return;
    const keep = activeIndex >= 0 && height > 0 && (revealLater || wasInView(activeIndex, seenHeight));
    if (height > 0) revealLater = false;
    seenHeight = height;
    if (keep) virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
    paint();
  }

  /** Whether row `index` was wholly in view in a list `height` tall. */
  function wasInView(index: number, height: number): boolean {
    const item = virtualizer.measurementsCache[index];
    const top = virtualizer.scrollOffset ?? 0;
    return height > 0 && !!item && item.start >= top && item.end <= top + height;
  }

  function row(entry: PanelEntry): Row {
    const kept = rows.get(entry.id);
    if (kept && sameEntry(kept.entry, entry)) {
      kept.entry = entry;
      return kept;
    }
    const made = newRow(entry, hooks.clicked);
    rows.set(entry.id, made);
    return made;
  }

  function paintOnce(): void {
    virtualizer._willUpdate();
    const near = virtualizer.getVirtualItems();
    const indexes = rowsToDraw(
      near.map((item) => item.index),
      activeIndex,
      shown.length,
    );
    const selected = hooks.selected();
    const wanted: HTMLLIElement[] = [];
    const fresh: HTMLLIElement[] = [];
    for (const index of indexes) {
      const entry = shown[index]!;
      const r = row(entry);
      if (!r.li.isConnected) fresh.push(r.li);
      const start = virtualizer.measurementsCache[index]?.start ?? 0;
      placeRow(r, { index, start, setSize: shown.length, selected: entry.id === selected, active: entry.id === active });
      wanted.push(r.li);
    }
    patchChildren(element, wanted);
    element.style.setProperty('--ann-list-size', `${virtualizer.getTotalSize()}px`);
    element.setAttribute('aria-activedescendant', active && activeIndex >= 0 ? `ann-${active}` : '');
    // Rows just (re)drawn are measured and observed now; the virtualizer's ResizeObserver reports any later change.
    for (const r of fresh) virtualizer.measureElement(r);
  }

  function show(entries: readonly PanelEntry[]): void {
    shown = entries;
    const ids = new Set(entries.map((e) => e.id));
    for (const id of rows.keys()) if (!ids.has(id)) rows.delete(id);
    if (active && !ids.has(active)) active = null;
    activeIndex = active ? entries.findIndex((e) => e.id === active) : -1;
    // A new key function: the same count may hold other annotations in another order.
    virtualizer.setOptions({ ...virtualizer.options, count: entries.length, getItemKey: keyOf(entries) });
    paint();
  }

  function setActive(id: string | null, reveal = false): void {
    active = id;
    activeIndex = id ? shown.findIndex((e) => e.id === id) : -1;
    if (activeIndex < 0) active = null;
    paint();
    if (!reveal || activeIndex < 0) return;
    if ((virtualizer.scrollRect?.height ?? 0) > 0) virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
    else revealLater = true;
  }

  virtualizer._didMount();
  return {
    element,
    show,
    entries: () => shown,
    active: () => active,
    setActive,
    markSelected(id, selected) {
      rows.get(id)?.li.setAttribute('aria-selected', String(selected));
    },
    rowOf: (id) => {
      const li = rows.get(id)?.li;
      return li?.isConnected ? li : null;
    },
    clear() {
      rows = new Map();
      active = null;
      activeIndex = -1;
      show([]);
    },
  };
}
