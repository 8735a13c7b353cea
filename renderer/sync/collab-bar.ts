// The toolbar's "working together" part: the connection indicator, the people strip, and
// the Host seminar / Join buttons. It shows a session; it never opens one itself.
import type { Role } from '../../shared/sync/roles';
import { h } from '../shell/dom';
import type { Session, SyncStatus } from '../session/session';
import { participants } from './presence';

/** The bar, and what it shows. */
export interface CollabBar {
  readonly element: HTMLElement;
  readonly hostButton: HTMLButtonElement;
  readonly joinButton: HTMLButtonElement;
  /** Shows `session` (or nothing); returns nothing, replaces what was shown. */
  show(session: Session | null): void;
}

/** What the indicator says for a status. */
export function statusLabel(status: SyncStatus): string {
  switch (status.kind) {
    case 'connecting':
      return 'Connecting…';
    case 'connected':
      return 'Connected';
    case 'offline':
      return 'Offline — changes kept on this computer';
    case 'reconnecting':
      return 'Reconnecting…';
    case 'refused':
      return `Not connected: ${status.reason}`;
    case 'rejected':
      return 'Change refused — restoring the seminar’s copy…';
  }
}

/** What a participant of `role` is told about what they may do, or null for editors. */
export function roleNotice(role: Role): string | null {
  if (role === 'viewer') return 'View only: the host shared this reading with you to read; your changes would not be accepted.';
  if (role === 'commenter') return 'Comments only: the host lets you comment; the text and the map are read-only for you.';
  return null;
}

/** Builds the bar. */
export function createCollabBar(): CollabBar {
  const status = h('span', { class: 'sync-status', role: 'status', 'data-state': 'none' });
  const people = h('ul', { class: 'people', 'aria-label': 'People here' });
  const roleBadge = h('p', { class: 'role-notice', hidden: true });
  const hostButton = h('button', { type: 'button', class: 'toolbar-button', disabled: true }, 'Host seminar');
  const joinButton = h('button', { type: 'button', class: 'toolbar-button' }, 'Join…');
  const element = h('div', { class: 'collab-bar' }, status, people, hostButton, joinButton, roleBadge);
  let stop: (() => void) | null = null;

  function show(session: Session | null): void {
    stop?.();
    stop = null;
    people.replaceChildren();
    hostButton.disabled = !session || session.role !== 'owner';
    const notice = session ? roleNotice(session.role) : null;
    roleBadge.hidden = notice === null;
    roleBadge.textContent = notice ?? '';
    if (!session) {
      status.textContent = '';
      status.dataset['state'] = 'none';
      return;
    }
    const paint = (next: SyncStatus) => {
      status.textContent = statusLabel(next);
      status.dataset['state'] = next.kind;
      status.setAttribute('aria-label', `Connection: ${statusLabel(next)}`);
    };
    const paintPeople = () => {
      people.replaceChildren(
        ...participants(session.awareness).map((p) =>
          h(
            'li',
            { class: 'person', title: p.node ? `${p.name} (looking at a map node)` : p.name, style: `--author-colour: ${p.colour}`, 'data-node': p.node },
            h('span', { class: 'avatar', 'aria-hidden': 'true' }, p.name.slice(0, 1).toUpperCase()),
            h('span', { class: 'visually-hidden' }, p.name),
          ),
        ),
      );
    };
    paint(session.status());
    paintPeople();
    const offStatus = session.onStatus(paint);
    session.awareness.on('change', paintPeople);
    stop = () => {
      offStatus();
      session.awareness.off('change', paintPeople);
    };
  }

  return { element, hostButton, joinButton, show };
}
