// Routes the app's commands: the OS menu, keyboard shortcuts and the toolbar's Open and
// Find buttons all end in one `run(command)`; F6 cycles focus between the regions
// (toolbar, outline, reader, map). The app builds the views; this module only decides
// which view a command goes to.
import type { MenuCommand } from '../../shared/ipc';
import type { FindBar } from '../find/find-bar';
import { isHistoryKey } from '../history/history-key';
import type { InterchangeControls } from '../interchange/interchange-controls';
import type { Opener } from '../opening/opener';
import type { Platform } from '../platform';
import type { ReaderZoom } from './reader-zoom';
import type { Shell } from './shell';
import { commandForKey } from './shortcuts';

/** What the commands act on. */
export interface CommandTargets {
  host: HTMLElement;
  shell: Shell;
  platform: Platform;
  opener: Opener;
  find: FindBar;
  zoom: ReaderZoom;
  interchange: InterchangeControls;
  openHistory(): void;
  /** Focuses the reader, or the empty state's Open button when nothing is open. */
  focusReader(): void;
  /** Shows the outline tab of the side panel and focuses it. */
  showOutline(): void;
}

/** Wires the menu, shortcuts and toolbar buttons to the views; returns `run`. */
export function installCommands(targets: CommandTargets): (command: MenuCommand) => void {
  const { host, shell, platform, opener, find, zoom, interchange, openHistory, focusReader, showOutline } = targets;

  function run(command: MenuCommand): void {
    switch (command) {
      case 'open':
        void opener.chooseAndOpen();
        break;
      case 'find':
        find.open();
        break;
      case 'find-next':
        find.next();
        break;
      case 'find-previous':
        find.previous();
        break;
      case 'toggle-outline':
        shell.panes.toggle('left');
        break;
      case 'toggle-map':
        shell.panes.toggle('right');
        break;
      case 'zoom-in':
        zoom.zoomIn();
        break;
      case 'zoom-out':
        zoom.zoomOut();
        break;
      case 'zoom-reset':
        zoom.reset();
        break;
      case 'focus-reader':
        focusReader();
        break;
      case 'export':
        interchange.openExport();
        break;
      case 'import-annotations':
        interchange.importAnnotations();
        break;
      case 'history':
        openHistory();
        break;
      case 'focus-outline':
        showOutline();
        break;
    }
  }

  shell.skipLink.addEventListener('click', (event) => {
    event.preventDefault();
    focusReader();
  });
  shell.openButton.addEventListener('click', () => void opener.chooseAndOpen());
  shell.findButton.addEventListener('click', () => find.open());

  window.addEventListener('keydown', (event) => {
    if (event.defaultPrevented) return;
    if (event.key === 'F6') {
      event.preventDefault();
      cycleFocus(event.shiftKey ? -1 : 1);
      return;
    }
    if (isHistoryKey(event, platform.isMac)) {
      event.preventDefault();
      openHistory();
      return;
    }
    if (interchange.handleKey(event)) {
      event.preventDefault();
      return;
    }
    if (platform.menuOwnsShortcuts) return;
    const command = commandForKey(event, platform.isMac);
    if (!command) return;
    event.preventDefault();
    run(command);
  });

  /** F6 moves between the regions: toolbar, outline, reader, map. */
  function cycleFocus(direction: 1 | -1): void {
    const regions = [host.querySelector<HTMLElement>('.toolbar button'), host.querySelector<HTMLElement>('#outline-pane'), shell.reader, host.querySelector<HTMLElement>('#map-pane')].filter(
      (el): el is HTMLElement => el !== null && !el.hidden,
    );
    const at = regions.findIndex((el) => el.contains(document.activeElement));
    const next = regions[(at + direction + regions.length) % regions.length];
    if (next === shell.reader) focusReader();
    else if (next?.matches('.pane')) (next.querySelector<HTMLElement>('a, button, [tabindex="0"]') ?? next).focus();
    else next?.focus();
  }

  return run;
}
