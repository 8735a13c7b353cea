// Which address a connection comes from, for per-address limits and logs. Behind reverse
// proxies the socket's peer is the nearest proxy; X-Forwarded-For lists the hops, each
// proxy appending the address it received from. Only entries appended by proxies we run
// can be believed: anything to their left was written by the client and may be invented.

/**
 * The client's address: with `trustedHops` = 0 the socket's peer; otherwise the entry of
 * X-Forwarded-For that the outermost trusted proxy appended, i.e. the `trustedHops`-th
 * from the right. If the header has fewer entries than that (a request that passed fewer
 * proxies than configured), its left-most entry, which a trusted proxy still wrote.
 * A missing, empty or malformed header falls back to the peer.
 */
export function clientAddress(forwarded: string | string[] | undefined, peer: string | undefined, trustedHops: number): string {
  const fallback = peer ?? 'unknown';
  if (trustedHops <= 0 || forwarded === undefined) return fallback;
  const hops = (Array.isArray(forwarded) ? forwarded.join(',') : forwarded)
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  if (hops.length === 0) return fallback;
  const chosen = hops[Math.max(0, hops.length - trustedHops)]!;
  return looksLikeAddress(chosen) ? chosen : fallback;
}

/** IPv4, IPv6 (optionally bracketed) or "unknown"-free tokens only: a header is text anyone can send. */
function looksLikeAddress(entry: string): boolean {
  return entry.length <= 45 && /^(\d{1,3}(\.\d{1,3}){3}|\[?[0-9a-fA-F:.]+\]?)$/.test(entry);
}
