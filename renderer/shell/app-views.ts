// Builds the views around the reading and puts them in the frame: the side panel
// (outline, annotations), the map, the find bar, the toolbar's person, History, Export
// and Import buttons, the desktop project bar, the collaboration bar and the version pane.
// They follow the session host once registered (session-views.ts).
import { createAnnotationPanel, type AnnotationPanel } from '../annotations/annotation-panel';
import type { Reader } from '../editor/reader';
import { createFindBar, type FindBar } from '../find/find-bar';
import { createMapPane, type MapPane } from '../graph/map-pane';
import { HISTORY_SHORTCUT } from '../history/history-key';
import { createVersionPane, type VersionPane } from '../history/version-pane';
import { createInterchangeControls, type InterchangeControls } from '../interchange/interchange-controls';
import type { Notices } from '../opening/notices';
import { createOutlineView, type OutlineView } from '../outline/outline-view';
import { createPersonControls, type PersonControls } from '../people/person-controls';
import type { Platform } from '../platform';
import { createProjectBar, type ProjectBar } from '../projects/project-bar';
import { readingSourceName, type Session } from '../session/session';
import type { UiStore } from '../state/ui-store';
import { createCollabBar, type CollabBar } from '../sync/collab-bar';
import { h } from './dom';
import { createPaneTabs, type PaneTabs } from './pane-tabs';
import type { Shell } from './shell';
import { shortcutLabel } from './shortcut-label';

/** The views, built and in place. */
export interface AppViews {
  outline: OutlineView;
  panel: AnnotationPanel;
  leftTabs: PaneTabs;
  person: PersonControls;
  mapPane: MapPane;
  find: FindBar;
  historyButton: HTMLButtonElement;
  versionPane: VersionPane;
  interchange: InterchangeControls;
  projectBar: ProjectBar | null;
  collab: CollabBar;
}

/** What the views read of the running app. */
export interface AppViewContext {
  host: HTMLElement;
  shell: Shell;
  platform: Platform;
  ui: UiStore;
  notices: Notices;
  /** The reader shown, if any. */
  reader(): Reader | null;
  /** The session shown, if any. */
  session(): Session | null;
}

/** Builds the views into the frame. */
export function createAppViews(context: AppViewContext): AppViews {
  const { host, shell, platform, ui, notices } = context;
  const toolbar = host.querySelector('.toolbar');
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
  const title = `Named versions (${shortcutLabel(HISTORY_SHORTCUT, platform)})`;
  const historyButton = h('button', { type: 'button', class: 'toolbar-button', 'aria-haspopup': 'dialog', title }, 'History');
  historyButton.tabIndex = -1;
  toolbar?.append(historyButton);
  const versionPane = createVersionPane(shell.reader, () => context.reader()?.view.focus());
  const baseName = () => {
    const session = context.session();
    return context.reader()?.title() ?? (session && readingSourceName(session)) ?? '';
  };
  const interchange = createInterchangeControls(host, platform, notices, baseName, () => mapPane.svg());
  toolbar?.append(interchange.exportButton, interchange.importButton);
  // Desktop: every project is a .crux file the main process keeps open (DESIGN.md §5).
  const projectBar = platform.projects ? createProjectBar(platform) : null;
  if (projectBar) toolbar?.before(projectBar.element);
  const collab = createCollabBar();
  shell.docTitle.parentElement?.append(collab.element);
  return { outline, panel, leftTabs, person, mapPane, find, historyButton, versionPane, interchange, projectBar, collab };
}
