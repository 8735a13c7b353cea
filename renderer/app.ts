// Puts the reader UI together: the shell, the opening flow, the reader bound to its
// Y.Doc, the outline and the find bar, and routes commands (menu, shortcuts, buttons)
// to them. Each part lives in its own module; this one only wires them.
import { TextSelection } from 'prosemirror-state';
import { pmDocText, resolveAnnotation } from '../shared/anchoring';
import type { ImportResult } from '../shared/import/types';
import { getAnnotation } from '../shared/model';
import type { MenuCommand, OpenedFile } from '../shared/ipc';
import { writeReading } from './editor/load-reading';
import { mountReader, type Reader } from './editor/reader';
import type { PreparedBinding } from './editor/load-reading';
import { createFindBar } from './find/find-bar';
import { createMapPane } from './graph/map-pane';
import { ImportClient } from './import/import-client';
import { installDropTarget } from './opening/drop-target';
import { createEmptyState } from './opening/empty-state';
import { createNotices } from './opening/notices';
import { createOpener, type Opener } from './opening/opener';
import { createOutlineView } from './outline/outline-view';
import type { Platform } from './platform';
import { h } from './shell/dom';
import { createReaderZoom } from './shell/reader-zoom';
import { createShell } from './shell/shell';
import { commandForKey } from './shell/shortcuts';
import { lastProjectId, newProjectId, openSession, readingSourceName, setReadingSource, type Session } from './session/session';
import { createUiStore, type UiStore } from './state/ui-store';

/** Scrolls the reader to annotation `id`'s passage, if it is one and is anchored. */
function revealPassage(session: Session, reader: Reader, id: string): void {
  const annotation = getAnnotation(session.doc, id);
  if (!annotation) return;
  const resolution = resolveAnnotation(session.doc, annotation);
  if (resolution.status !== 'anchored') return;
  const { view } = reader;
  const { from } = pmDocText(view.state.doc).rangeToPm({ start: resolution.start, end: resolution.end });
  const dom = view.domAtPos(from);
  const target = dom.node instanceof Element ? dom.node : dom.node.parentElement;
  target?.scrollIntoView({ block: 'center' });
}

/** Readings longer than this (in document positions, about characters) skip off-screen layout. */
const LONG_READING = 200_000;

/** The running app. */
export interface App {
  /** Runs a menu command, as the menu or a shortcut would. */
  run(command: MenuCommand): void;
  /** Opens a file already in memory. */
  open(file: OpenedFile): Promise<void>;
  /** The UI state shared by the views. */
  readonly ui: UiStore;
  /** The open project, if any. */
  session(): Session | null;
}

/** Builds the app into `host`. */
export function startApp(host: HTMLElement, platform: Platform): App {
  const shell = createShell(host, platform);
  const notices = createNotices(shell.notices);
  const zoom = createReaderZoom(shell.readerScroll, notices.announce);
  const importer = new ImportClient();
  importer.warm();

  const outline = createOutlineView(shell.readerScroll);
  shell.leftBody.append(outline.element);
  const ui = createUiStore();
  const mapPane = createMapPane(ui, platform);
  shell.rightBody.append(mapPane.element);
  const find = createFindBar(shell.readerScroll, platform);
  shell.readerTop.append(find.element);

  const page = h('article', { class: 'page', hidden: true });
  let reader: Reader | null = null;
  let session: Session | null = null;

  const opener: Opener = createOpener({
    platform,
    importer,
    notices,
    show: showReading,
    opened: () => void emptyState.refreshRecent(),
  });
  const emptyState = createEmptyState(platform, {
    open: () => void opener.chooseAndOpen(),
    openRecent: (entry) => void opener.openRecent(entry),
  });
  shell.readerScroll.append(emptyState.element, page);
  void emptyState.refreshRecent();

  /** Opens an imported reading as a new project. */
  async function showReading(result: ImportResult, file: OpenedFile): Promise<void> {
    const next = await openSession(newProjectId());
    const prepared = writeReading(next.doc, result.doc);
    setReadingSource(next, { name: file.name, format: result.format });
    await mount(next, prepared, result.doc.content.size);
  }

  /** Shows a session's reading in the reader, replacing what was shown. */
  async function mount(next: Session, prepared: PreparedBinding | undefined, size: number): Promise<void> {
    reader?.destroy();
    const previous = session;
    session = next;
    ui.update({ selected: null, hovered: null, selectedBy: null, focus: null });
    mapPane.setSession(null);
    await previous?.destroy();
    // Long readings lay out only what is on screen (see .is-long in reader.css).
    page.classList.toggle('is-long', size > LONG_READING);
    reader = mountReader(page, next.doc, { ...(prepared ? { prepared } : {}), undoManager: next.undo });
    const shown = reader;
    mapPane.setSession(next);
    emptyState.element.hidden = true;
    page.hidden = false;
    shell.readerScroll.scrollTop = 0;
    outline.setReader(shown);
    find.setReader(shown);
    shell.findButton.disabled = false;
    const fileName = readingSourceName(next) ?? 'Untitled';
    const showTitle = () => {
      const title = shown.title() ?? fileName;
      shell.docTitle.textContent = title;
      shell.docTitle.title = fileName;
      document.title = `${title} — Crux`;
    };
    showTitle();
    shown.onUpdate((view, previousState) => {
      if (view.state.doc.firstChild !== previousState.doc.firstChild) showTitle();
    });
    // Focus was on whatever opened the file (maybe now hidden); start reading at the top.
    const { view } = shown;
    view.dispatch(view.state.tr.setSelection(TextSelection.atStart(view.state.doc)));
    view.focus();
    shell.readerScroll.scrollTop = 0;
  }

  /** Reopens the project that was open when the app last ran. */
  async function reopenLast(): Promise<void> {
    const id = lastProjectId();
    if (!id) return;
    const last = await openSession(id);
    if (!last.hasReading() || session) {
      await last.destroy();
      return;
    }
    await mount(last, undefined, 0);
  }

  function focusReader(): void {
    if (reader) reader.view.focus();
    else emptyState.openButton.focus();
  }

  function run(command: MenuCommand): void {
    switch (command) {
      case 'open':
        void opener.chooseAndOpen();
        break;
      case 'find':
        find.open();
        break;
      case 'find-next':
        find.next();
        break;
      case 'find-previous':
        find.previous();
        break;
      case 'toggle-outline':
        shell.panes.toggle('left');
        break;
      case 'toggle-map':
        shell.panes.toggle('right');
        break;
      case 'zoom-in':
        zoom.zoomIn();
        break;
      case 'zoom-out':
        zoom.zoomOut();
        break;
      case 'zoom-reset':
        zoom.reset();
        break;
      case 'focus-reader':
        focusReader();
        break;
      case 'focus-outline':
        shell.panes.toggle('left', true);
        if (!outline.focus()) shell.leftBody.closest<HTMLElement>('.pane')?.querySelector<HTMLElement>('button')?.focus();
        break;
    }
  }

  shell.skipLink.addEventListener('click', (event) => {
    event.preventDefault();
    focusReader();
  });
  shell.openButton.addEventListener('click', () => void opener.chooseAndOpen());
  shell.findButton.addEventListener('click', () => find.open());

  window.addEventListener('keydown', (event) => {
    if (event.defaultPrevented) return;
    if (event.key === 'F6') {
      event.preventDefault();
      cycleFocus(event.shiftKey ? -1 : 1);
      return;
    }
    if (platform.menuOwnsShortcuts) return;
    const command = commandForKey(event, platform.isMac);
    if (!command) return;
    event.preventDefault();
    run(command);
  });

  /** F6 moves between the regions: toolbar, outline, reader, map. */
  function cycleFocus(direction: 1 | -1): void {
    const regions = [host.querySelector<HTMLElement>('.toolbar button'), host.querySelector<HTMLElement>('#outline-pane'), shell.reader, host.querySelector<HTMLElement>('#map-pane')].filter(
      (el): el is HTMLElement => el !== null && !el.hidden,
    );
    const at = regions.findIndex((el) => el.contains(document.activeElement));
    const next = regions[(at + direction + regions.length) % regions.length];
    if (next === shell.reader) focusReader();
    else if (next?.matches('.pane')) (next.querySelector<HTMLElement>('a, button, [tabindex="0"]') ?? next).focus();
    else next?.focus();
  }

  platform.onMenuCommand(run);
  platform.onFileOpened((file) => void opener.open(file));
  platform.onOpenFailed(({ name, message }) => opener.fail(name, message));
  installDropTarget(host, (file, others) => {
    void opener.openDropped(file);
    if (others > 0) notices.announce(`Crux opens one file at a time; it opened ${file.name}.`);
  });

  // A passage chosen in the map or the scoreboard: bring it into view in the reading.
  // (Minimal until the annotation panel's own "store selection → reader" listener lands.)
  ui.subscribe((state, previous) => {
    if (state.selected === previous.selected || !state.selected || state.selectedBy === 'reader') return;
    if (session && reader) revealPassage(session, reader, state.selected);
  });

  void reopenLast();

  return { run, open: opener.open, ui, session: () => session };
}
