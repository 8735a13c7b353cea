// How sessions are opened: a reading imported into a new project (browser) or into a
// project file (desktop), a project file opened, made or saved under a new name, the
// project open when the app last ran, and a host's project joined by link. Each ends in
// the session host, which shows it and closes what was shown before.
import type { ImportResult } from '../../shared/import/types';
import type { OpenedFile, ProjectInfo, ProjectOutcome } from '../../shared/ipc';
import { mainErrorMessage } from '../../shared/ipc';
import type { JoinLink } from '../../shared/sync/join-link';
import { writeReading } from '../editor/load-reading';
import type { Notices } from '../opening/notices';
import type { PreparedOpen } from '../opening/opener';
import type { Platform, ProjectFiles } from '../platform';
import { lastProjectId, newProjectId, openSession, rememberProject, setReadingSource, type Session } from './session';
import type { SessionHost } from './session-host';

/** The ways of opening a session. */
export interface SessionOpening {
  /** Makes a project ready for `file` while it imports; shows its reading once imported. */
  prepareReading(file: OpenedFile): PreparedOpen;
  /** Desktop: shows what came of opening, creating or saving a project. */
  applyOutcome(outcome: ProjectOutcome): Promise<void>;
  /** Reports a failed project action. */
  reportProjectError(error: unknown): void;
  /** Reopens the project that was open when the app last ran. */
  reopenLast(): Promise<void>;
  /** Opens a project from a host's server, as a join link says. */
  join(link: JoinLink): Promise<void>;
}

/**
 * The opening flows for `host`. `joined` hears of a session joined by link once it shows
 * (the app asks the newcomer's name then).
 */
export function createSessionOpening(host: SessionHost<Session>, platform: Platform, notices: Notices, joined: (session: Session) => void): SessionOpening {
  // Desktop: every project is a .crux file the main process keeps open (DESIGN.md §5).
  const projects: ProjectFiles | null = platform.projects;

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
        await host.showReading(next, { prepared, size: result.doc.content.size });
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
    const shown = host.session();
    const next = shown?.projectId === outcome.project.id ? shown : await projectSession(outcome.project);
    host.setProject(outcome.project);
    const prepared = writeReading(next.doc, result.doc);
    setReadingSource(next, { name: file.name, format: result.format });
    await host.showReading(next, { prepared, size: result.doc.content.size });
  }

  /** Desktop: a session on a project file's document, synced from the embedded server. */
  async function projectSession(info: ProjectInfo): Promise<Session> {
    const next = await openSession(info.id, { connection: await platform.syncConnection(info.id), remember: false, localCopy: false });
    await next.synced;
    return next;
  }

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
    host.setProject(outcome.project);
    // Save As keeps the document: only the file (and so the title) changed.
    if (host.session()?.projectId === outcome.project.id) return;
    const next = await projectSession(outcome.project);
    if (next.hasReading()) await host.showReading(next);
    else await host.showEmpty(next);
    notices.announce(`Opened the project ${outcome.project.name}.`);
  }

  function reportProjectError(error: unknown): void {
    notices.showError(null, mainErrorMessage(error));
  }

  async function reopenLast(): Promise<void> {
    if (projects) return applyOutcome(await projects.current());
    const id = lastProjectId();
    if (!id) return;
    const last = await openSession(id, { connection: await platform.syncConnection(id) });
    if (!last.hasReading() || host.session()) {
      await last.destroy();
      return;
    }
    await host.showReading(last);
  }

  async function join(link: JoinLink): Promise<void> {
    const session = await openSession(link.project, {
      connection: { url: link.url, token: link.token, role: link.role ?? 'editor' },
      remember: false,
    });
    const refused = new Promise<never>((_, reject) =>
      session.onStatus((status) => {
        if (status.kind === 'refused') reject(new Error(`the host's server refused the link (${status.reason}).`));
      }),
    );
    try {
      await Promise.race([session.synced, refused]);
    } catch (error) {
      await session.destroy();
      throw error;
    }
    await host.showReading(session);
    joined(session);
  }

  return { prepareReading, applyOutcome, reportProjectError, reopenLast, join };
}
