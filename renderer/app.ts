// Puts the reader UI together: the shell, the session host and the views that follow it,
// the opening flows and the command registry (menu, shortcuts, buttons). Each part lives
// in its own module; this one only wires them.
import type { MenuCommand, OpenedFile } from '../shared/ipc';
import { openHistoryDialog } from './history/history-dialog';
import { ImportClient } from './import/import-client';
import { createEmptyState } from './opening/empty-state';
import { createNotices } from './opening/notices';
import { createOpener } from './opening/opener';
import { askName } from './people/name-prompt';
import type { Platform } from './platform';
import type { Session } from './session/session';
import { followRefusals } from './session/rollback';
import { createSessionHost } from './session/session-host';
import { createSessionOpening } from './session/session-opening';
import { createUiStore, type UiStore } from './state/ui-store';
import { openHostDialog } from './sync/host-dialog';
import { openJoinDialog } from './sync/join-dialog';
import { createAppViews } from './shell/app-views';
import { createCommandRegistry } from './shell/command-registry';
import { commandEnabled } from './shell/command-states';
import { installCommands } from './shell/commands';
import { h } from './shell/dom';
import { errorText, isProjectName, wirePlatform } from './shell/platform-wiring';
import { followSelection, readerPlugins } from './shell/reader-plugins';
import { createReaderZoom } from './shell/reader-zoom';
import { createReadingView } from './shell/reading-view';
import { followSession } from './shell/session-views';
import { createShell } from './shell/shell';

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
  const importer = new ImportClient();
  importer.warm();
  const ui = createUiStore();
  const sessions = createSessionHost<Session>();
  const commands = createCommandRegistry((id) => commandEnabled(id, sessions.state()), platform.showDisabledCommands);
  const opening = createSessionOpening(sessions, platform, notices, (joined) => void askName(host, joined));
  const views = createAppViews({ host, shell, platform, ui, notices, reader: () => reading.reader(), session: sessions.session });
  const { outline, leftTabs, versionPane, collab } = views;

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
  followRefusals(sessions, notices.showInfo, (fresh) => void askName(host, fresh));
  followSession(sessions, reading, { ...views, ui, docTitle: shell.docTitle, commands });

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
  commands.bindButton(views.historyButton, 'history');
  installCommands(
    {
      host,
      shell,
      platform,
      opener,
      find: views.find,
      zoom: createReaderZoom(shell.readerScroll, notices.announce),
      interchange: views.interchange,
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

  wirePlatform(host, platform, { commands, opener, opening, notices, projectBar: views.projectBar });
  return { run: (command) => void commands.run(command), open: opener.open, ui, session: sessions.session };
}
