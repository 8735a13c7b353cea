// The import pipeline: `importFile` checks a file, reads it in its format and returns a
// reading in Crux's schema, or rejects with an ImportError whose message is fit for the
// user. Pure functions: the same code runs in the CLI, the renderer and a Web Worker.
// Each format's reader loads when a file of that format arrives: `crux outline notes.txt`
// should not load pdf.js, mammoth and the HTML sanitizer.
import { detectFormat, decodeText, type DetectOptions } from './detect';
import { importText } from './text';
import type { ImportOptions, ImportResult, ImportSource } from './types';

export { MAX_IMPORT_BYTES, ImportError } from './types';
export type { ImportErrorCode, ImportFormat, ImportOptions, ImportResult, ImportSource } from './types';

let pdfWorkerSrc: string | undefined;

/**
 * Runs pdf.js's parser in a Web Worker loaded from `src` once the first PDF is read (see
 * `configurePdfWorker` in ./pdf). The renderer calls this at start-up.
 */
export function configurePdfWorker(src: string): void {
  pdfWorkerSrc = src;
}
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
      const { importMarkdown } = await import('./markdown');
      const { doc, warnings } = importMarkdown(decodeText(source), source.name);
      result = { doc, format, warnings };
      break;
    }
    case 'html': {
      progress(0.1, 'Reading the web page');
      const { importHtml } = await import('./html');
      const { doc, warnings } = importHtml(decodeText(source, { html: true }), source.name);
      result = { doc, format, warnings };
      break;
    }
    case 'docx': {
      progress(0.1, 'Reading the Word document');
      const { importDocx } = await import('./docx');
      const { doc, warnings } = await importDocx(source.bytes, source.name);
      result = { doc, format, warnings };
      break;
    }
    case 'pdf': {
      progress(0.05, 'Opening the PDF');
      const { configurePdfWorker: useWorker, importPdf } = await import('./pdf');
      if (pdfWorkerSrc !== undefined) useWorker(pdfWorkerSrc);
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
