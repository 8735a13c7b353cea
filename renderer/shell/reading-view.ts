// The reading in the middle pane: follows the session host, mounts the reader on the
// shown session's document (with the plugins the app gives it) or shows the empty state,
// and tells the views that work on the reader (find, outline, list, map) which one is shown.
import { TextSelection, type Plugin } from 'prosemirror-state';
import { mountReader, type Reader } from '../editor/reader';
import type { Session } from '../session/session';
import type { ReadingOpening, SessionHost, SessionState } from '../session/session-host';
import { afterNextPaint } from './after-paint';

/** Readings longer than this (in document positions, about characters) skip off-screen layout. */
const LONG_READING = 200_000;

/** A reading shown in the reader. */
export interface ShownReading {
  readonly session: Session;
  readonly reader: Reader;
}

/** Called with the reading shown, or null when it is let go. */
export type ReadingListener = (shown: ShownReading | null) => void;

/** The reading view. */
export interface ReadingView {
  /** The reader of the shown reading, if any. */
  reader(): Reader | null;
  /**
   * Calls `listener` with each reading once mounted, and with null when it is let go.
   * `afterPaint`: hear of a new reading only once it has painted (views that build from
   * it, like the outline or the map, so the reading comes first); null comes at once.
   */
  subscribe(listener: ReadingListener, options?: { afterPaint?: boolean }): void;
}

/** Where the reading view shows its parts. */
export interface ReadingViewParts {
  /** The page the reader is mounted in. */
  page: HTMLElement;
  /** What shows when no reading is open. */
  emptyState: HTMLElement;
  /** The scrolling area holding both. */
  scroller: HTMLElement;
  /** The reader's plugins for `session` (tagging, highlights, presence, roles). */
  plugins(session: Session): Plugin[];
}

/** Builds the reading view and subscribes it to `host`. */
export function createReadingView(host: SessionHost<Session>, parts: ReadingViewParts): ReadingView {
  const { page, emptyState, scroller } = parts;
  let reader: Reader | null = null;
  const now: ReadingListener[] = [];
  const painted: ReadingListener[] = [];

  function tell(shown: ShownReading | null): void {
    for (const listener of now) listener(shown);
    if (!shown) {
      for (const listener of painted) listener(null);
      return;
    }
    // The outline, the annotation list and the map (which lays itself out) are built once
    // the reading has painted: the reading comes first, they follow in the next task.
    afterNextPaint(() => {
      if (reader !== shown.reader) return;
      for (const listener of painted) listener(shown);
    });
  }

  function mount(session: Session, opening: ReadingOpening): ShownReading {
    const { prepared, size } = opening;
    const shown = mountReader(page, session.doc, { ...(prepared ? { prepared } : {}), undoManager: session.undo, plugins: parts.plugins(session) });
    // Long readings lay out only what is on screen (see .is-long in reader.css; readings
    // with many highlights do too, set by the highlight plugin). A reopened or joined
    // project is measured from its document, now and once the server has synced it.
    const markLong = () => page.classList.toggle('is-long', Math.max(size, shown.view.state.doc.content.size) > LONG_READING);
    markLong();
    void session.synced.then(() => {
      if (reader === shown) markLong();
    });
    return { session, reader: shown };
  }

  function follow(state: SessionState<Session>): void {
    if (state.kind !== 'reading') {
      if (reader) {
        reader.destroy();
        reader = null;
        tell(null);
      }
      // Between two sessions the page stays as it is; a project without a reading
      // shows the empty state, which offers to open one into it.
      if (state.kind === 'empty') {
        page.hidden = true;
        emptyState.hidden = false;
      }
      return;
    }
    if (reader) return;
    const shown = mount(state.session, state.opening);
    reader = shown.reader;
    emptyState.hidden = true;
    page.hidden = false;
    scroller.scrollTop = 0;
    tell(shown);
    // Focus was on whatever opened the file (maybe now hidden); start reading at the top.
    const { view } = shown.reader;
    view.dispatch(view.state.tr.setSelection(TextSelection.atStart(view.state.doc)));
    view.focus();
    scroller.scrollTop = 0;
  }

  host.subscribe((state) => follow(state));

  return {
    reader: () => reader,
    subscribe(listener, options = {}) {
      (options.afterPaint ? painted : now).push(listener);
    },
  };
}
