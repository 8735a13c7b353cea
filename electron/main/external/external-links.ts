// Opens links in the user's browser or mail program, and nothing else: the URL is parsed
// and its scheme must be https:, http: or mailto:, so a page can never make the OS run
// a file, a custom protocol handler or a javascript: URL.

/** Schemes handed to the OS. */
export const EXTERNAL_SCHEMES: ReadonlySet<string> = new Set(['https:', 'http:', 'mailto:']);

/** Longest URL handed to the OS. */
export const MAX_EXTERNAL_URL_LENGTH = 2048;

/** A link Crux refused to open. */
export class ExternalLinkError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExternalLinkError';
  }
}

/** Parses `raw` and returns it when Crux may open it outside; throws ExternalLinkError otherwise. */
export function checkExternalUrl(raw: string): URL {
  const shown = raw.length > 100 ? `${raw.slice(0, 100)}…` : raw;
  if (raw.length > MAX_EXTERNAL_URL_LENGTH) {
    throw new ExternalLinkError(`Crux did not open a link of ${raw.length} characters; links may have up to ${MAX_EXTERNAL_URL_LENGTH}.`);
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ExternalLinkError(`Crux did not open "${shown}": it is not a complete web address.`);
  }
  if (!EXTERNAL_SCHEMES.has(url.protocol)) {
    throw new ExternalLinkError(
      `Crux did not open "${shown}": only web (https:, http:) and e-mail (mailto:) links open outside the app.`,
    );
  }
  if ((url.protocol === 'https:' || url.protocol === 'http:') && url.hostname === '') {
    throw new ExternalLinkError(`Crux did not open "${shown}": the link names no web site.`);
  }
  return url;
}

/** The part of Electron's `shell` used here. */
export interface ExternalShell {
  openExternal(url: string): Promise<void>;
}

/**
 * Opens `raw` with the OS after `checkExternalUrl`; rejects with ExternalLinkError (and
 * opens nothing) when the check fails.
 */
export async function openExternalLink(shell: ExternalShell, raw: string): Promise<void> {
  const url = checkExternalUrl(raw);
  // Reviewed for Electronegativity's OPEN_EXTERNAL_JS_CHECK: the only argument that
  // reaches the OS is `url.href` of a URL that passed the scheme allow-list above.
  await shell.openExternal(url.href);
}
