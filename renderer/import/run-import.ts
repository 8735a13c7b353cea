// The one place the renderer names its importer. The import worker calls runImport;
// when the shared importers land, replace the next line with
// `import { importFile } from '../../shared/import';` and nothing else changes.
import { importPlainText as importFile } from './plain-text-import';
import type { ImportOptions, ImportResult, ImportSource } from '../../shared/import/types';

/** Imports a file into a reading, or rejects with an ImportError meant for the user. */
export function runImport(source: ImportSource, options: ImportOptions = {}): Promise<ImportResult> {
  return importFile(source, options);
}
