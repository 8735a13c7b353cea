// The recent-files list as plain data: adding an entry moves it to the top, drops an
// older entry of the same key and keeps the list short. Shared by both platforms.
import type { RecentEntry } from './platform';

/** How many files the recent list remembers. */
export const MAX_RECENT = 8;

/** The list with `entry` first and no other entry of the same key, at most `max` long. */
export function addRecent(list: readonly RecentEntry[], entry: RecentEntry, max = MAX_RECENT): RecentEntry[] {
  return [entry, ...list.filter((e) => e.key !== entry.key)].slice(0, max);
}

/** Parses a stored list, dropping anything malformed (storage is user-editable). */
export function parseRecentList(stored: string | null): RecentEntry[] {
  if (!stored) return [];
  let value: unknown;
  try {
    value = JSON.parse(stored);
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  return value.filter(isRecentEntry).slice(0, MAX_RECENT);
}

function isRecentEntry(value: unknown): value is RecentEntry {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.key === 'string' &&
    v.key.length > 0 &&
    typeof v.name === 'string' &&
    v.name.length > 0 &&
    typeof v.openedAt === 'number' &&
    Number.isFinite(v.openedAt) &&
    (v.detail === null || typeof v.detail === 'string')
  );
}
