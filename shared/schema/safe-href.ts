// Which link targets a reading may hold. A link in a reading comes from an imported file or
// from a peer's edit, so neither can be trusted: only web and mail links and links within
// the document are kept; anything else (javascript:, data:, vbscript:, file:…) is text.

/** Longest link target kept (longer ones are refused as text). */
export const MAX_HREF_LENGTH = 2048;

const webOrMail = /^(https?:\/\/[^\s\p{Cc}]+|mailto:[^\s\p{Cc}]+)$/iu;
const fragment = /^#[^\s\p{Cc}]*$/u;

/**
 * Whether `href` is a link target a reading may render: `http(s)://…`, `mailto:…` or an
 * in-document `#fragment`, with no whitespace or control characters (browsers strip those
 * and would then read "java\tscript:" as a script) and at most {@link MAX_HREF_LENGTH} long.
 */
export function isSafeHref(href: unknown): href is string {
  return typeof href === 'string' && href.length <= MAX_HREF_LENGTH && (webOrMail.test(href) || fragment.test(href));
}

/**
 * Whether an imported file's link is kept as a link: a safe web or mail target. In-document
 * `#…` links of an imported file point at ids the reading does not keep, so they become text.
 */
export function isExternalHref(href: string): boolean {
  return isSafeHref(href) && !href.startsWith('#');
}

/** Whether a Yjs format key written by y-prosemirror is a link mark ("link", or "link--<hash>" when marks overlap). */
export function isLinkFormatKey(key: string): boolean {
  return key === 'link' || key.startsWith('link--');
}
