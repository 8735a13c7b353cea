// Free tags as typed into one text field: comma separated, blanks dropped. Length and
// count limits are the model's to check (its messages name them).

/** The tags in `value` ("a, b ,, c" → ["a", "b", "c"]), duplicates kept for the model to drop. */
export function parseTags(value: string): string[] {
  return value
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t.length > 0);
}
