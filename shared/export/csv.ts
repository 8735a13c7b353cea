// CSV of annotations for spreadsheets (RFC 4180: CRLF line ends, every field quoted when
// it holds a comma, quote or line break). A cell starting with = + - @ (or a tab or
// carriage return) gets a leading apostrophe, so a spreadsheet shows it as text instead
// of running it as a formula (CSV injection).
import { personName, type ProjectSnapshot } from './project-snapshot';

/** The columns, in order. */
export const CSV_COLUMNS = [
  'id',
  'role',
  'quote',
  'start',
  'end',
  'author',
  'created',
  'edited',
  'note',
  'tags',
  'hubs supported',
  'hubs challenged',
  'comments',
  'orphaned',
] as const;

/** One CSV field: defused against formulas, then quoted if it needs to be. */
export function csvField(value: string | number | boolean): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Every annotation of `snapshot` as CSV, with a header row. */
export function toCsv(snapshot: ProjectSnapshot): string {
  const hubLabel = new Map(snapshot.hubs.map((h) => [h.id, h.label]));
  const rows: (string | number | boolean)[][] = [[...CSV_COLUMNS]];
  for (const p of snapshot.passages) {
    const hubs = (relation: string) =>
      [...new Set(snapshot.links.filter((l) => l.source === p.id && l.relation === relation && hubLabel.has(l.target)).map((l) => hubLabel.get(l.target)!))].join('; ');
    const comments = snapshot.threads.filter((t) => t.target === p.id).reduce((n, t) => n + t.comments.filter((c) => !c.deleted).length, 0);
    rows.push([
      p.id,
      p.role,
      p.quote.exact,
      p.position.start,
      p.position.end,
      personName(snapshot, p.author),
      new Date(p.created).toISOString(),
      p.edited === null ? '' : new Date(p.edited).toISOString(),
      p.note,
      p.tags.join('; '),
      hubs('supports'),
      hubs('challenges'),
      comments,
      p.orphaned,
    ]);
  }
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}
