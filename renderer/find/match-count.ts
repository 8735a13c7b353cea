// The find bar's count line ("3 of 12") from the matches and the selected one.

/** A match's range in the document. */
export interface MatchRange {
  from: number;
  to: number;
}

/** "", "No matches", "12 matches" (none selected) or "3 of 12". */
export function matchCountLabel(query: string, matches: readonly MatchRange[], selection: MatchRange): string {
  if (query === '') return '';
  if (matches.length === 0) return 'No matches';
  const index = matches.findIndex((m) => m.from === selection.from && m.to === selection.to);
  if (index < 0) return matches.length === 1 ? '1 match' : `${matches.length} matches`;
  return `${index + 1} of ${matches.length}`;
}
