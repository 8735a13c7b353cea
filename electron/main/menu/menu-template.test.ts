import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { MenuCommandSchema, type MenuCommand, type RecentFile } from '../../../shared/ipc/contract';
import { buildMenuTemplate, type MenuContext } from './menu-template';

function context(overrides: Partial<MenuContext> = {}) {
  const commands: MenuCommand[] = [];
  const opened: string[] = [];
  let cleared = 0;
  const project: string[] = [];
  const ctx: MenuContext = {
    platform: 'linux',
    isDev: false,
    recent: [],
    sendCommand: (command) => void commands.push(command),
    openRecent: (path) => void opened.push(path),
    clearRecent: () => void (cleared += 1),
    newProject: () => void project.push('new'),
    saveAs: () => void project.push('save-as'),
    ...overrides,
  };
  return { ctx, commands, opened, project, cleared: () => cleared };
}

/** Every item of the menu, depth first. */
function allItems(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? allItems(item.submenu) : [])]);
}

function item(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions {
  const found = allItems(template).find((candidate) => candidate.label === label);
  if (!found) throw new Error(`no menu item "${label}"`);
  return found;
}

function click(entry: MenuItemConstructorOptions): void {
  (entry.click as () => void)();
}

const recentFile = (path: string): RecentFile => ({ path, name: path.split('/').pop() as string, openedAt: 1 });

describe('application menu', () => {
  it('has New Project, Open, Open Recent and Save As in the File menu, in that order, with their shortcuts', () => {
    const { ctx, project } = context();
    const template = buildMenuTemplate(ctx);
    const file = template.find((entry) => entry.label === 'File')!;
    const labels = (file.submenu as MenuItemConstructorOptions[]).filter((entry) => entry.label).map((entry) => entry.label);
    expect(labels).toEqual(['New Project…', 'Open…', 'Open Recent', 'Save As…', 'Import Annotations…', 'Export…', 'History…']);
    expect(item(template, 'New Project…').accelerator).toBe('CmdOrCtrl+N');
    expect(item(template, 'Save As…').accelerator).toBe('CmdOrCtrl+Shift+S');
    click(item(template, 'New Project…'));
    click(item(template, 'Save As…'));
    expect(project).toEqual(['new', 'save-as']);
  });

  it('sends Import Annotations, Export and History to the page, which keeps their shortcuts', () => {
    const { ctx, commands } = context();
    const template = buildMenuTemplate(ctx);
    for (const label of ['Import Annotations…', 'Export…', 'History…']) click(item(template, label));
    expect(commands).toEqual(['import-annotations', 'export', 'history']);
    expect(item(template, 'Export…')).toMatchObject({ accelerator: 'CmdOrCtrl+Shift+E', registerAccelerator: false });
    expect(item(template, 'History…')).toMatchObject({ accelerator: 'CmdOrCtrl+Shift+H', registerAccelerator: false });
  });

  it('has the shortcuts a reader expects on Windows and Linux', () => {
    const template = buildMenuTemplate(context().ctx);
    expect(item(template, 'Open…').accelerator).toBe('CmdOrCtrl+O');
    expect(item(template, 'Find…').accelerator).toBe('CmdOrCtrl+F');
    expect(item(template, 'Find Next').accelerator).toBe('F3');
    expect(item(template, 'Find Previous').accelerator).toBe('Shift+F3');
    expect(item(template, 'Zoom In').accelerator).toBe('CmdOrCtrl+=');
    expect(item(template, 'Zoom Out').accelerator).toBe('CmdOrCtrl+-');
    expect(item(template, 'Actual Size').accelerator).toBe('CmdOrCtrl+0');
    expect(item(template, 'Toggle Outline').accelerator).toBe('CmdOrCtrl+Shift+O');
    expect(item(template, 'Toggle Map').accelerator).toBe('CmdOrCtrl+Shift+M');
  });

  it("uses macOS's find shortcuts and app menu on a Mac", () => {
    const template = buildMenuTemplate(context({ platform: 'darwin' }).ctx);
    expect(item(template, 'Find Next').accelerator).toBe('Cmd+G');
    expect(item(template, 'Find Previous').accelerator).toBe('Cmd+Shift+G');
    expect(template[0]?.role).toBe('appMenu');
  });

  it('sends each Crux item to the page as a menu command, covering every command of the contract', () => {
    const { ctx, commands } = context();
    const template = buildMenuTemplate(ctx);
    for (const entry of allItems(template)) if (entry.id?.startsWith('crux:') && entry.click) click(entry);
    expect([...commands].sort()).toEqual([...MenuCommandSchema.options].sort());
  });

  it('has the standard Edit, Window and Help roles', () => {
    const template = buildMenuTemplate(context().ctx);
    const roles = allItems(template).map((entry) => entry.role);
    for (const role of ['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'windowMenu', 'help', 'about', 'quit']) {
      expect(roles, role).toContain(role);
    }
  });

  it('lists recent files newest first and opens the one clicked', () => {
    const { ctx, opened } = context({ recent: [recentFile('/docs/b.pdf'), recentFile('/docs/a.txt')] });
    const submenu = item(buildMenuTemplate(ctx), 'Open Recent').submenu as MenuItemConstructorOptions[];
    expect(submenu.map((entry) => entry.label ?? entry.type)).toEqual(['b.pdf', 'a.txt', 'separator', 'Clear Recently Opened']);
    click(submenu[1] as MenuItemConstructorOptions);
    expect(opened).toEqual(['/docs/a.txt']);
  });

  it('tells same-named recent files apart by their folder', () => {
    const { ctx } = context({ recent: [recentFile('/term1/notes.md'), recentFile('/term2/notes.md')] });
    const submenu = item(buildMenuTemplate(ctx), 'Open Recent').submenu as MenuItemConstructorOptions[];
    expect(submenu.slice(0, 2).map((entry) => entry.label)).toEqual(['notes.md — term1', 'notes.md — term2']);
  });

  it('shows an ampersand in a file name as itself, not as a mnemonic', () => {
    const { ctx } = context({ recent: [recentFile('/docs/war & peace.txt')] });
    expect(item(buildMenuTemplate(ctx), 'war && peace.txt').toolTip).toBe('/docs/war & peace.txt');
    const mac = context({ platform: 'darwin', recent: [recentFile('/docs/war & peace.txt')] });
    expect(item(buildMenuTemplate(mac.ctx), 'war & peace.txt')).toBeDefined();
  });

  it('says when there are no recent files, and clears the list on request', () => {
    const empty = context();
    expect(item(buildMenuTemplate(empty.ctx), 'No Recent Files').enabled).toBe(false);
    const full = context({ recent: [recentFile('/a.txt')] });
    click(item(buildMenuTemplate(full.ctx), 'Clear Recently Opened'));
    expect(full.cleared()).toBe(1);
  });

  it('offers reload and the developer tools only in development', () => {
    const roles = (isDev: boolean) => allItems(buildMenuTemplate(context({ isDev }).ctx)).map((entry) => entry.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toContain('toggleDevTools');
  });
});
