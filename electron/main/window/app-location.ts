// Where the renderer page comes from and how to tell the app's own pages from anything
// else: the built page served on the private app://crux origin, or, in an unpackaged
// development run only, electron-vite's dev server on loopback.

/** The privileged scheme the built renderer is served on (see app-protocol.ts). */
export const APP_SCHEME = 'app';
/** The only host of the app scheme. */
export const APP_HOST = 'crux';
/** The origin of the app's own pages in a built app. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** Where the main window loads the renderer from. */
export interface AppLocation {
  /** The URL the main window loads. */
  readonly entryUrl: string;
  /** `scheme://host[:port]` of the app's own pages. */
  readonly origin: string;
  /** True when the page comes from electron-vite's dev server. */
  readonly isDevServer: boolean;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Decides where the renderer comes from. A packaged app always uses the built page and
 * ignores `devServerUrl` (an environment variable must not be able to point the app at
 * someone else's server); an unpackaged run uses the dev server when one is given,
 * which must be plain http on loopback.
 */
export function resolveAppLocation(devServerUrl: string | undefined, isPackaged: boolean): AppLocation {
  if (isPackaged || devServerUrl === undefined || devServerUrl === '') {
    return { entryUrl: `${APP_ORIGIN}/index.html`, origin: APP_ORIGIN, isDevServer: false };
  }
  let url: URL;
  try {
    url = new URL(devServerUrl);
  } catch {
    throw new Error(`ELECTRON_RENDERER_URL is not a URL: "${devServerUrl}".`);
  }
  if (url.protocol !== 'http:' || !LOOPBACK_HOSTS.has(url.hostname)) {
    throw new Error(
      `ELECTRON_RENDERER_URL must be an http URL on localhost, 127.0.0.1 or [::1]; got "${devServerUrl}".`,
    );
  }
  return { entryUrl: url.href, origin: originOf(url), isDevServer: true };
}

/** `scheme://host[:port]` of a URL; works for custom schemes, whose WHATWG `origin` is "null". */
export function originOf(url: URL): string {
  return `${url.protocol}//${url.host}`;
}

/** Whether `url` is one of the app's own pages (same scheme, host and port). */
export function isAppUrl(location: AppLocation, url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return originOf(parsed) === location.origin;
}
