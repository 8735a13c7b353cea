// The Host seminar dialog: opens the project to the local network, makes join links of a
// chosen role (with a QR code for phones and laptops across the room), and lists and
// revokes the project's tokens.
import QRCode from 'qrcode';
import { formatJoinLink } from '../../shared/sync/join-link';
import type { Platform } from '../platform';
import type { Session } from '../session/session';
import { h } from '../shell/dom';

type GrantRole = 'editor' | 'commenter' | 'viewer';

/** Opens the dialog for `session` over `host` (the page's root element). */
export async function openHostDialog(root: HTMLElement, platform: Platform, session: Session, announce: (text: string) => void): Promise<void> {
  const hosting = await platform.host(session.projectId, 0);
  session.reconnect(hosting.connection);
  const role = h(
    'select',
    { id: 'host-role' },
    h('option', { value: 'editor' }, 'Editor — may change everything'),
    h('option', { value: 'commenter' }, 'Commenter — may only comment'),
    h('option', { value: 'viewer' }, 'Viewer — may only read'),
  );
  const link = h('input', { type: 'text', readonly: true, class: 'join-link', 'aria-label': 'Join link' });
  const qr = h('img', { class: 'join-qr', alt: 'QR code of the join link', hidden: true });
  const create = h('button', { type: 'button' }, 'Create link');
  const copy = h('button', { type: 'button', disabled: true }, 'Copy link');
  const tokens = h('ul', { class: 'token-list', 'aria-label': 'Links given out' });
  const stop = h('button', { type: 'button' }, 'Stop hosting');
  const close = h('button', { type: 'button' }, 'Close');
  const dialog = h(
    'dialog',
    { class: 'host-dialog', 'aria-labelledby': 'host-title' },
    h('h2', { id: 'host-title' }, 'Host seminar'),
    h('p', {}, `Participants on your network open the link in Crux or in a browser. This computer is reachable at ${hosting.addresses.join(', ') || hosting.base}.`),
    h('label', { for: 'host-role' }, 'Role of the new link '),
    role,
    create,
    link,
    copy,
    qr,
    h('h3', {}, 'Links given out'),
    tokens,
    h('div', { class: 'dialog-actions' }, stop, close),
  );

  async function refresh(): Promise<void> {
    const list = await platform.listTokens(session.projectId);
    tokens.replaceChildren(
      ...list.map((t) => {
        const revoke = h('button', { type: 'button', disabled: t.role === 'owner' || t.revokedAt !== null }, t.revokedAt ? 'Revoked' : 'Revoke');
        revoke.setAttribute('aria-label', `Revoke ${t.role} link ${t.label}`);
        revoke.addEventListener('click', () => {
          void platform.revokeToken(session.projectId, t.id).then(() => {
            announce(`Revoked the ${t.role} link; its participants were disconnected.`);
            return refresh();
          });
        });
        return h('li', {}, `${t.role}${t.label ? ` (${t.label})` : ''} `, revoke);
      }),
    );
  }

  create.addEventListener('click', () => {
    void (async () => {
      const chosen = role.value as GrantRole;
      const issued = await platform.issueToken(session.projectId, chosen, `${chosen} link`);
      link.value = formatJoinLink(hosting.base, session.projectId, issued.token, chosen);
      copy.disabled = false;
      qr.src = await QRCode.toDataURL(link.value, { margin: 1, width: 200 });
      qr.hidden = false;
      await refresh();
    })();
  });
  copy.addEventListener('click', () => {
    void navigator.clipboard.writeText(link.value).then(
      () => announce('Join link copied.'),
      () => {
        link.select();
        announce('Select the link and copy it.');
      },
    );
  });
  stop.addEventListener('click', () => {
    void platform.stopHosting(session.projectId).then((connection) => {
      session.reconnect(connection);
      announce('Stopped hosting: only this computer is connected now.');
      dialog.close();
    });
  });
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => dialog.remove());
  root.append(dialog);
  await refresh();
  dialog.showModal();
}
