// The annotation panel's rows as plain values: each annotation with what the list shows
// and what search and filters look at, in document order. Pure, so it is tested alone.
import type { Resolution } from '../../shared/anchoring';
import type { Annotation, Person, Role, Thread } from '../../shared/model';
import type { Filters } from '../state/ui-store';

/** One annotation as the panel lists it. */
export interface PanelEntry {
  readonly id: string;
  readonly role: Role;
  readonly author: string;
  readonly authorName: string;
  readonly authorColour: string;
  readonly note: string;
  readonly tags: readonly string[];
  /** Targets of its links (hubs or claims), by anyone. */
  readonly hubs: readonly string[];
  /** Its words: where they are now, or (orphaned) as they were. */
  readonly quote: string;
  readonly orphaned: boolean;
  /** Where it starts in the document text (orphans: where it was). */
  readonly start: number;
  readonly created: number;
  /** Text of its comments that are not deleted, for search. */
  readonly comments: readonly string[];
}

/** The text of each node's comments that are not deleted, oldest thread first, by the node they are on. */
export function commentsByTarget(threads: readonly Thread[]): Map<string, string[]> {
  const comments = new Map<string, string[]>();
  for (const thread of threads) {
    const list = comments.get(thread.target) ?? [];
    for (const c of thread.comments) if (!c.deleted) list.push(c.text);
    comments.set(thread.target, list);
  }
  return comments;
}

/** Builds the panel's entries from the model's reads, in document order (orphans by where they were). */
export function buildEntries(
  annotations: readonly Annotation[],
  resolutions: ReadonlyMap<string, Resolution>,
  text: string,
  people: ReadonlyMap<string, Person>,
  threads: readonly Thread[],
): PanelEntry[] {
  const comments = commentsByTarget(threads);
  const entries = annotations.map((a): PanelEntry => {
    const r = resolutions.get(a.id);
    const anchored = r?.status === 'anchored';
    const person = people.get(a.author);
    return {
      id: a.id,
      role: a.role,
      author: a.author,
      authorName: person?.name ?? 'Unknown reader',
      authorColour: person?.colour ?? '#666666',
      note: a.note,
      tags: a.tags,
      hubs: [...new Set(a.links.map((l) => l.target))],
      quote: anchored ? text.slice(r.start, r.end) : r?.status === 'orphaned' ? r.quote : a.anchor.quote.exact,
      orphaned: !anchored,
      start: anchored ? r.start : a.anchor.position.start,
      created: a.created,
      comments: comments.get(a.id) ?? [],
    };
  });
  return entries.sort(compareEntries);
}

/** Document order of entries (orphans by where they were), then age, then id. */
export function compareEntries(x: PanelEntry, y: PanelEntry): number {
  return x.start - y.start || x.created - y.created || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
}

/** Where `entry` goes in `sorted` (ordered by `compareEntries`). */
export function sortedIndex(sorted: readonly PanelEntry[], entry: PanelEntry): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareEntries(sorted[mid]!, entry) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether two entries of one annotation show the same row (its quote, note, tags, author, comment count…). */
export function sameEntry(a: PanelEntry, b: PanelEntry): boolean {
  return (
    a.id === b.id &&
    a.role === b.role &&
    a.authorName === b.authorName &&
    a.authorColour === b.authorColour &&
    a.note === b.note &&
    a.quote === b.quote &&
    a.orphaned === b.orphaned &&
    a.comments.length === b.comments.length &&
    a.tags.join('\u0000') === b.tags.join('\u0000')
  );
}

/** Whether `entry` passes `filters` (search: quote, note, tags and comments, case-insensitive). */
export function matchesFilters(entry: PanelEntry, filters: Filters): boolean {
  if (filters.orphanedOnly && !entry.orphaned) return false;
  if (filters.roles.size > 0 && !filters.roles.has(entry.role)) return false;
  if (filters.authors.size > 0 && !filters.authors.has(entry.author)) return false;
  if (filters.hubs.size > 0 && !entry.hubs.some((h) => filters.hubs.has(h))) return false;
  if (filters.tags.size > 0 && !entry.tags.some((t) => filters.tags.has(t))) return false;
  const query = filters.query.trim().toLocaleLowerCase();
  if (!query) return true;
  return [entry.quote, entry.note, ...entry.tags, ...entry.comments].some((s) => s.toLocaleLowerCase().includes(query));
}

/** How many entries have each role. */
export function countRoles(entries: readonly PanelEntry[]): Record<Role, number> {
  const counts: Record<Role, number> = { evidence: 0, claim: 0, counter: 0 };
  for (const e of entries) counts[e.role]++;
  return counts;
}

/** Every free tag in use, sorted. */
export function allTags(entries: readonly PanelEntry[]): string[] {
  return [...new Set(entries.flatMap((e) => e.tags))].sort((a, b) => a.localeCompare(b));
}

/** How many characters of a quote a row shows at most (then an ellipsis). */
export const EXCERPT_LENGTH = 140;

/** `quote` shortened to about `max` characters on a word boundary, with an ellipsis. */
export function excerpt(quote: string, max = EXCERPT_LENGTH): string {
  const flat = quote.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.lastIndexOf(' ', max);
  return `${flat.slice(0, cut > max / 2 ? cut : max)}…`;
}
