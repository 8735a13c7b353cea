// Puts the reader UI together: the shell, the opening flow, the reader bound to its
// Y.Doc, the outline and the find bar, and routes commands (menu, shortcuts, buttons)
// to them. Each part lives in its own module; this one only wires them.
import { Plugin, TextSelection } from 'prosemirror-state';
import type { ImportResult } from '../shared/import/types';
import type { MenuCommand, OpenedFile, ProjectInfo, ProjectOutcome } from '../shared/ipc';
import { writeReading } from './editor/load-reading';
import { marginMarkersPlugin } from './editor/margin-markers';
import { mountReader, type Reader } from './editor/reader';
import { revealPassage } from './editor/reveal-passage';
import type { PreparedBinding } from './editor/load-reading';
import { InputError, type Role } from '../shared/model';
import { createAnnotationPanel } from './annotations/annotation-panel';
import { openTagPopover } from './annotations/tag-popover';
import { tagSelection } from './annotations/tagging';
import { highlightPlugin, selectHighlight } from './editor/highlights/highlight-plugin';
import { selectionToolbar, tagKeymap } from './editor/tag-controls';
import { createFindBar } from './find/find-bar';
import { openHistoryDialog } from './history/history-dialog';
import { HISTORY_SHORTCUT } from './history/history-key';
import { createVersionPane } from './history/version-pane';
import { createMapPane } from './graph/map-pane';
import { ImportClient } from './import/import-client';
import { createInterchangeControls } from './interchange/interchange-controls';
import { installDropTarget } from './opening/drop-target';
import { createEmptyState } from './opening/empty-state';
import { createNotices } from './opening/notices';
import { createOpener, type Opener, type PreparedOpen } from './opening/opener';
import { createOutlineView } from './outline/outline-view';
import type { Platform, ProjectFiles } from './platform';
import { createProjectBar } from './projects/project-bar';
import { windowTitle } from './projects/project-title';
import { afterNextPaint } from './shell/after-paint';
import { h } from './shell/dom';
import { createPersonControls } from './people/person-controls';
import { askName } from './people/name-prompt';
import { createPaneTabs } from './shell/pane-tabs';
import { createReaderZoom } from './shell/reader-zoom';
import { createShell } from './shell/shell';
import { shortcutLabel } from './shell/shortcut-label';
import { installCommands } from './shell/commands';
import { lastProjectId, newProjectId, openSession, readingSourceName, rememberProject, setReadingSource, type Session } from './session/session';
import { createUiStore, type UiStore } from './state/ui-store';
import { parseJoinLink, type JoinLink } from '../shared/sync/join-link';
import { canEdit } from '../shared/sync/roles';
import { createCollabBar } from './sync/collab-bar';
import { openHostDialog } from './sync/host-dialog';
import { openJoinDialog } from './sync/join-dialog';
import { presenceCursors, publishSessionPresence } from './sync/presence';
import { mainErrorMessage } from '../shared/ipc';

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
  const ui = createUiStore();
  const panel = createAnnotationPanel(ui);
  const leftTabs = createPaneTabs('Side panel', [
    { id: 'outline', label: 'Outline', content: outline.element },
    { id: 'annotations', label: 'Annotations', content: panel.element },
  ]);
  shell.leftBody.append(leftTabs.element);
  const person = createPersonControls(shell.notices);
  person.button.tabIndex = -1;
  host.querySelector('.toolbar')?.append(person.button);
  const mapPane = createMapPane(ui, platform);
  shell.rightBody.append(mapPane.element);
  const find = createFindBar(shell.readerScroll, platform);
  shell.readerTop.append(find.element);
  const historyButton = h(
    'button',
    { type: 'button', class: 'toolbar-button', disabled: true, 'aria-haspopup': 'dialog', title: `Named versions (${shortcutLabel(HISTORY_SHORTCUT, platform)})` },
    'History',
  );
  historyButton.tabIndex = -1;
  host.querySelector('.toolbar')?.append(historyButton);
  const versionPane = createVersionPane(shell.reader, () => reader?.view.focus());
  const interchange = createInterchangeControls(
    host,
    platform,
    notices,
    () => reader?.title() ?? (session && readingSourceName(session)) ?? '',
    () => mapPane.svg(),
  );
  host.querySelector('.toolbar')?.append(interchange.exportButton, interchange.importButton);

  // Desktop: every project is a .crux file the main process keeps open (DESIGN.md §5).
  const projects: ProjectFiles | null = platform.projects;
  const projectBar = projects ? createProjectBar(platform) : null;
  if (projectBar) host.querySelector('.toolbar')?.before(projectBar.element);
  let project: ProjectInfo | null = null;

  const page = h('article', { class: 'page', hidden: true });
  let reader: Reader | null = null;
  let session: Session | null = null;
  const collab = createCollabBar();
  shell.docTitle.parentElement?.append(collab.element);
  let stopPresence: (() => void) | null = null;

  const opener: Opener = createOpener({
    platform,
    importer,
    notices,
    prepare: prepareReading,
    opened: () => void emptyState.refreshRecent(),
  });
  const emptyState = createEmptyState(platform, {
    open: () => void opener.chooseAndOpen(),
    openRecent: (entry) => {
      if (projects && isProjectName(entry.key)) void projects.open(entry.key).then(applyOutcome, reportProjectError);
      else void opener.openRecent(entry);
    },
  });
  shell.readerScroll.append(emptyState.element, page);
  void emptyState.refreshRecent();

  /**
   * Makes a new project ready for a file being imported, its local copy and sync
   * connection opening while the import runs, and shows the reading in it once imported.
   */
  function prepareReading(file: OpenedFile): PreparedOpen {
    if (projects) return { show: (result) => showReadingInProject(projects, result, file), cancel: () => {} };
    const id = newProjectId();
    // Remembered as the project to reopen only once it has its reading.
    const opening = platform.syncConnection(id).then((connection) => openSession(id, { connection, remember: false }));
    // A failure to open it is reported when the reading is to be shown.
    opening.catch(() => {});
    return {
      async show(result) {
        const next = await opening;
        const prepared = writeReading(next.doc, result.doc);
        setReadingSource(next, { name: file.name, format: result.format });
        rememberProject(next.projectId);
        await mount(next, prepared, result.doc.content.size);
      },
      cancel() {
        void opening.then(
          (unused) => unused.destroy({ discard: true }),
          () => {},
        );
      },
    };
  }

  /** Desktop: puts an imported reading in its project file (the open one while empty, else a new one). */
  async function showReadingInProject(files: ProjectFiles, result: ImportResult, file: OpenedFile): Promise<void> {
    const first = result.doc.firstChild;
    const title = first?.type.name === 'title' ? first.textContent.slice(0, 1024) : '';
    const outcome = await files.forReading({ name: file.name.slice(0, 1024), format: result.format, title, bytes: file.bytes });
    if (outcome.kind === 'failed') throw new Error(outcome.message);
    if (outcome.kind === 'cancelled') throw new Error('no project file was made for it.');
    const next = session?.projectId === outcome.project.id ? session : await projectSession(outcome.project);
    project = outcome.project;
    projectBar?.show(project);
    const prepared = writeReading(next.doc, result.doc);
    setReadingSource(next, { name: file.name, format: result.format });
    await mount(next, prepared, result.doc.content.size);
  }

  /** Desktop: a session on a project file's document, synced from the embedded server. */
  async function projectSession(info: ProjectInfo): Promise<Session> {
    const next = await openSession(info.id, { connection: await platform.syncConnection(info.id), remember: false, localCopy: false });
    await next.synced;
    return next;
  }

  /** Desktop: shows what came of opening, creating or saving a project. */
  async function applyOutcome(outcome: ProjectOutcome): Promise<void> {
    if (outcome.kind === 'cancelled') return;
    if (outcome.kind === 'failed') {
      const { path } = outcome;
      const recover = outcome.recoverable && projects ? { label: 'Recover', run: () => void projects.recover(path).then(applyOutcome, reportProjectError) } : undefined;
      notices.showError(outcome.name || null, outcome.message, recover);
      return;
    }
    if (outcome.notice) notices.showInfo(outcome.notice);
    else notices.clearError();
    project = outcome.project;
    projectBar?.show(project);
    // Save As keeps the document: only the file (and so the title) changed.
    if (session?.projectId === outcome.project.id) {
      document.title = windowTitle(project.name, reader?.title() ?? null);
      return;
    }
    const next = await projectSession(outcome.project);
    if (next.hasReading()) await mount(next, undefined, 0);
    else await showEmptyProject(next);
    notices.announce(`Opened the project ${outcome.project.name}.`);
  }

  /**
   * Puts `next` where the shown session was: the reader, a version being viewed, the map's
   * session and presence are let go, and the previous session closed (unless it is `next`).
   */
  async function replaceSession(next: Session): Promise<void> {
    reader?.destroy();
    // Clearing the selection below must not reach the destroyed view (it would throw).
    reader = null;
    const previous = session;
    session = next;
    ui.update({ selected: null, hovered: null, selectedBy: null, focus: null });
    // The views that follow the reading let go of the old one now; mount gives them the new one.
    outline.setReader(null);
    panel.setSession(null);
    mapPane.setSession(null);
    versionPane.close();
    // A project that was empty gets its reading in the same session.
    if (previous !== next) await previous?.destroy();
    stopPresence?.();
    stopPresence = null;
  }

  /** Desktop: a new project has no reading yet; the empty state offers to open one into it. */
  async function showEmptyProject(next: Session): Promise<void> {
    await replaceSession(next);
    person.setSession(null);
    find.setReader(null);
    interchange.setSession(null);
    collab.show(next);
    shell.findButton.disabled = true;
    // History needs a reading's session; mount enables it again.
    historyButton.disabled = true;
    page.hidden = true;
    emptyState.element.hidden = false;
    shell.docTitle.textContent = '';
    document.title = windowTitle(project?.name ?? null, null);
  }

  function reportProjectError(error: unknown): void {
    notices.showError(null, mainErrorMessage(error));
  }

  /** Shows a session's reading in the reader, replacing what was shown. */
  async function mount(next: Session, prepared: PreparedBinding | undefined, size: number): Promise<void> {
    await replaceSession(next);
    // The server enforces roles; the UI does not offer what it would refuse.
    const readOnly = new Plugin({ props: { editable: () => canEdit(next.role) } });
    const plugins = [
      tagKeymap((view, role) => tag(role)),
      // Commenters and viewers get no tag toolbar: the server would refuse the tag.
      ...(canEdit(next.role) ? [selectionToolbar((view, role) => tag(role))] : []),
      highlightPlugin(next.doc, {
        onClick: (id) => ui.update({ selected: id, selectedBy: 'reader' }),
        onHover: (id) => ui.update({ hovered: id }),
      }),
      presenceCursors(next.awareness),
      marginMarkersPlugin(next.doc, { open: openThread }),
      readOnly,
    ];
    reader = mountReader(page, next.doc, { ...(prepared ? { prepared } : {}), undoManager: next.undo, plugins });
    // Long readings lay out only what is on screen (see .is-long in reader.css; readings
    // with many highlights do too, set by the highlight plugin). A reopened or joined
    // project is measured from its document, now and once the server has synced it.
    const markLong = (view: Reader['view']) => page.classList.toggle('is-long', Math.max(size, view.state.doc.content.size) > LONG_READING);
    markLong(reader.view);
    void next.synced.then(() => {
      if (session === next && reader) markLong(reader.view);
    });
    stopPresence = publishSessionPresence(next, ui);
    collab.show(next);
    const shown = reader;
    // The outline, the annotation list and the map (which lays itself out) are built once
    // the reading has painted: the reading comes first, they follow in the next task.
    afterNextPaint(() => {
      if (session !== next || reader !== shown) return;
      outline.setReader(shown);
      panel.setSession(next);
      mapPane.setSession(next);
    });
    emptyState.element.hidden = true;
    page.hidden = false;
    shell.readerScroll.scrollTop = 0;
    person.setSession(next);
    find.setReader(shown);
    shell.findButton.disabled = false;
    historyButton.disabled = false;
    interchange.setSession(next);
    const fileName = readingSourceName(next) ?? 'Untitled';
    const showTitle = () => {
      const title = shown.title() ?? fileName;
      shell.docTitle.textContent = title;
      shell.docTitle.title = fileName;
      document.title = windowTitle(project?.name ?? null, title);
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

  /** Shows annotation `id`'s comment thread in the side panel (a margin marker was chosen). */
  function openThread(id: string): void {
    shell.panes.toggle('left', true);
    leftTabs.show('annotations');
    ui.update({ selected: id, selectedBy: 'reader' });
  }

    /** Reopens the project that was open when the app last ran. */
  async function reopenLast(): Promise<void> {
    if (projects) return applyOutcome(await projects.current());
    const id = lastProjectId();
    if (!id) return;
    const last = await openSession(id, { connection: await platform.syncConnection(id) });
    if (!last.hasReading() || session) {
      await last.destroy();
      return;
    }
    await mount(last, undefined, 0);
  }

  /** Opens a project from a host's server, as a join link says. */
  async function join(link: JoinLink): Promise<void> {
    const joined = await openSession(link.project, {
      connection: { url: link.url, token: link.token, role: link.role ?? 'editor' },
      remember: false,
    });
    const refused = new Promise<never>((_, reject) =>
      joined.onStatus((status) => {
        if (status.kind === 'refused') reject(new Error(`the host's server refused the link (${status.reason}).`));
      }),
    );
    try {
      await Promise.race([joined.synced, refused]);
    } catch (error) {
      await joined.destroy();
      throw error;
    }
    await mount(joined, undefined, 0);
    void askName(host, joined);
  }

  collab.hostButton.addEventListener('click', () => {
    if (!session) return;
    openHostDialog(host, platform, session, notices.announce).catch((error: unknown) =>
      notices.announce(`Could not host: ${error instanceof Error ? error.message : String(error)}`),
    );
  });
  collab.joinButton.addEventListener('click', () => openJoinDialog(host, join));

  /** Opens the History dialog of the open project. */
  function openHistory(): void {
    const current = session;
    if (!current || host.querySelector('dialog.history-dialog')) return;
    openHistoryDialog(host, current, { view: (version) => versionPane.show(current.doc, version), announce: notices.announce });
  }
  historyButton.addEventListener('click', openHistory);

  /** Tags the reader's selection as `role` and opens the note/links popover; returns whether it tagged. */
  function tag(role: Role): boolean {
    if (!reader || !session) return false;
    // Viewers and commenters may not tag: the server would refuse it.
    if (!canEdit(session.role)) {
      notices.announce('Your link lets you read and comment, not tag passages.');
      return true;
    }
    const { view } = reader;
    const at = view.coordsAtPos(view.state.selection.to);
    try {
      const id = tagSelection(view, session, role);
      ui.update({ selected: id, selectedBy: 'reader' });
      openTagPopover(session, id, new DOMRect(at.left, at.top, 0, at.bottom - at.top), () => view.focus());
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      notices.announce(e.message);
    }
    return true;
  }

  // The reader marks the selected annotation; a selection made elsewhere scrolls to it.
  ui.subscribe((state, previous) => {
    // Choosing in the map the passage just tagged in the reader changes only who chose it,
    // and must still bring it into view.
    if (!reader || (state.selected === previous.selected && state.selectedBy === previous.selectedBy)) return;
    selectHighlight(reader.view, state.selected);
    if (state.selected && state.selectedBy !== 'reader') {
      if (session) revealPassage(session, reader, state.selected);
    }
  });

  function focusReader(): void {
    if (reader) reader.view.focus();
    else emptyState.openButton.focus();
  }

  const run = installCommands({
    host,
    shell,
    platform,
    opener,
    find,
    zoom,
    interchange,
    openHistory,
    focusReader,
    showOutline: () => {
      shell.panes.toggle('left', true);
      leftTabs.show('outline');
      if (!outline.focus()) shell.leftBody.closest<HTMLElement>('.pane')?.querySelector<HTMLElement>('button')?.focus();
    },
  });

  platform.onMenuCommand(run);
  platform.onFileOpened((file) => void opener.open(file));
  platform.onOpenFailed(({ name, message }) => opener.fail(name, message));
  if (projects && projectBar) {
    projects.onOutcome((outcome) => void applyOutcome(outcome).catch(reportProjectError));
    projectBar.newButton.addEventListener('click', () => void projects.create().then(applyOutcome, reportProjectError));
    projectBar.saveAsButton.addEventListener('click', () => void projects.saveAs().then(applyOutcome, reportProjectError));
  }
  installDropTarget(host, (file, others) => {
    if (projects && isProjectName(file.name)) void projects.openDropped(file).then(applyOutcome, reportProjectError);
    else void opener.openDropped(file);
    if (others > 0) notices.announce(`Crux opens one file at a time; it opened ${file.name}.`);
  });

  if (/[#&]join=/.test(location.hash)) {
    // A browser participant opened a join link: join, and say so if the link is bad.
    void Promise.resolve()
      .then(() => join(parseJoinLink(location.href)))
      .catch((error: unknown) => notices.announce(`Could not join: ${error instanceof Error ? error.message : String(error)}`));
  } else {
    void reopenLast().catch(reportProjectError);
  }

  return { run, open: opener.open, ui, session: () => session };
}

/** Whether a file name or path is a project file's. */
function isProjectName(name: string): boolean {
  return /\.crux$/i.test(name);
}
