// File sizes as people read them in messages.

/** "1.5 MB", "50 MB": a byte count in megabytes, one decimal below ten. */
export function formatMegabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${mb >= 10 ? Math.round(mb) : mb.toFixed(1)} MB`;
}
