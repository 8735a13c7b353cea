// The menu service: installs the application menu and rebuilds it when the
// recent-files list changes or the page reports which commands it cannot run now.
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand, RequestOf } from '../../../shared/ipc/contract';
import type { RecentFiles } from '../files/recent-files';
import type { Service } from '../service';
import { buildMenuTemplate, type MenuContext } from './menu-template';

/** What the menu service needs. */
export interface MenuServiceOptions extends Omit<MenuContext, 'recent'> {
  /** Builds and installs a menu (Electron's `Menu.buildFromTemplate` + `setApplicationMenu`). */
  setApplicationMenu(template: MenuItemConstructorOptions[]): void;
  recent: RecentFiles;
}

/** Owns the application menu. */
export class MenuService implements Service {
  private unsubscribe: (() => void) | null = null;
  private disabled: ReadonlySet<MenuCommand> = new Set();

  constructor(private readonly options: MenuServiceOptions) {}

  /** Installs the menu and keeps Open Recent up to date. */
  start(): void {
    this.install();
    this.unsubscribe ??= this.options.recent.onDidChange(() => this.install());
  }

  /** Stops following the recent list. */
  dispose(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  /** Greys the items of `commands` (and only those); the menu is rebuilt only if that changes. */
  setDisabled(commands: readonly MenuCommand[]): void {
    const next = new Set(commands);
    if (next.size === this.disabled.size && [...next].every((c) => this.disabled.has(c))) return;
    this.disabled = next;
    this.install();
  }

  /** The IPC handler for the page's report of the commands it cannot run. */
  handlers(): { 'menu:disabled': (commands: RequestOf<'menu:disabled'>[0]) => void } {
    return { 'menu:disabled': (commands) => this.setDisabled(commands) };
  }

  private install(): void {
    const { setApplicationMenu, recent, ...context } = this.options;
    setApplicationMenu(buildMenuTemplate({ ...context, recent: recent.entries(), disabled: this.disabled }));
  }
}
