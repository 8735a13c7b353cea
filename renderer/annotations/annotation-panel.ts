// The annotation panel: every annotation in document order with role, excerpt, author,
// note and comment count; counts per role; search and filters (written to the UI
// store, so the map filters alike); keyboard navigation; orphans in their own section
// with re-attach and delete; the comment thread of the selected annotation.
import { ROLES } from '../../shared/model';
import { ROLE_LABELS } from '../editor/highlights/decorations';
import type { Session } from '../session/session';
import { h } from '../shell/dom';
import type { UiStore } from '../state/ui-store';
import { createAnnotationList } from './annotation-list';
import { askDeleteAnnotation } from './delete-confirm';
import { allTags, countRoles, matchesFilters, type PanelEntry } from './entries';
import { createOrphanView } from './orphan-view';
import { watchPanelChanges } from './panel-changes';
import { createPanelFilters } from './panel-filters';
import { installPanelKeys } from './panel-keys';
import { readAllSliced, readSome, type PanelRead } from './panel-read';
import type { SlicedRun } from './sliced-run';
import { createThreadView } from './thread-view';

/** The panel. */
export interface AnnotationPanel {
  readonly element: HTMLElement;
  /** Shows the annotations of `session` (null: nothing open). */
  setSession(session: Session | null): void;
  /** Moves focus to the list. */
  focus(): void;
}

/** Builds the panel, meeting the other views in `store`. */
export function createAnnotationPanel(store: UiStore): AnnotationPanel {
  let session: Session | null = null;
  let entries: PanelEntry[] = [];
  /** The entries the list shows: those the filters let through, less the orphans. */
  let shown: PanelEntry[] = [];
  let detach: (() => void) | null = null;
  /** Whether the orphan section lists anything. */
  let orphanShown = false;
  /** A full re-read still running in slices. */
  let reading: SlicedRun | null = null;

  const filters = createPanelFilters(store);
  const list = createAnnotationList({
    selected: () => store.get().selected,
    clicked(id) {
      setActive(id);
      select(id);
    },
  });
  const empty = h('p', { class: 'pane-empty' }, 'Open a file, select a passage and press Alt+1, Alt+2 or Alt+3 to tag it.');
  const confirm = h('div', { class: 'ann-confirm', role: 'alertdialog', 'aria-label': 'Delete annotation', hidden: true });
  const orphans = createOrphanView({ remove: (id) => askDelete(id) });
  const thread = createThreadView();
  const element = h('div', { class: 'annotation-panel' }, filters.counts, filters.search, filters.element, confirm, empty, list.element, orphans.element, thread.element);

  const fillTags = () => filters.fill('tag', allTags(entries).map((t) => ({ value: t, label: t })));

  /** Re-reads only the annotations `ids` (nothing else changed): one new annotation redraws one row. */
  function readChanged(ids: ReadonlySet<string>): void {
    if (!session) return;
    entries = readSome(session.doc, entries, ids);
    fillTags();
    renderSome(ids);
  }

  /** Like `render` after only the entries `ids` changed: the orphans and the thread are redrawn only if they show one of them. */
  function renderSome(ids: ReadonlySet<string>): void {
    const state = store.get();
    const wasOrphan = orphanShown;
    const matching = showCounts(state);
    showList();
    if (wasOrphan || orphanShown) orphans.show(session, matching.filter((e) => e.orphaned));
    if (state.selected && ids.has(state.selected)) showThread(state.selected);
  }

  /** Filters the entries into `shown`, writes the counts; returns the matching entries. */
  function showCounts(state: ReturnType<UiStore['get']>): PanelEntry[] {
    const matching = entries.filter((e) => matchesFilters(e, state.filters));
    shown = matching.filter((e) => !e.orphaned);
    orphanShown = matching.length > shown.length;
    const c = countRoles(matching);
    filters.counts.textContent = `${ROLES.map((r) => `${c[r]} ${ROLE_LABELS[r].toLowerCase()}`).join(' · ')}${matching.length !== entries.length ? ` (of ${entries.length})` : ''}`;
    return matching;
  }

  /** Hands `shown` to the list (which draws only the rows in view). */
  function showList(): void {
    empty.hidden = entries.length > 0;
    list.element.hidden = entries.length === 0;
    list.show(shown);
  }

  /**
   * Re-reads every annotation. Resolving thousands of anchors takes long, so it runs in
   * slices between which the page handles keystrokes; any change meanwhile cancels it
   * (see panel-changes.ts) and the next read starts over. A short read ends before this returns.
   */
  function read(): void {
    reading?.cancel();
    reading = null;
    if (!session) return;
    reading = readAllSliced(session.doc, (done: PanelRead) => {
      reading = null;
      entries = done.entries;
      filters.fill('author', done.people.map((p) => ({ value: p.id, label: p.name })));
      filters.fill('hub', done.hubs.map((x) => ({ value: x.id, label: x.label })));
      fillTags();
      render();
    });
  }

  function render(): void {
    const state = store.get();
    const matching = showCounts(state);
    showList();
    orphans.show(session, matching.filter((e) => e.orphaned));
    showThread(state.selected);
  }

  /** Shows the comment thread of `selected` if it is a listed annotation, else none. */
  function showThread(selected: string | null): void {
    thread.show(session, selected && entries.some((e) => e.id === selected) ? selected : null);
  }

  /** Makes `id` the active row and scrolls the list to it. */
  function setActive(id: string | null): void {
    list.setActive(id, true);
  }

  function select(id: string): void {
    store.update({ selected: id, selectedBy: 'panel' });
  }

  function askDelete(id: string): void {
    askDeleteAnnotation(confirm, session, id, store, () => list.element.focus());
  }

  installPanelKeys({ list, store, shown: () => shown, session: () => session, select, askDelete });

  store.subscribe((state, previous) => {
    if (state.filters !== previous.filters) render();
    else if (state.selected !== previous.selected) {
      for (const id of [previous.selected, state.selected]) if (id) list.markSelected(id, id === state.selected);
      if (state.selected && state.selectedBy !== 'panel' && shown.some((e) => e.id === state.selected)) setActive(state.selected);
      showThread(state.selected);
    }
  });

  const reads = {
    all: read,
    some: readChanged,
    cancelRunning(): boolean {
      if (!reading) return false;
      reading.cancel();
      reading = null;
      return true;
    },
  };

  return {
    element,
    setSession(next) {
      detach?.();
      detach = null;
      reading?.cancel();
      reading = null;
      session = next;
      entries = [];
      shown = [];
      list.clear();
      if (!next) return render();
      detach = watchPanelChanges(next.doc, reads);
      read();
    },
    focus: () => list.element.focus(),
  };
}
