// Connects the app to what arrives from outside the page: OS menu commands, files opened
// by the main process or dropped on the window, desktop project outcomes and the project
// bar's buttons, and at start a join link in the address or the project open last time.
import { parseJoinLink } from '../../shared/sync/join-link';
import { installDropTarget } from '../opening/drop-target';
import type { Notices } from '../opening/notices';
import type { Opener } from '../opening/opener';
import type { Platform } from '../platform';
import type { ProjectBar } from '../projects/project-bar';
import type { SessionOpening } from '../session/session-opening';
import type { CommandRegistry } from './command-registry';

/** What the platform's events reach. */
export interface PlatformTargets {
  commands: CommandRegistry;
  opener: Opener;
  opening: SessionOpening;
  notices: Notices;
  projectBar: ProjectBar | null;
}

/** Listens to `platform` and the window, then opens the first session. */
export function wirePlatform(host: HTMLElement, platform: Platform, targets: PlatformTargets): void {
  const { commands, opener, opening, notices, projectBar } = targets;
  const { applyOutcome, reportProjectError } = opening;
  platform.onMenuCommand((command) => void commands.run(command));
  platform.onFileOpened((file) => void opener.open(file));
  platform.onOpenFailed(({ name, message }) => opener.fail(name, message));
  const { projects } = platform;
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
      .then(() => opening.join(parseJoinLink(location.href)))
      .catch((error: unknown) => notices.announce(`Could not join: ${errorText(error)}`));
  } else {
    void opening.reopenLast().catch(reportProjectError);
  }
}

/** An error's message, for a notice. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Whether a file name or path is a project file's. */
export function isProjectName(name: string): boolean {
  return /\.crux$/i.test(name);
}
