// Session-wide protections: the permission policy, and the Content-Security-Policy
// header on pages from the development server (the built app's pages get theirs from
// the app:// protocol handler).
import type { Logger } from '../service';
import { isAppUrl, type AppLocation } from './app-location';
import { withContentSecurityPolicy, type ResponseHeaders } from './csp';
import { applyPermissionPolicy, type PermissionSession } from './permission-policy';

/** The part of Electron's `Session` this module uses. */
export interface SecurableSession extends PermissionSession {
  readonly webRequest: {
    onHeadersReceived(
      filter: { urls: string[] },
      listener: (
        details: { url: string; responseHeaders?: ResponseHeaders },
        callback: (response: { responseHeaders: ResponseHeaders }) => void,
      ) => void,
    ): void;
  };
}

/** Installs the permission policy and, for a dev-server run, the CSP header hook. */
export function secureSession(session: SecurableSession, location: AppLocation, log: Logger): void {
  applyPermissionPolicy(session, (url) => isAppUrl(location, url), log);
  if (location.isDevServer) {
    session.webRequest.onHeadersReceived({ urls: [`${location.origin}/*`] }, (details, callback) => {
      callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) });
    });
  }
}
