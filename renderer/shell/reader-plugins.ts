// What the reader does beyond showing text: tagging (keys and the floating toolbar, for
// editors only), highlights that select and hover in the UI store, colleagues' cursors,
// margin markers that open comment threads, and read-only for those who may not edit.
import { Plugin } from 'prosemirror-state';
import { InputError, type Role } from '../../shared/model';
import { openTagPopover } from '../annotations/tag-popover';
import { tagSelection } from '../annotations/tagging';
import { highlightPlugin, selectHighlight } from '../editor/highlights/highlight-plugin';
import { marginMarkersPlugin } from '../editor/margin-markers';
import { revealPassage } from '../editor/reveal-passage';
import type { Reader } from '../editor/reader';
import { selectionToolbar, tagKeymap } from '../editor/tag-controls';
import type { Session } from '../session/session';
import type { UiStore } from '../state/ui-store';
import { presenceCursors } from '../sync/presence';
import type { ReadingView } from './reading-view';

/** What the plugins reach outside the reader. */
export interface ReaderPluginContext {
  ui: UiStore;
  announce(message: string): void;
  /** The reader shown (tagging acts on its selection). */
  reader(): Reader | null;
  /** Shows annotation `id`'s comment thread (a margin marker was chosen). */
  openThread(id: string): void;
}

/** The reader's plugins for `session`. */
export function readerPlugins(session: Session, context: ReaderPluginContext): Plugin[] {
  const { ui } = context;
  const tag = (role: Role) => tagAs(session, role, context);
  // The server enforces roles; the UI does not offer what it would refuse.
  const may = session.capabilities();
  const readOnly = new Plugin({ props: { editable: () => may.editText } });
  return [
    tagKeymap((_view, role) => tag(role)),
    // Commenters and viewers get no tag toolbar: the server would refuse the tag.
    ...(may.tag ? [selectionToolbar((_view, role) => tag(role))] : []),
    highlightPlugin(session.doc, {
      onClick: (id) => ui.update({ selected: id, selectedBy: 'reader' }),
      onHover: (id) => ui.update({ hovered: id }),
    }),
    presenceCursors(session.awareness),
    marginMarkersPlugin(session.doc, { open: context.openThread }),
    readOnly,
  ];
}

/** Tags the reader's selection as `role` and opens the note/links popover; returns whether it tagged. */
function tagAs(session: Session, role: Role, context: ReaderPluginContext): boolean {
  const reader = context.reader();
  if (!reader) return false;
  // Viewers and commenters may not tag: the server would refuse it.
  if (!session.capabilities().tag) {
    context.announce(session.capabilities().comment ? 'Your link lets you read and comment, not tag passages.' : 'Your link lets you read, not tag passages.');
    return true;
  }
  const { view } = reader;
  const at = view.coordsAtPos(view.state.selection.to);
  try {
    const id = tagSelection(view, session, role);
    context.ui.update({ selected: id, selectedBy: 'reader' });
    openTagPopover(session, id, new DOMRect(at.left, at.top, 0, at.bottom - at.top), () => view.focus());
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    context.announce(e.message);
  }
  return true;
}

/** The reader marks the selected annotation; a selection made elsewhere scrolls to it. */
export function followSelection(ui: UiStore, reading: ReadingView, session: () => Session | null): void {
  ui.subscribe((state, previous) => {
    const reader = reading.reader();
    // Choosing in the map the passage just tagged in the reader changes only who chose it,
    // and must still bring it into view.
    if (!reader || (state.selected === previous.selected && state.selectedBy === previous.selectedBy)) return;
    selectHighlight(reader.view, state.selected);
    const current = session();
    if (state.selected && state.selectedBy !== 'reader' && current) revealPassage(current, reader, state.selected);
  });
}
