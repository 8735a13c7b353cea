// The views that follow the shown session register here: each hears from the session
// host (a session, with or without a reading) or from the reading view (the reader).
// Nothing hands them sessions by hand, so a new state reaches every one of them.
import type { AnnotationPanel } from '../annotations/annotation-panel';
import type { FindBar } from '../find/find-bar';
import type { MapPane } from '../graph/map-pane';
import type { VersionPane } from '../history/version-pane';
import type { InterchangeControls } from '../interchange/interchange-controls';
import type { OutlineView } from '../outline/outline-view';
import type { PersonControls } from '../people/person-controls';
import type { ProjectBar } from '../projects/project-bar';
import { windowTitle } from '../projects/project-title';
import { readingSourceName, type Session } from '../session/session';
import type { SessionHost } from '../session/session-host';
import type { UiStore } from '../state/ui-store';
import type { CollabBar } from '../sync/collab-bar';
import { publishSessionPresence } from '../sync/presence';
import type { CommandRegistry } from './command-registry';
import type { ReadingView } from './reading-view';

/** The views that follow the session. */
export interface SessionViews {
  ui: UiStore;
  docTitle: HTMLElement;
  outline: OutlineView;
  panel: AnnotationPanel;
  mapPane: MapPane;
  versionPane: VersionPane;
  person: PersonControls;
  find: FindBar;
  interchange: InterchangeControls;
  collab: CollabBar;
  projectBar: ProjectBar | null;
  commands: CommandRegistry;
}

/** Subscribes `views` to `host` and `reading` (which subscribed to `host` first). */
export function followSession(host: SessionHost<Session>, reading: ReadingView, views: SessionViews): void {
  const { ui, versionPane, person, interchange, collab, projectBar, commands } = views;
  host.subscribe((state, previous) => {
    if (state.kind === 'none' && previous.kind !== 'none') {
      // The reader is gone already: clearing the selection must not reach it.
      ui.update({ selected: null, hovered: null, selectedBy: null, focus: null });
      versionPane.close();
    }
    const withReading = state.kind === 'reading' ? state.session : null;
    person.setSession(withReading);
    interchange.setSession(withReading);
    if (state.kind !== 'none') collab.show(state.session);
    if (state.project !== previous.project) projectBar?.show(state.project);
    commands.refresh();
  });

  reading.subscribe((shown) => views.find.setReader(shown?.reader ?? null));
  reading.subscribe(
    (shown) => {
      views.outline.setReader(shown?.reader ?? null);
      views.panel.setSession(shown?.session ?? null);
      views.mapPane.setSession(shown?.session ?? null);
    },
    { afterPaint: true },
  );

  let stopPresence: (() => void) | null = null;
  reading.subscribe((shown) => {
    stopPresence?.();
    stopPresence = shown ? publishSessionPresence(shown.session, ui) : null;
  });

  followTitle(host, reading, views.docTitle);
}

/** The top bar and the window show the reading's title (and the project file's name). */
function followTitle(host: SessionHost<Session>, reading: ReadingView, docTitle: HTMLElement): void {
  const projectName = () => host.state().project?.name ?? null;
  let title: string | null = null;
  const show = () => {
    docTitle.textContent = title ?? '';
    document.title = windowTitle(projectName(), title);
  };
  host.subscribe((state, previous) => {
    if (state.kind === 'empty') title = null;
    if (state.kind === 'empty' || state.project !== previous.project) show();
  });
  reading.subscribe((shown) => {
    if (!shown) return;
    const { reader, session } = shown;
    const fileName = readingSourceName(session) ?? 'Untitled';
    const update = () => {
      title = reader.title() ?? fileName;
      docTitle.title = fileName;
      show();
    };
    update();
    reader.onUpdate((view, previousState) => {
      if (view.state.doc.firstChild !== previousState.doc.firstChild) update();
    });
  });
}
