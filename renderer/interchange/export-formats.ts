// The export formats as the Export dialog offers them: a plain name for each, the kind
// of file it saves as, and the file name it suggests. The formats themselves live in
// shared/export; this only says how the app presents and names them.
import { EXPORT_FORMATS, type ExportFormat } from '../../shared/export';
import { SAVE_KINDS, type SaveKind } from '../../shared/ipc';

/** How the Export dialog presents one format. */
export interface ExportChoice {
  readonly format: ExportFormat;
  /** Its plain name in the dialog. */
  readonly label: string;
  /** The kind of file it is saved as. */
  readonly kind: SaveKind;
  /** What goes between the project's name and the extension ("week 3 annotations.jsonld"). */
  readonly suffix: string;
}

const CHOICES: Readonly<Record<ExportFormat, Omit<ExportChoice, 'format'>>> = {
  w3c: { label: 'W3C Web Annotations (JSON-LD)', kind: 'jsonld', suffix: 'annotations' },
  aif: { label: 'AIF argument graph (JSON)', kind: 'json', suffix: 'argument graph' },
  argdown: { label: 'Argdown', kind: 'argdown', suffix: 'argument' },
  graphml: { label: 'GraphML', kind: 'graphml', suffix: 'map' },
  csv: { label: 'CSV of annotations', kind: 'csv', suffix: 'annotations' },
  'report-html': { label: 'Seminar report (HTML)', kind: 'html', suffix: 'report' },
  'report-md': { label: 'Seminar report (Markdown)', kind: 'md', suffix: 'report' },
};

/** Every format in the order the dialog lists them (the W3C export first, the reports last). */
export const EXPORT_CHOICES: readonly ExportChoice[] = (['w3c', 'aif', 'argdown', 'graphml', 'csv', 'report-html', 'report-md'] as const satisfies readonly ExportFormat[]).map(
  (format) => ({ format, ...CHOICES[format] }),
);

// Every format the exporter knows must be offered (the list above is typed, this checks it is whole).
if (EXPORT_CHOICES.length !== EXPORT_FORMATS.length) throw new Error('The Export dialog does not offer every export format.');

/**
 * The file name suggested for an export of the project called `base` (a title or file
 * name; characters file systems refuse become spaces, and a blank one becomes "Crux project").
 */
export function exportFileName(base: string, choice: ExportChoice): string {
  const clean = base.replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ').replace(/\s+/g, ' ').trim().slice(0, 80).trim() || 'Crux project';
  return `${clean} ${choice.suffix}.${SAVE_KINDS[choice.kind].extension}`;
}
