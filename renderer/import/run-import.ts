// The one place the renderer names its importer: the shared import pipeline, with
// pdf.js pointed at its worker script and the reflow dictionary warmed up ahead of use.
import pdfWorkerUrl from 'pdfjs-dist/legacy/build/pdf.worker.mjs?url';
import { configurePdfWorker, importFile } from '../../shared/import';
import { englishDictionary } from '../../shared/import/reflow/dictionary';
import type { ImportOptions, ImportResult, ImportSource } from '../../shared/import/types';

configurePdfWorker(pdfWorkerUrl);

/**
 * Builds the reflow dictionary now, while the user is still choosing a file, so the
 * first import does not pay for it.
 */
export function warmUpImport(): void {
  englishDictionary();
}

/** Imports a file into a reading, or rejects with an ImportError meant for the user. */
export function runImport(source: ImportSource, options: ImportOptions = {}): Promise<ImportResult> {
  return importFile(source, options);
}
