// The application menu as plain data: File (New Project, Open, Open Recent, Save As, Import
// Annotations, Export, History), Edit (with Find), View
// (panels, focus, zoom), Window and Help. Crux's own items send a `menu:command` to the
// page; the rest are Electron's standard roles.
import { basename, dirname } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand, RecentFile } from '../../../shared/ipc/contract';

/** What the menu shows and what its items do. */
export interface MenuContext {
  /** `process.platform`: decides the macOS app menu and the find shortcuts. */
  platform: string;
  /** Adds Reload and the developer tools. */
  isDev: boolean;
  /** The recent files, newest first. */
  recent: readonly RecentFile[];
  /** Commands the page cannot run now: their items are greyed. */
  disabled?: ReadonlySet<MenuCommand>;
  /** Sends a command to the page. */
  sendCommand(command: MenuCommand): void;
  /** Opens a file of the recent list. */
  openRecent(path: string): void;
  /** Empties the recent list. */
  clearRecent(): void;
  /** File ▸ New Project…: asks where and creates an empty project. */
  newProject(): void;
  /** File ▸ Save As…: copies the open project to a new file and goes on there. */
  saveAs(): void;
}

/** A Crux item that sends `command` to the page. */
function command(
  context: MenuContext,
  label: string,
  cmd: MenuCommand,
  accelerator?: string,
): MenuItemConstructorOptions {
  return {
    id: `crux:${cmd}`,
    label,
    enabled: !context.disabled?.has(cmd),
    ...(accelerator === undefined ? {} : { accelerator }),
    click: () => context.sendCommand(cmd),
  };
}

/**
 * Shows the shortcut beside the item but leaves the key to the page, which handles
 * Export and History keys itself in the browser and the desktop app alike.
 */
function pageKey(item: MenuItemConstructorOptions): MenuItemConstructorOptions {
  return { ...item, registerAccelerator: false };
}

/** Menu labels treat `&` as a mnemonic marker on Windows and Linux. */
function escapeLabel(label: string, platform: string): string {
  return platform === 'darwin' ? label : label.replace(/&/g, '&&');
}

/** The Open Recent submenu: one item per file (folder added where names repeat), then Clear. */
export function recentSubmenu(context: MenuContext): MenuItemConstructorOptions[] {
  if (context.recent.length === 0) {
    return [{ label: 'No Recent Files', enabled: false }];
  }
  const nameCounts = new Map<string, number>();
  for (const file of context.recent) nameCounts.set(file.name, (nameCounts.get(file.name) ?? 0) + 1);
  const items: MenuItemConstructorOptions[] = context.recent.map((file) => {
    const repeated = (nameCounts.get(file.name) ?? 0) > 1;
    const label = repeated ? `${file.name} — ${basename(dirname(file.path))}` : file.name;
    return { label: escapeLabel(label, context.platform), toolTip: file.path, click: () => context.openRecent(file.path) };
  });
  return [...items, { type: 'separator' }, { label: 'Clear Recently Opened', click: () => context.clearRecent() }];
}

/** The whole application menu. */
export function buildMenuTemplate(context: MenuContext): MenuItemConstructorOptions[] {
  const mac = context.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [];
  if (mac) template.push({ role: 'appMenu' });
  template.push({
    label: 'File',
    submenu: [
      { id: 'crux:new-project', label: 'New Project…', accelerator: 'CmdOrCtrl+N', click: () => context.newProject() },
      command(context, 'Open…', 'open', 'CmdOrCtrl+O'),
      { label: 'Open Recent', id: 'crux:open-recent', submenu: recentSubmenu(context) },
      { type: 'separator' },
      { id: 'crux:save-as', label: 'Save As…', accelerator: 'CmdOrCtrl+Shift+S', click: () => context.saveAs() },
      { type: 'separator' },
      command(context, 'Import Annotations…', 'import-annotations'),
      pageKey(command(context, 'Export…', 'export', 'CmdOrCtrl+Shift+E')),
      pageKey(command(context, 'History…', 'history', 'CmdOrCtrl+Shift+H')),
      { type: 'separator' },
      mac ? { role: 'close' } : { role: 'quit' },
    ],
  });
  template.push({
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
      { type: 'separator' },
      command(context, 'Find…', 'find', 'CmdOrCtrl+F'),
      command(context, 'Find Next', 'find-next', mac ? 'Cmd+G' : 'F3'),
      command(context, 'Find Previous', 'find-previous', mac ? 'Cmd+Shift+G' : 'Shift+F3'),
    ],
  });
  template.push({
    label: 'View',
    submenu: [
      command(context, 'Toggle Outline', 'toggle-outline', 'CmdOrCtrl+Shift+O'),
      command(context, 'Toggle Map', 'toggle-map', 'CmdOrCtrl+Shift+M'),
      { type: 'separator' },
      command(context, 'Focus Reader', 'focus-reader', 'CmdOrCtrl+1'),
      command(context, 'Focus Outline', 'focus-outline', 'CmdOrCtrl+2'),
      { type: 'separator' },
      command(context, 'Zoom In', 'zoom-in', 'CmdOrCtrl+='),
      command(context, 'Zoom Out', 'zoom-out', 'CmdOrCtrl+-'),
      command(context, 'Actual Size', 'zoom-reset', 'CmdOrCtrl+0'),
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...(context.isDev
        ? ([{ type: 'separator' }, { role: 'reload' }, { role: 'toggleDevTools' }] as MenuItemConstructorOptions[])
        : []),
    ],
  });
  template.push({ role: 'windowMenu' });
  template.push({ role: 'help', submenu: mac ? [] : [{ role: 'about' }] });
  return template;
}
