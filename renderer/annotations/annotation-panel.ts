// The annotation panel: every annotation in document order with role, excerpt, author,
// note and comment count; counts per role; search and filters (written to the UI
// store, so the map filters alike); keyboard navigation; orphans in their own section
// with re-attach and delete; the comment thread of the selected annotation.
import { articleText, resolveAnnotation, type Resolution, type YDocText } from '../../shared/anchoring';
import { deleteAnnotation, getAnnotation, listAnnotations, listHubs, listPeople, listThreads, ROLES, type Annotation, type Person, type Role } from '../../shared/model';
import { ANNOTATIONS, ARTICLE, COMMENTS, EDGES, HUBS, PEOPLE } from '../../shared/model/roots';
import { ROLE_LABELS } from '../editor/highlights/decorations';
import type * as Y from 'yjs';
import type { Session } from '../session/session';
import { h } from '../shell/dom';
import type { UiStore } from '../state/ui-store';
import { createAnnotationList } from './annotation-list';
import { allTags, buildEntries, countRoles, matchesFilters, sortedIndex, type PanelEntry } from './entries';
import { moveInList } from './list-nav';
import { createOrphanView } from './orphan-view';
import { runSliced, type Phase, type SlicedRun } from './sliced-run';
import { openTagPopover } from './tag-popover';
import { createThreadView } from './thread-view';

/** The panel. */
export interface AnnotationPanel {
  readonly element: HTMLElement;
  /** Shows the annotations of `session` (null: nothing open). */
  setSession(session: Session | null): void;
  /** Moves focus to the list. */
  focus(): void;
}

/**
 * How long typing must pause before the list re-reads its quotes: re-resolving thousands
 * of annotations is not work to do between two keystrokes.
 */
const TEXT_EDIT_DELAY = 400;

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

  const counts = h('p', { class: 'ann-counts', 'aria-live': 'polite' });
  const search = h('input', { type: 'search', class: 'ann-search', placeholder: 'Search quotes, notes, tags, comments', 'aria-label': 'Search annotations' });
  const roleButtons = ROLES.map((role) => h('button', { type: 'button', class: `ann-role-filter ann-role-filter--${role}`, 'aria-pressed': 'false', 'data-role': role }, ROLE_LABELS[role]));
  const author = h('select', { 'aria-label': 'Author' });
  const hub = h('select', { 'aria-label': 'Hub' });
  const tag = h('select', { 'aria-label': 'Tag' });
  const orphaned = h('input', { type: 'checkbox' });
  const filters = h(
    'div',
    { class: 'ann-filters', role: 'group', 'aria-label': 'Filters' },
    h('div', { class: 'ann-role-filters' }, ...roleButtons),
    h('div', { class: 'ann-selects' }, author, hub, tag),
    h('label', { class: 'ann-orphaned-filter' }, orphaned, ' Orphaned only'),
  );
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
  const element = h('div', { class: 'annotation-panel' }, counts, search, filters, confirm, empty, list.element, orphans.element, thread.element);

  function readFilters(): void {
    const one = (value: string) => new Set(value ? [value] : []);
    store.update({
      filters: {
        query: search.value,
        roles: new Set(roleButtons.filter((b) => b.getAttribute('aria-pressed') === 'true').map((b) => b.dataset.role as Role)),
        authors: one(author.value),
        hubs: one(hub.value),
        tags: one(tag.value),
        orphanedOnly: orphaned.checked,
      },
    });
  }
  search.addEventListener('input', readFilters);
  for (const select of [author, hub, tag]) select.addEventListener('change', readFilters);
  orphaned.addEventListener('change', readFilters);
  for (const b of roleButtons) {
    b.addEventListener('click', () => {
      b.setAttribute('aria-pressed', String(b.getAttribute('aria-pressed') !== 'true'));
      readFilters();
    });
  }

  function fillSelect(select: HTMLSelectElement, all: string, options: readonly { value: string; label: string }[]): void {
    const keep = select.value;
    select.replaceChildren(h('option', { value: '' }, all), ...options.map((o) => h('option', { value: o.value }, o.label)));
    select.value = options.some((o) => o.value === keep) ? keep : '';
  }

  /** Re-reads only the annotations `ids` (nothing else changed): one new annotation redraws one row. */
  function readSome(ids: ReadonlySet<string>): void {
    if (!session) return;
    const doc = session.doc;
    const text = articleText(doc);
    const people = new Map(listPeople(doc).map((p) => [p.id, p]));
    const threads = listThreads(doc);
    entries = entries.filter((e) => !ids.has(e.id));
    for (const id of ids) {
      const a = getAnnotation(doc, id);
      if (!a) continue;
      const [entry] = buildEntries([a], new Map([[id, resolveAnnotation(doc, a, text)]]), text.text, people, threads);
      if (entry) entries.splice(sortedIndex(entries, entry), 0, entry);
    }
    fillSelect(tag, 'Every tag', allTags(entries).map((t) => ({ value: t, label: t })));
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
    counts.textContent = `${ROLES.map((r) => `${c[r]} ${ROLE_LABELS[r].toLowerCase()}`).join(' · ')}${matching.length !== entries.length ? ` (of ${entries.length})` : ''}`;
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
   * (see `onChange`) and the next read starts over. A short read ends before this returns.
   */
  function read(): void {
    reading?.cancel();
    reading = null;
    if (!session) return;
    const doc = session.doc;
    let annotations: readonly Annotation[] = [];
    let text: YDocText | null = null;
    const resolutions = new Map<string, Resolution>();
    let people = new Map<string, Person>();
    const one = (step: () => void): Phase => ({ count: () => 1, step });
    const run = runSliced(
      [
        one(() => {
          annotations = listAnnotations(doc);
          text = articleText(doc);
        }),
        {
          count: () => annotations.length,
          step: (i) => {
            const a = annotations[i]!;
            resolutions.set(a.id, resolveAnnotation(doc, a, text!));
          },
        },
        one(() => {
          people = new Map(listPeople(doc).map((p) => [p.id, p]));
          entries = buildEntries(annotations, resolutions, text!.text, people, listThreads(doc));
        }),
        one(() => {
          fillSelect(author, 'Every author', [...people.values()].map((p) => ({ value: p.id, label: p.name })));
          fillSelect(hub, 'Every hub', listHubs(doc).map((x) => ({ value: x.id, label: x.label })));
          fillSelect(tag, 'Every tag', allTags(entries).map((t) => ({ value: t, label: t })));
          render();
        }),
      ],
      () => (reading = null),
    );
    if (!run.finished) reading = run;
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
    // Only owners and editors delete annotations; the server refuses anyone else.
    if (!session || !session.capabilities().tag) return;
    const current = session;
    const yes = h('button', { type: 'button', class: 'danger' }, 'Delete');
    const no = h('button', { type: 'button' }, 'Cancel');
    confirm.replaceChildren(h('span', {}, 'Delete this annotation, its links and comments? (Ctrl+Z undoes it)'), yes, no);
    confirm.hidden = false;
    const back = () => {
      confirm.hidden = true;
      list.element.focus();
    };
    yes.addEventListener('click', () => {
      current.undo.stopCapturing();
      deleteAnnotation(current.doc, id, current.origin);
      if (store.get().selected === id) store.update({ selected: null, selectedBy: 'panel' });
      back();
    });
    no.addEventListener('click', back);
    confirm.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        back();
      }
    });
    yes.focus();
  }

  list.element.addEventListener('keydown', (event) => {
    const active = list.active();
    const at = active ? shown.findIndex((e) => e.id === active) : -1;
    const next = moveInList(event.key, at, shown.length);
    if (next !== null) {
      event.preventDefault();
      setActive(shown[next]!.id);
      return;
    }
    if (!active) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      select(active);
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      askDelete(active);
    } else if (event.key === 'F2' && session && session.capabilities().tag) {
      event.preventDefault();
      openTagPopover(session, active, (list.rowOf(active) ?? list.element).getBoundingClientRect(), () => list.element.focus());
    }
  });
  list.element.addEventListener('focus', () => {
    if (list.active() || !shown[0]) return;
    const selected = store.get().selected;
    setActive(selected && shown.some((e) => e.id === selected) ? selected : shown[0].id);
  });

  // What changed since the list was last read: some annotations only, or more.
  let frame = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let everything = true;
  let changedIds = new Set<string>();
  const schedule = (delay: number) => {
    if (frame) return;
    // Text edits wait for a pause in typing (each one restarts the wait).
    clearTimeout(timer);
    timer = undefined;
    if (delay > 0) {
      timer = setTimeout(() => {
        timer = undefined;
        schedule(0);
      }, delay);
      return;
    }
    frame = requestAnimationFrame(() => {
      frame = 0;
      const ids = changedIds;
      const all = everything;
      changedIds = new Set();
      everything = false;
      if (all) read();
      else readSome(ids);
    });
  };

  store.subscribe((state, previous) => {
    if (state.filters !== previous.filters) render();
    else if (state.selected !== previous.selected) {
      for (const id of [previous.selected, state.selected]) if (id) list.markSelected(id, id === state.selected);
      if (state.selected && state.selectedBy !== 'panel' && shown.some((e) => e.id === state.selected)) setActive(state.selected);
      showThread(state.selected);
    }
  });

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
      if (next) {
        const doc = next.doc;
        const annotations = doc.getMap(ANNOTATIONS);
        const others = [COMMENTS, EDGES, HUBS, PEOPLE].map((name) => doc.getMap(name));
        const article = doc.getXmlFragment(ARTICLE);
        const onAnnotations = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
          for (const event of events) {
            if (event.target === annotations) for (const key of event.changes.keys.keys()) changedIds.add(key);
            else if (typeof event.path[0] === 'string') changedIds.add(event.path[0]);
          }
        };
        const onChange = (tr: { changedParentTypes: Map<unknown, unknown>; changed: Map<unknown, unknown> }) => {
          const touched = (type: unknown) => tr.changedParentTypes.has(type) || tr.changed.has(type);
          const textChanged = tr.changedParentTypes.has(article);
          if (!textChanged && !touched(annotations) && !others.some(touched)) return;
          // A full read still running in slices would show the document as it was: start it over.
          if (reading) {
            reading.cancel();
            reading = null;
            everything = true;
          }
          if (others.some(touched)) everything = true;
          if (textChanged) {
            // Quotes may have changed anywhere.
            everything = true;
            schedule(TEXT_EDIT_DELAY);
          } else if (everything || touched(annotations)) schedule(0);
        };
        annotations.observeDeep(onAnnotations);
        doc.on('afterTransaction', onChange);
        detach = () => {
          annotations.unobserveDeep(onAnnotations);
          doc.off('afterTransaction', onChange);
        };
        everything = false;
        changedIds = new Set();
        read();
      } else render();
    },
    focus: () => list.element.focus(),
  };
}
