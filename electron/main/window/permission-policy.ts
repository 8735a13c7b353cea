// Answers the browser's permission requests (camera, notifications, geolocation, …):
// Crux needs none of them, so all are refused, except reaching the loopback network
// from the app's own pages, where the embedded sync server listens (DESIGN.md §4), in
// case Chromium's local-network-access rules ask for it.
import type { Logger } from '../service';

/** Permissions a page of the app may be granted; every other one is denied. */
export const LOOPBACK_PERMISSIONS: ReadonlySet<string> = new Set(['loopback-network', 'local-network-access']);

/** The part of Electron's `Session` the policy needs. */
export interface PermissionSession {
  setPermissionRequestHandler(
    handler: (
      contents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
      details: { requestingUrl?: string },
    ) => void,
  ): void;
  setPermissionCheckHandler(handler: (contents: unknown, permission: string, requestingOrigin: string) => boolean): void;
}

/** Whether `permission`, asked for by a page at `requestingUrl`, is granted. */
export function isPermissionGranted(
  permission: string,
  requestingUrl: string | undefined,
  isAppUrl: (url: string) => boolean,
): boolean {
  return LOOPBACK_PERMISSIONS.has(permission) && requestingUrl !== undefined && isAppUrl(requestingUrl);
}

/** Installs the permission policy on `session`. */
export function applyPermissionPolicy(
  session: PermissionSession,
  isAppUrl: (url: string) => boolean,
  log: Logger,
): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const granted = isPermissionGranted(permission, details.requestingUrl, isAppUrl);
    if (!granted) log.warn(`Denied permission "${permission}" to ${details.requestingUrl ?? 'an unknown page'}`);
    callback(granted);
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionGranted(permission, requestingOrigin, isAppUrl),
  );
}
