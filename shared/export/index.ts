// Exports of a project, one pure module per format, all reading one ProjectSnapshot.
import { toAif } from './aif';
import { toArgdown } from './argdown';
import { toCsv } from './csv';
import { toGraphml } from './graphml';
import { mapSvg } from './map-svg';
import type { ProjectSnapshot } from './project-snapshot';
import { toReportHtml, toReportMarkdown } from './report';
import { toW3c } from './w3c';

export { snapshotProject, type ProjectSnapshot } from './project-snapshot';
export { toW3c, type W3cOptions } from './w3c';
export { toAif, type Aif } from './aif';
export { toArgdown } from './argdown';
export { toGraphml } from './graphml';
export { toCsv } from './csv';
export { toReportHtml, toReportMarkdown, type ReportOptions } from './report';
export { mapSvg } from './map-svg';

/** Every export format, by the name the CLI and the app use. */
export const EXPORT_FORMATS = ['w3c', 'aif', 'argdown', 'graphml', 'csv', 'report-md', 'report-html'] as const;

/** One export format. */
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Whether `name` is an export format. */
export function isExportFormat(name: string): name is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(name);
}

/**
 * The project as text in `format`. Reports show `options.mapSvg` as the map picture, or a
 * plain one drawn from the map positions when none is given.
 */
export function exportProject(snapshot: ProjectSnapshot, format: ExportFormat, options: { mapSvg?: string } = {}): string {
  switch (format) {
    case 'w3c':
      return JSON.stringify(toW3c(snapshot), null, 2) + '\n';
    case 'aif':
      return JSON.stringify(toAif(snapshot), null, 2) + '\n';
    case 'argdown':
      return toArgdown(snapshot);
    case 'graphml':
      return toGraphml(snapshot);
    case 'csv':
      return toCsv(snapshot);
    case 'report-md':
      return toReportMarkdown(snapshot, { mapSvg: options.mapSvg ?? mapSvg(snapshot) });
    case 'report-html':
      return toReportHtml(snapshot, { mapSvg: options.mapSvg ?? mapSvg(snapshot) });
  }
}
