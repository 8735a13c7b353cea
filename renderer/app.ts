// Puts the reader UI together: the shell, the session host and the views that follow it,
// the opening flows and the command registry (menu, shortcuts, buttons). Each part lives
// in its own module; this one only wires them.
import type { MenuCommand, OpenedFile } from '../shared/ipc';
import { parseJoinLink } from '../shared/sync/join-link';
import { createAnnotationPanel } from './annotations/annotation-panel';
import { createFindBar } from './find/find-bar';
import { createMapPane } from './graph/map-pane';
import { openHistoryDialog } from './history/history-dialog';
import { HISTORY_SHORTCUT } from './history/history-key';
import { createVersionPane } from './history/version-pane';
import { ImportClient } from './import/import-client';
import { createInterchangeControls } from './interchange/interchange-controls';
import { installDropTarget } from './opening/drop-target';
import { createEmptyState } from './opening/empty-state';
import { createNotices } from './opening/notices';
import { createOpener } from './opening/opener';
import { createOutlineView } from './outline/outline-view';
import { createPersonControls } from './people/person-controls';
import type { Platform } from './platform';
import { createProjectBar } from './projects/project-bar';
import { readingSourceName, type Session } from './session/session';
import { createSessionHost } from './session/session-host';
import { createSessionOpening } from './session/session-opening';
import { createUiStore, type UiStore } from './state/ui-store';
import { createCollabBar } from './sync/collab-bar';
import { openHostDialog } from './sync/host-dialog';
import { openJoinDialog } from './sync/join-dialog';
import { createCommandRegistry } from './shell/command-registry';
import { commandEnabled } from './shell/command-states';
import { installCommands } from './shell/commands';
import { h } from './shell/dom';
import { createPaneTabs } from './shell/pane-tabs';
import { followSelection, readerPlugins } from './shell/reader-plugins';
import { createReaderZoom } from './shell/reader-zoom';
import { createReadingView } from './shell/reading-view';
import { followSession } from './shell/session-views';
import { createShell } from './shell/shell';
import { shortcutLabel } from './shell/shortcut-label';

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
  const toolbar = host.querySelector('.toolbar');
  const notices = createNotices(shell.notices);
  const importer = new ImportClient();
  importer.warm();
  const ui = createUiStore();
  const sessions = createSessionHost<Session>();
  const commands = createCommandRegistry((id) => commandEnabled(id, sessions.state()));
  const opening = createSessionOpening(sessions, platform, notices);

  const outline = createOutlineView(shell.readerScroll);
  const panel = createAnnotationPanel(ui);
  const leftTabs = createPaneTabs('Side panel', [
    { id: 'outline', label: 'Outline', content: outline.element },
    { id: 'annotations', label: 'Annotations', content: panel.element },
  ]);
  shell.leftBody.append(leftTabs.element);
  const person = createPersonControls(shell.notices);
  person.button.tabIndex = -1;
  toolbar?.append(person.button);
  const mapPane = createMapPane(ui, platform);
  shell.rightBody.append(mapPane.element);
  const find = createFindBar(shell.readerScroll, platform);
  shell.readerTop.append(find.element);
  const historyButton = h('button', { type: 'button', class: 'toolbar-button', 'aria-haspopup': 'dialog', title: `Named versions (${shortcutLabel(HISTORY_SHORTCUT, platform)})` }, 'History');
  historyButton.tabIndex = -1;
  toolbar?.append(historyButton);
  const versionPane = createVersionPane(shell.reader, () => reading.reader()?.view.focus());
  const baseName = () => {
    const session = sessions.session();
    return reading.reader()?.title() ?? (session && readingSourceName(session)) ?? '';
  };
  const interchange = createInterchangeControls(host, platform, notices, baseName, () => mapPane.svg());
  toolbar?.append(interchange.exportButton, interchange.importButton);
  const projectBar = platform.projects ? createProjectBar(platform) : null;
  if (projectBar) toolbar?.before(projectBar.element);
  const collab = createCollabBar();
  shell.docTitle.parentElement?.append(collab.element);

  const opener = createOpener({ platform, importer, notices, prepare: opening.prepareReading, opened: () => void emptyState.refreshRecent() });
  const emptyState = createEmptyState(platform, {
    open: () => void opener.chooseAndOpen(),
    openRecent: (entry) => {
      if (platform.projects && isProjectName(entry.key)) void platform.projects.open(entry.key).then(opening.applyOutcome, opening.reportProjectError);
      else void opener.openRecent(entry);
    },
  });
  const page = h('article', { class: 'page', hidden: true });
  shell.readerScroll.append(emptyState.element, page);
  void emptyState.refreshRecent();

  /** Shows annotation `id`'s comment thread in the side panel (a margin marker was chosen). */
  const openThread = (id: string) => {
    shell.panes.toggle('left', true);
    leftTabs.show('annotations');
    ui.update({ selected: id, selectedBy: 'reader' });
  };
  const reading = createReadingView(sessions, {
    page,
    emptyState: emptyState.element,
    scroller: shell.readerScroll,
    plugins: (session) => readerPlugins(session, { ui, announce: notices.announce, reader: () => reading.reader(), openThread }),
  });
  followSelection(ui, reading, sessions.session);
  followSession(sessions, reading, { ui, docTitle: shell.docTitle, outline, panel, mapPane, versionPane, person, find, interchange, collab, projectBar, commands });

  collab.hostButton.addEventListener('click', () => {
    const session = sessions.session();
    if (!session) return;
    openHostDialog(host, platform, session, notices.announce).catch((error: unknown) => notices.announce(`Could not host: ${errorText(error)}`));
  });
  collab.joinButton.addEventListener('click', () => openJoinDialog(host, opening.join));

  /** Opens the History dialog of the open project. */
  function openHistory(): void {
    const current = sessions.session();
    if (!current || host.querySelector('dialog.history-dialog')) return;
    openHistoryDialog(host, current, { view: (version) => versionPane.show(current.doc, version), announce: notices.announce });
  }
  commands.bindButton(historyButton, 'history');
  installCommands(
    {
      host,
      shell,
      platform,
      opener,
      find,
      zoom: createReaderZoom(shell.readerScroll, notices.announce),
      interchange,
      openHistory,
      focusReader: () => (reading.reader()?.view ?? emptyState.openButton).focus(),
      showOutline: () => {
        shell.panes.toggle('left', true);
        leftTabs.show('outline');
        if (!outline.focus()) shell.leftBody.closest<HTMLElement>('.pane')?.querySelector<HTMLElement>('button')?.focus();
      },
    },
    commands,
  );

  platform.onMenuCommand((command) => void commands.run(command));
  platform.onFileOpened((file) => void opener.open(file));
  platform.onOpenFailed(({ name, message }) => opener.fail(name, message));
  const { projects } = platform;
  if (projects && projectBar) {
    projects.onOutcome((outcome) => void opening.applyOutcome(outcome).catch(opening.reportProjectError));
    projectBar.newButton.addEventListener('click', () => void projects.create().then(opening.applyOutcome, opening.reportProjectError));
    projectBar.saveAsButton.addEventListener('click', () => void projects.saveAs().then(opening.applyOutcome, opening.reportProjectError));
  }
  installDropTarget(host, (file, others) => {
    if (projects && isProjectName(file.name)) void projects.openDropped(file).then(opening.applyOutcome, opening.reportProjectError);
    else void opener.openDropped(file);
    if (others > 0) notices.announce(`Crux opens one file at a time; it opened ${file.name}.`);
  });

  if (/[#&]join=/.test(location.hash)) {
    // A browser participant opened a join link: join, and say so if the link is bad.
    void Promise.resolve()
      .then(() => opening.join(parseJoinLink(location.href)))
      .catch((error: unknown) => notices.announce(`Could not join: ${errorText(error)}`));
  } else {
    void opening.reopenLast().catch(opening.reportProjectError);
  }

  return { run: (command) => void commands.run(command), open: opener.open, ui, session: sessions.session };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Whether a file name or path is a project file's. */
function isProjectName(name: string): boolean {
  return /\.crux$/i.test(name);
}
