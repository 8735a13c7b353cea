import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS } from '../../shared/export';
import { SaveKindSchema } from '../../shared/ipc';
import { EXPORT_CHOICES, exportFileName } from './export-formats';

describe('export choices', () => {
  it('offers every export format once, under a plain name, as a kind the Save dialog knows', () => {
    expect(new Set(EXPORT_CHOICES.map((c) => c.format))).toEqual(new Set(EXPORT_FORMATS));
    expect(EXPORT_CHOICES.map((c) => c.label)).toEqual([
      'W3C Web Annotations (JSON-LD)',
      'AIF argument graph (JSON)',
      'Argdown',
      'GraphML',
      'CSV of annotations',
      'Seminar report (HTML)',
      'Seminar report (Markdown)',
    ]);
    for (const choice of EXPORT_CHOICES) expect(SaveKindSchema.safeParse(choice.kind).success).toBe(true);
  });

  it('suggests a file name from the project, with the format\'s extension', () => {
    const byFormat = Object.fromEntries(EXPORT_CHOICES.map((c) => [c.format, c]));
    expect(exportFileName('Week 3', byFormat.w3c!)).toBe('Week 3 annotations.jsonld');
    expect(exportFileName('Week 3', byFormat.argdown!)).toBe('Week 3 argument.argdown');
    expect(exportFileName('Week 3', byFormat['report-md']!)).toBe('Week 3 report.md');
    expect(exportFileName('a/b: "c"', byFormat.csv!)).toBe('a b c annotations.csv');
    expect(exportFileName('  \n ', byFormat.graphml!)).toBe('Crux project map.graphml');
  });
});
