// The annotation list's keys: arrows, Home/End and Page keys move the active row; Enter or
// Space selects it; Delete asks to delete it; F2 opens its note, tags and links (editors).
// Focusing the list makes the selected annotation (or the first) the active row.
import type { Session } from '../session/session';
import type { UiStore } from '../state/ui-store';
import type { AnnotationList } from './annotation-list';
import type { PanelEntry } from './entries';
import { moveInList } from './list-nav';
import { openTagPopover } from './tag-popover';

/** What the keys act on. */
export interface PanelKeyTargets {
  list: AnnotationList;
  store: UiStore;
  /** The rows shown, in order. */
  shown(): readonly PanelEntry[];
  session(): Session | null;
  select(id: string): void;
  askDelete(id: string): void;
}

/** Installs the keys on the list. */
export function installPanelKeys({ list, store, shown, session, select, askDelete }: PanelKeyTargets): void {
  const setActive = (id: string) => list.setActive(id, true);
  list.element.addEventListener('keydown', (event) => {
    const rows = shown();
    const active = list.active();
    const at = active ? rows.findIndex((e) => e.id === active) : -1;
    const next = moveInList(event.key, at, rows.length);
    if (next !== null) {
      event.preventDefault();
      setActive(rows[next]!.id);
      return;
    }
    if (!active) return;
    const current = session();
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      select(active);
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      askDelete(active);
    } else if (event.key === 'F2' && current?.capabilities().tag) {
      event.preventDefault();
      openTagPopover(current, active, (list.rowOf(active) ?? list.element).getBoundingClientRect(), () => list.element.focus());
    }
  });
  list.element.addEventListener('focus', () => {
    const rows = shown();
    if (list.active() || !rows[0]) return;
    const selected = store.get().selected;
    setActive(selected && rows.some((e) => e.id === selected) ? selected : rows[0].id);
  });
}
