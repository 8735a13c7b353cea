// Crux's Content-Security-Policy, sent as a response header with every app page (by the
// app:// protocol handler, and by a header hook for the dev server). One place, so the
// policy the app sends is the policy the tests and the security scan check.

/** The policy's directives, one entry per directive. */
export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  // ProseMirror and Cytoscape set inline `style` attributes (positions, widget sizes);
  // styles cannot run code, so 'unsafe-inline' here does not reopen script injection.
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  // The embedded sync server listens on loopback; joining a seminar connects to a host the
  // user names at run time, on any address (DESIGN.md §4), so sockets may go anywhere.
  // Fetches stay same-origin. What keeps injected code from using this is script-src.
  'connect-src': ["'self'", 'ws:', 'wss:'],
  // pdf.js runs its parser in a worker, which bundlers may hand over as a blob: URL.
  'worker-src': ["'self'", 'blob:'],
  'object-src': ["'none'"],
  'frame-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
};

/** The policy as one header value. */
export const CONTENT_SECURITY_POLICY: string = Object.entries(CSP_DIRECTIVES)
  .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
  .join('; ');

/** Response headers as Electron's webRequest hands them over. */
export type ResponseHeaders = Record<string, string[]>;

/**
 * A copy of `headers` that carries Crux's policy and no other: a policy the server sent
 * (under any spelling of the header name) is replaced, not combined.
 */
export function withContentSecurityPolicy(headers: ResponseHeaders | undefined): ResponseHeaders {
  const out: ResponseHeaders = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') out[name] = value;
  }
  // Electronegativity reads only string literals here and reports "Failed to parse CSP";
  // scripts/electronegativity.js evaluates CONTENT_SECURITY_POLICY itself instead.
  out['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
  return out;
}
