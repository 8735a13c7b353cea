// Rolling back a refused write. Yjs cannot take a change back, and every later change of
// the same client depends on it, so the server would hold those back too: the only way
// back to a copy the seminar agrees on is to drop this one (its local copy included, or
// the refused change would return with the next reload) and load the server's afresh.
import { refusalNotice } from './refusal';
import type { Session } from './session';
import type { SessionHost } from './session-host';

/** What the rollback needs from the app. */
export interface RollbackHost {
  /** Whether `session` is still the one shown (the user may have opened another meanwhile). */
  isShown(session: Session): boolean;
  /** Shows the server's copy in place of the refused one. */
  show(fresh: Session): Promise<void>;
  /** Tells the user what happened (stays until dismissed). */
  tell(message: string): void;
}

/**
 * Rolls `session` back when the server refuses one of its writes: says what was refused
 * and why, drops the local state, and shows the server's copy. Returns the unsubscribe function.
 */
export function rollBackOnRefusal(session: Session, host: RollbackHost): () => void {
  return session.onRefused((refusal) => {
    const notice = refusalNotice(refusal);
    host.tell(notice);
    void (async () => {
      const fresh = await session.reopen();
      await serverCopy(fresh);
      if (!host.isShown(session)) {
        await fresh.destroy();
        return;
      }
      await host.show(fresh);
    })().catch((error: unknown) => host.tell(`${notice} Loading the seminar’s copy failed: ${error instanceof Error ? error.message : String(error)}. Reload to try again.`));
  });
}

/** Resolves once `fresh` holds the server's copy; rejects if the server turns it away. */
function serverCopy(fresh: Session): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const stop = fresh.onStatus((status) => {
      if (status.kind !== 'refused') return;
      stop();
      reject(new Error(`the server refused the connection (${status.reason})`));
    });
    void fresh.synced.then(() => {
      stop();
      resolve();
    });
  });
}

/**
 * Watches whichever session `sessions` shows: a refused write is rolled back to the
 * server's copy, and a new role shows the same session again so every view rebuilds what
 * it offers. `reshown` hears of the server's copy shown in place of a refused one.
 * Returns the unsubscribe function.
 */
export function followRefusals(sessions: SessionHost<Session>, tell: (message: string) => void, reshown: (fresh: Session) => void): () => void {
  let watched: Session | null = null;
  let stop: (() => void) | null = null;
  const off = sessions.subscribe((state) => {
    const next = state.kind === 'none' ? null : state.session;
    if (next === watched) return;
    stop?.();
    stop = null;
    watched = next;
    if (!next) return;
    const show = (session: Session) => (sessions.state().kind === 'empty' ? sessions.showEmpty(session) : sessions.showReading(session));
    const showFresh = async (fresh: Session) => {
      await show(fresh);
      reshown(fresh);
    };
    const offRefused = rollBackOnRefusal(next, { isShown: (s) => sessions.session() === s, show: showFresh, tell });
    const offRole = next.onRoleChange(() => void (sessions.session() === next && show(next)));
    stop = () => (offRefused(), offRole());
  });
  return () => (stop?.(), off());
}
