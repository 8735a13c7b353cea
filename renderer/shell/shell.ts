// The application frame: a top bar, then three panes — the outline on the left, the
// reader in the middle, the argument map on the right — with splitters between them
// and a "skip to reader" link first in the tab order.
import { h } from './dom';
import { createPanes, type Panes } from './panes';
import { shortcutLabel, type ShortcutPlatform } from './shortcut-label';
import { installToolbarKeys } from './toolbar-keys';

/** The frame's parts that other modules fill or listen to. */
export interface Shell {
  /** The link that jumps past the top bar and outline. */
  skipLink: HTMLAnchorElement;
  /** Where the open document's title shows in the top bar. */
  docTitle: HTMLElement;
  openButton: HTMLButtonElement;
  findButton: HTMLButtonElement;
  /** Body of the left pane (the outline goes here). */
  leftBody: HTMLElement;
  /** Body of the right pane (the argument map goes here). */
  rightBody: HTMLElement;
  /** The reader pane (`main`). */
  reader: HTMLElement;
  /** Top of the reader pane, above the text: the find bar goes here. */
  readerTop: HTMLElement;
  /** Notices (errors, progress, status) at the top of the reader. */
  notices: HTMLElement;
  /** The scrolling area that holds the empty state or the reading. */
  readerScroll: HTMLElement;
  panes: Panes;
}

/** Builds the frame into `host`. */
export function createShell(host: HTMLElement, platform: ShortcutPlatform): Shell {
  const key = (shortcut: string) => shortcutLabel(shortcut, platform);
  const skipLink = h('a', { class: 'skip-link', href: '#reader' }, 'Skip to reader');
  const docTitle = h('span', { class: 'doc-title', id: 'doc-title' });

  const openButton = h(
    'button',
    { type: 'button', class: 'toolbar-button', title: `Open a file (${key('Mod-O')})`, 'aria-keyshortcuts': ariaKeys('Mod-O', platform) },
    'Open…',
  );
  const findButton = h(
    'button',
    { type: 'button', class: 'toolbar-button', title: `Find in text (${key('Mod-F')})`, 'aria-keyshortcuts': ariaKeys('Mod-F', platform), disabled: true },
    'Find',
  );
  const outlineToggle = h(
    'button',
    { type: 'button', class: 'toolbar-button toggle', 'aria-controls': 'outline-pane', title: `Show or hide the outline (${key('Mod-Alt-1')})` },
    'Outline',
  );
  const mapToggle = h(
    'button',
    { type: 'button', class: 'toolbar-button toggle', 'aria-controls': 'map-pane', title: `Show or hide the argument map (${key('Mod-Alt-2')})` },
    'Map',
  );

  const toolbar = h('div', { class: 'toolbar', role: 'toolbar', 'aria-label': 'Document' }, openButton, findButton, outlineToggle, mapToggle);
  installToolbarKeys(toolbar);
  const topbar = h('header', { class: 'topbar' }, h('span', { class: 'brand', 'aria-hidden': 'true' }, 'Crux'), docTitle, toolbar);

  const leftBody = h('div', { class: 'pane-body' });
  const leftPane = h(
    'aside',
    { class: 'pane pane-left', id: 'outline-pane', 'aria-labelledby': 'outline-pane-heading' },
    paneHeader('outline-pane-heading', 'Outline', () => panes.toggle('left', false)),
    leftBody,
  );
  const rightBody = h('div', { class: 'pane-body' });
  const rightPane = h(
    'aside',
    { class: 'pane pane-right', id: 'map-pane', 'aria-labelledby': 'map-pane-heading' },
    paneHeader('map-pane-heading', 'Argument map', () => panes.toggle('right', false)),
    rightBody,
  );

  const readerTop = h('div', { class: 'reader-top' });
  const notices = h('div', { class: 'notices' });
  const readerScroll = h('div', { class: 'reader-scroll', id: 'reader-scroll' });
  const reader = h('main', { class: 'reader', id: 'reader', tabindex: -1, 'aria-label': 'Reader' }, readerTop, notices, readerScroll);

  const workspace = h('div', { class: 'workspace' });
  const panes = createPanes(
    { workspace, panes: { left: leftPane, right: rightPane }, toggles: { left: outlineToggle, right: mapToggle } },
    { left: 'Outline', right: 'Map' },
  );
  workspace.append(leftPane, panes.splitters.left, reader, panes.splitters.right, rightPane);
  host.append(skipLink, h('div', { class: 'app' }, topbar, workspace));

  return { skipLink, docTitle, openButton, findButton, leftBody, rightBody, reader, readerTop, notices, readerScroll, panes };
}

function paneHeader(id: string, title: string, hide: () => void): HTMLElement {
  const close = h('button', { type: 'button', class: 'pane-close', 'aria-label': `Hide ${title.toLowerCase()}`, title: `Hide ${title.toLowerCase()}` }, '×');
  close.addEventListener('click', hide);
  return h('div', { class: 'pane-header' }, h('h2', { id, class: 'pane-title' }, title), close);
}

function ariaKeys(shortcut: string, platform: ShortcutPlatform): string {
  return shortcut.replace('Mod', platform.isMac ? 'Meta' : 'Control').replaceAll('-', '+');
}
