// The menu service: installs the application menu and rebuilds it when the
// recent-files list changes.
import type { MenuItemConstructorOptions } from 'electron';
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

  private install(): void {
    const { setApplicationMenu, recent, ...context } = this.options;
    setApplicationMenu(buildMenuTemplate({ ...context, recent: recent.entries() }));
  }
}
