// Routes the app's commands: the OS menu, keyboard shortcuts and the toolbar's buttons
// all end in the command registry, which runs a command only while the shown session
// allows it; F6 cycles focus between the regions (toolbar, outline, reader, map). The
// app builds the views; this module only decides which view a command goes to.
import type { MenuCommand } from '../../shared/ipc';
import type { FindBar } from '../find/find-bar';
import { isHistoryKey } from '../history/history-key';
import type { InterchangeControls } from '../interchange/interchange-controls';
import { isExportKey } from '../interchange/export-key';
import type { Opener } from '../opening/opener';
import type { Platform } from '../platform';
import type { CommandRegistry } from './command-registry';
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

/** What each command does. */
function handlers(targets: CommandTargets): Record<MenuCommand, () => void> {
  const { shell, opener, find, zoom, interchange } = targets;
  return {
    open: () => void opener.chooseAndOpen(),
    find: () => find.open(),
    'find-next': () => find.next(),
    'find-previous': () => find.previous(),
    'toggle-outline': () => shell.panes.toggle('left'),
    'toggle-map': () => shell.panes.toggle('right'),
    'zoom-in': () => zoom.zoomIn(),
    'zoom-out': () => zoom.zoomOut(),
    'zoom-reset': () => zoom.reset(),
    'focus-reader': () => targets.focusReader(),
    export: () => interchange.openExport(),
    'import-annotations': () => interchange.importAnnotations(),
    history: () => targets.openHistory(),
    'focus-outline': () => targets.showOutline(),
  };
}

/** Registers the commands and wires the shortcuts and the toolbar's command buttons to `registry`. */
export function installCommands(targets: CommandTargets, registry: CommandRegistry): void {
  const { host, shell, platform, interchange, focusReader } = targets;
  for (const [id, handler] of Object.entries(handlers(targets))) registry.register(id as MenuCommand, handler);

  shell.skipLink.addEventListener('click', (event) => {
    event.preventDefault();
    focusReader();
  });
  registry.bindButton(shell.openButton, 'open');
  registry.bindButton(shell.findButton, 'find');
  registry.bindButton(interchange.exportButton, 'export');
  registry.bindButton(interchange.importButton, 'import-annotations');

  window.addEventListener('keydown', (event) => {
    if (event.defaultPrevented) return;
    if (event.key === 'F6') {
      event.preventDefault();
      cycleFocus(event.shiftKey ? -1 : 1);
      return;
    }
    // The page handles History and Export in the desktop app too (the menu leaves them to it).
    const command = isHistoryKey(event, platform.isMac) ? 'history' : isExportKey(event, platform.isMac) ? 'export' : platform.menuOwnsShortcuts ? null : commandForKey(event, platform.isMac);
    if (!command) return;
    event.preventDefault();
    registry.run(command);
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

}
