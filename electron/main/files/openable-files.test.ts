import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OPEN_DIALOG_FILTERS, OPENABLE_EXTENSIONS, isOpenableName } from './openable-files';

/** The extensions electron-builder.yml associates with Crux (its `- ext:` lines). */
function associatedExtensions(): string[] {
  const yaml = readFileSync(new URL('../../../electron-builder.yml', import.meta.url), 'utf8');
  return [...yaml.matchAll(/^\s*- ext: (.+)$/gm)].flatMap((match) =>
    (match[1] as string).replace(/[[\]]/g, '').split(',').map((ext) => ext.trim()),
  );
}

describe('openable files', () => {
  it('recognises the formats of DESIGN.md §1 in any letter case', () => {
    for (const name of ['a.txt', 'b.MD', 'c.html', 'd.htm', 'e.Pdf', 'f.docx']) expect(isOpenableName(name), name).toBe(true);
    for (const name of ['a.doc', 'b.exe', 'README', '.txt.bak', 'notes.md.exe']) expect(isOpenableName(name), name).toBe(false);
  });

  it('offers every openable format in the Open dialog', () => {
    expect(OPEN_DIALOG_FILTERS[0]?.extensions).toEqual([...OPENABLE_EXTENSIONS]);
    const listed = new Set(OPEN_DIALOG_FILTERS.slice(1).flatMap((filter) => filter.extensions));
    expect([...listed].sort()).toEqual([...OPENABLE_EXTENSIONS].sort());
  });

  it('has the OS open the same formats with Crux, plus Crux projects', () => {
    expect(associatedExtensions().sort()).toEqual([...OPENABLE_EXTENSIONS, 'crux'].sort());
  });
});
