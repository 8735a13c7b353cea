// Every message an import can fail with, in one place so they read alike: each names the
// file, says what is wrong with it and what the user can do about it.
import { ImportError, MAX_IMPORT_BYTES, type ImportFormat } from './types';

/** The file types Crux opens, as listed to users. */
export const SUPPORTED_EXTENSIONS = ['.txt', '.md', '.html', '.htm', '.pdf', '.docx'] as const;

const supportedList = `${SUPPORTED_EXTENSIONS.slice(0, -1).join(', ')} or ${SUPPORTED_EXTENSIONS[SUPPORTED_EXTENSIONS.length - 1]}`;

/** What each format is called in a sentence. */
const formatNames: Record<ImportFormat, string> = {
  txt: 'a text file',
  md: 'a Markdown file',
  html: 'a web page',
  pdf: 'a PDF',
  docx: 'a Word document',
};

/** The file name as shown in a message, in typographic quotes. */
export function quoteName(name: string): string {
  const base = name.split(/[\\/]/).pop() || name;
  return `“${base}”`;
}

/** A byte count in megabytes as users read it: "50 MB", "63.2 MB". */
export function formatMegabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  const rounded = mb >= 10 ? Math.round(mb * 10) / 10 : Math.round(mb * 100) / 100;
  return `${Number.isInteger(rounded) ? rounded.toFixed(0) : String(rounded)} MB`;
}

/** The file has no extension Crux knows. */
export function unknownTypeError(name: string): ImportError {
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot).toLowerCase() : '';
  const what = ext ? `Crux doesn’t read ${ext} files` : 'it has no file extension, so Crux can’t tell what kind of file it is';
  return new ImportError(
    'unknown-type',
    `${quoteName(name)} can’t be opened: ${what}. Crux opens ${supportedList} files; save the document in one of these formats and open it again.`,
  );
}

/** The file is over the size limit. */
export function tooLargeError(name: string, size: number, limit = MAX_IMPORT_BYTES): ImportError {
  // A file a few bytes over the limit rounds to the limit itself: don't say "50 MB, over 50 MB".
  let sizeText = formatMegabytes(size);
  if (sizeText === formatMegabytes(limit)) sizeText = `just over ${sizeText}`;
  return new ImportError(
    'too-large',
    `${quoteName(name)} is too large to open: it is ${sizeText} and Crux opens files of up to ${formatMegabytes(limit)}. Split the document or save a shorter version, then open that.`,
  );
}

/** A Word document (a ZIP archive) that unpacks to more than Crux will read. */
export function unpacksTooLargeError(name: string, limit: number): ImportError {
  return new ImportError(
    'too-large',
    `${quoteName(name)} is too large to open: unpacked, its contents come to over ${formatMegabytes(limit)}, more than any article needs (a small file that unpacks to this much may be built to exhaust memory). Open the original document in Word, save a shorter version, then open that.`,
  );
}

/**
 * The file is within the size limit but built in a way no article is (elements nested
 * thousands deep, tens of thousands of footnotes), and reading it would take minutes or
 * exhaust the stack. `what` says how, `limit` what Crux reads.
 */
export function tooComplexError(name: string, what: string, limit: string): ImportError {
  return new ImportError(
    'too-complex',
    `${quoteName(name)} can’t be opened: ${what}, and Crux reads documents with ${limit}. Nothing was changed. Save a simpler or shorter version of the document and open that.`,
  );
}

/** The file has no bytes, or only white space. */
export function emptyError(name: string, blank: boolean): ImportError {
  const what = blank ? 'contains only blank space' : 'is empty (0 bytes)';
  return new ImportError(
    'empty',
    `${quoteName(name)} ${what}, so there is no text to read. Check that you picked the right file, or save it again from the program that made it.`,
  );
}

/** The document parsed but holds no text (a scanned PDF, an HTML page of scripts). */
export function noTextError(name: string, format: ImportFormat): ImportError {
  const hint =
    format === 'pdf'
      ? 'Its pages are probably scanned images. Run it through text recognition (OCR) first, then open the result.'
      : 'Check that you picked the right file, or save it again from the program that made it.';
  return new ImportError('empty', `${quoteName(name)} has no readable text. ${hint}`);
}

/** A file named as text holds binary data (NUL bytes, control characters). */
export function binaryError(name: string, claimed: ImportFormat): ImportError {
  return new ImportError(
    'binary',
    `${quoteName(name)} is named as ${formatNames[claimed]} but holds binary data, not text. Open the original document instead, or export it from its program as ${supportedList}.`,
  );
}

/** The bytes are of another known kind than the extension says. */
export function contradictsExtensionError(name: string, claimed: ImportFormat, actual: string, fix: string): ImportError {
  return new ImportError(
    'binary',
    `${quoteName(name)} is named as ${formatNames[claimed]} but is really ${actual}. ${fix}`,
  );
}

/** A text file is not valid UTF-8. */
export function invalidUtf8Error(name: string, line: number): ImportError {
  return new ImportError(
    'invalid-utf8',
    `${quoteName(name)} is not valid UTF-8 text: line ${line} holds bytes in another encoding (perhaps Windows-1252 or Latin-1). Save it again with the encoding set to UTF-8 (most editors offer this under Save As), then open it again.`,
  );
}

/** A text file is UTF-16 (has a UTF-16 byte-order mark). */
export function utf16Error(name: string): ImportError {
  return new ImportError(
    'invalid-utf8',
    `${quoteName(name)} is saved as UTF-16, and Crux reads text files in UTF-8. Save it again with the encoding set to UTF-8 (most editors offer this under Save As), then open it again.`,
  );
}

/** The document is password-protected. */
export function encryptedError(name: string, format: 'pdf' | 'docx'): ImportError {
  const fix =
    format === 'pdf'
      ? 'Remove the password (print to PDF without protection) and open it again.'
      : 'Open it in Word, remove the password (File → Info → Protect Document), save it, and open it again.';
  return new ImportError('encrypted', `${quoteName(name)} is password-protected. ${fix}`);
}

/** A PDF or Word document whose structure can't be read. */
export function malformedError(name: string, format: 'pdf' | 'docx', detail?: string): ImportError {
  const why = detail ? ` (${detail.replace(/\.$/, '')})` : '';
  const fix =
    format === 'pdf'
      ? 'Open it in a PDF viewer and save or print it to a new PDF, then open that.'
      : 'Open it in Word or LibreOffice, save it again as .docx, then open that.';
  return new ImportError(
    'malformed',
    `${quoteName(name)} is damaged: Crux could not read it as ${formatNames[format]}${why}. ${fix}`,
  );
}

/** A .pdf or .docx that holds plain text. */
export function textInBinaryFormatError(name: string, format: 'pdf' | 'docx'): ImportError {
  return new ImportError(
    'malformed',
    `${quoteName(name)} is not ${formatNames[format]}: it contains plain text. If that text is the document, rename the file to end in .txt and open it again.`,
  );
}

/** A .pdf or .docx whose bytes are neither that format nor any other Crux recognises. */
export function notFormatError(name: string, format: 'pdf' | 'docx'): ImportError {
  return new ImportError(
    'binary',
    `${quoteName(name)} is not ${formatNames[format]}: its contents are unreadable binary data. Open the original document instead, or export it again from its program.`,
  );
}
