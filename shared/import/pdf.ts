// PDF importer: pdf.js (legacy build, which runs in Node 22 and every browser) extracts
// the positioned text of each page, pdf-layout.ts turns it into lines and paragraphs
// without page debris, and `reflowText` makes the reading. Passwords and broken files
// become ImportErrors; progress is reported page by page.
import { GlobalWorkerOptions, VerbosityLevel, getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Node as PMNode } from 'prosemirror-model';
import { encryptedError, malformedError, noTextError } from './errors';
import { linesOfPage, pagesToText, removePageDebris, type PdfLine, type PdfTextRun } from './pdf-layout';
import { pdfReading } from './pdf-reading';

let workerConfigured = false;

/**
 * Runs pdf.js's parser in its own Web Worker loaded from `src` (the URL of
 * `pdfjs-dist/legacy/build/pdf.worker.mjs` as the bundler serves it, e.g. Vite's
 * `?url` import). The renderer calls this once at start-up, before the first PDF
 * import: once a PDF has been read without it, pdf.js keeps using the calling thread.
 * Without it (Node, tests, the CLI) the parser runs on the calling thread, which in a
 * page blocks the UI while a PDF is read. Inside a Web Worker that is fine, but loading
 * the parser there makes pdf.js post one stray message to the page
 * (`{sourceName: 'worker', action: 'ready'}`), which the page should ignore.
 */
export function configurePdfWorker(src: string): void {
  GlobalWorkerOptions.workerSrc = src;
  workerConfigured = true;
}

/** Called after each page with the number of pages read and the total. */
export type PdfPageProgress = (done: number, total: number) => void;

/** Reads a PDF's bytes into a reading. */
export async function importPdf(bytes: Uint8Array, name: string, onPage?: PdfPageProgress): Promise<PMNode> {
  const pages = await readPdfLines(bytes, name, onPage);
  return pdfReading(pages);
}

/**
 * The text of a PDF as `reflowText` wants it: lines as laid out, blank lines between
 * paragraphs, running headers, footers and page numbers gone.
 */
export async function extractPdfText(bytes: Uint8Array, name: string, onPage?: PdfPageProgress): Promise<string> {
  return pagesToText(removePageDebris(await readPdfLines(bytes, name, onPage)));
}

/** The lines of every page of a PDF, with their type (size, font traits) and places. */
export async function readPdfLines(bytes: Uint8Array, name: string, onPage?: PdfPageProgress): Promise<PdfLine[][]> {
  await prepareWorker();
  const task = getDocument({
    // pdf.js takes ownership of (detaches) the buffer it is given, so give it a copy;
    // a plain one, as it refuses Node's Buffer (which the CLI may pass).
    data: new Uint8Array(bytes),
    verbosity: VerbosityLevel.ERRORS,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWasm: false,
    stopAtErrors: false,
  });
  try {
    const pdf = await task.promise;
    const pages: PdfLine[][] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      // The fonts' real names ("CMBX12", "LiberationMono") arrive with the page's drawing
      // operations; they tell bold headings and monospace code apart.
      await page.getOperatorList();
      const fonts = new Map<string, string>();
      const runs: PdfTextRun[] = [];
      for (const item of content.items) {
        if (!('str' in item)) continue;
        const [, , c = 0, d = 0, x = 0, y = 0] = item.transform as number[];
        if (!fonts.has(item.fontName)) fonts.set(item.fontName, fontName(page.commonObjs, item.fontName));
        runs.push({ str: cleanRun(item.str), x, y, width: item.width, size: Math.hypot(c, d) || item.height, hasEOL: item.hasEOL, font: fonts.get(item.fontName)! });
      }
      pages.push(linesOfPage(runs));
      page.cleanup();
      onPage?.(n, pdf.numPages);
    }
    if (!pages.some((lines) => lines.some((l) => /[\p{L}\p{N}]/u.test(l.text)))) throw noTextError(name, 'pdf');
    return pages;
  } catch (error) {
    throw pdfError(error, name);
  } finally {
    await task.destroy();
  }
}

/** The name of a loaded font, or '' when pdf.js has not loaded it. */
function fontName(objs: { has(id: string): boolean; get(id: string): unknown }, id: string): string {
  if (!objs.has(id)) return '';
  const font = objs.get(id) as { name?: unknown } | null;
  return typeof font?.name === 'string' ? font.name : '';
}

/** Drops control characters pdf.js leaves for unmapped glyphs; a soft hyphen reads as one. */
function cleanRun(str: string): string {
  return str.replace(/\t/g, ' ').replace(/\p{Cc}/gu, '').replace(/\u00ad$/, '-').replace(/\u00ad/g, '');
}

function pdfError(error: unknown, name: string): Error {
  if (error instanceof Error && error.name === 'ImportError') return error;
  const kind = (error as { name?: string } | null)?.name;
  if (kind === 'PasswordException') return encryptedError(name, 'pdf');
  if (kind === 'InvalidPDFException') return malformedError(name, 'pdf', 'its structure is broken');
  return malformedError(name, 'pdf', 'its contents could not be decoded');
}

/**
 * Without a worker URL, pdf.js looks for its parser on `globalThis.pdfjsWorker`; loading
 * the worker module puts it there. Imported by name, so bundlers include it (as a chunk
 * loaded only when a PDF is opened) and Node resolves it wherever this file ends up.
 */
async function prepareWorker(): Promise<void> {
  if (workerConfigured || (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker) return;
  // @ts-expect-error -- pdf.js ships no typings for its worker module; only its side effect is used.
  await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
}
