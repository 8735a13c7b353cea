// The import pipeline: `importFile` checks a file, reads it in its format and returns a
// reading in Crux's schema, or rejects with an ImportError whose message is fit for the
// user. Pure functions: the same code runs in the CLI, the renderer and a Web Worker.
import { detectFormat, decodeText, type DetectOptions } from './detect';
import { importDocx } from './docx';
import { importHtml } from './html';
import { importMarkdown } from './markdown';
import { importPdf } from './pdf';
import { importText } from './text';
import type { ImportOptions, ImportResult, ImportSource } from './types';

export { MAX_IMPORT_BYTES, ImportError } from './types';
export type { ImportErrorCode, ImportFormat, ImportOptions, ImportResult, ImportSource } from './types';
export { configurePdfWorker } from './pdf';
export { detectFormat, decodeText, formatFromName, type DetectOptions } from './detect';
export { SUPPORTED_EXTENSIONS } from './errors';

/**
 * Imports a file: detects and checks its format, converts it, and reports progress from
 * 0 ("Checking the file") to 1 ("Done"); PDFs report each page. Rejects with an
 * ImportError (and returns no document) for any bad input. `detect` exists for tests
 * that need a smaller size limit; users always get MAX_IMPORT_BYTES.
 */
export async function importFile(source: ImportSource, options: ImportOptions = {}, detect: DetectOptions = {}): Promise<ImportResult> {
  const progress = options.onProgress ?? (() => {});
  progress(0, 'Checking the file');
  const format = detectFormat(source, detect);
  let result: ImportResult;
  switch (format) {
    case 'txt':
      progress(0.1, 'Reflowing the text');
      result = { doc: importText(source), format, warnings: [] };
      break;
    case 'md': {
      progress(0.1, 'Reading the Markdown');
      const { doc, warnings } = importMarkdown(decodeText(source), source.name);
      result = { doc, format, warnings };
      break;
    }
    case 'html': {
      progress(0.1, 'Reading the web page');
      const { doc, warnings } = importHtml(decodeText(source, { html: true }), source.name);
      result = { doc, format, warnings };
      break;
    }
    case 'docx': {
      progress(0.1, 'Reading the Word document');
      const { doc, warnings } = await importDocx(source.bytes, source.name);
      result = { doc, format, warnings };
      break;
    }
    case 'pdf': {
      progress(0.05, 'Opening the PDF');
      const doc = await importPdf(source.bytes, source.name, (done, total) =>
        progress(0.05 + 0.9 * (done / total), `Reading page ${done} of ${total}`),
      );
      result = { doc, format, warnings: [] };
      break;
    }
  }
  progress(1, 'Done');
  return result;
}
