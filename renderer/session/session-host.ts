// The session host: which project is shown and how (nothing, a project without a
// reading, or a reading). It owns the session's lifecycle — switching closes the previous
// session once the views have let go of it — and views subscribe to it instead of being
// handed each change by hand. No DOM: the reader and the other views follow it.
import type { ProjectInfo } from '../../shared/ipc';
import type { PreparedBinding } from '../editor/load-reading';

/** What the host needs of a session: closing it. */
export interface HostedSession {
  destroy(): Promise<void>;
}

/** How a reading is to be shown: a binding prepared while importing, and its size. */
export interface ReadingOpening {
  readonly prepared?: PreparedBinding;
  /** The imported document's size (0: measure the reading once shown). */
  readonly size: number;
}

/** What is shown. `project` is the desktop project file, if any. */
export type SessionState<S> =
  | { readonly kind: 'none'; readonly project: ProjectInfo | null }
  | { readonly kind: 'empty'; readonly session: S; readonly project: ProjectInfo | null }
  | { readonly kind: 'reading'; readonly session: S; readonly opening: ReadingOpening; readonly project: ProjectInfo | null };

/** Called with every new state and the one it replaces. */
export type SessionListener<S> = (state: SessionState<S>, previous: SessionState<S>) => void;

/** The host of the shown session. */
export interface SessionHost<S extends HostedSession> {
  state(): SessionState<S>;
  /** The shown session (with or without a reading), or the one about to be shown, or null. */
  session(): S | null;
  /** Shows `next`'s reading, replacing what was shown. */
  showReading(next: S, opening?: ReadingOpening): Promise<void>;
  /** Shows `next`, a project with no reading yet. */
  showEmpty(next: S): Promise<void>;
  /** Records the project file shown (opened, saved under a new name). */
  setProject(project: ProjectInfo | null): void;
  /**
   * Calls `listener` on every change, in the order listeners subscribed; returns the
   * unsubscribe function. Switching sessions passes through `none` first, so views let
   * go of the old session before it is closed.
   */
  subscribe(listener: SessionListener<S>): () => void;
}

/** A host showing nothing. */
export function createSessionHost<S extends HostedSession>(): SessionHost<S> {
  let current: SessionState<S> = { kind: 'none', project: null };
  const listeners: SessionListener<S>[] = [];
  // The session being switched to while the previous one closes.
  let coming: S | null = null;

  function set(next: SessionState<S>): void {
    const previous = current;
    current = next;
    for (const listener of [...listeners]) listener(next, previous);
  }

  /** Lets go of what is shown and closes its session unless it is `next`. */
  async function release(next: S): Promise<void> {
    const previous = current.kind === 'none' ? null : current.session;
    coming = next;
    if (current.kind !== 'none') set({ kind: 'none', project: current.project });
    // A project that was empty gets its reading in the same session.
    try {
      if (previous && previous !== next) await previous.destroy();
    } finally {
      if (coming === next) coming = null;
    }
  }

  return {
    state: () => current,
    session: () => (current.kind === 'none' ? coming : current.session),
    async showReading(next, opening = { size: 0 }) {
      await release(next);
      set({ kind: 'reading', session: next, opening, project: current.project });
    },
    async showEmpty(next) {
      await release(next);
      set({ kind: 'empty', session: next, project: current.project });
    },
    setProject(project) {
      set({ ...current, project });
    },
    subscribe(listener) {
      listeners.push(listener);
      return () => {
        const at = listeners.indexOf(listener);
        if (at >= 0) listeners.splice(at, 1);
      };
    },
  };
}
