// Picks the Platform for this page: the desktop one when the preload exposed
// `window.crux`, otherwise browser mode.
import type { CruxApi } from '../../shared/ipc';
import { createBrowserPlatform } from './browser-platform';
import { createDesktopPlatform } from './desktop-platform';
import type { Platform } from './platform';

export type { Platform, PlatformKind, ProjectFiles, RecentEntry } from './platform';
export { OpenFileError } from './open-file-error';

/** The platform the page runs on. */
export function choosePlatform(win: Window = window): Platform {
  const api = (win as Window & { crux?: CruxApi }).crux;
  return api ? createDesktopPlatform(api) : createBrowserPlatform(win.document);
}
