// Checks a file before any importer sees it: its type from the name, its size, and
// whether its bytes are what the name claims (magic numbers, NUL bytes, UTF-8). Text
// formats are decoded here too, so every importer gets a clean string or a clear error.
import {
  binaryError,
  contradictsExtensionError,
  emptyError,
  invalidUtf8Error,
  notFormatError,
  textInBinaryFormatError,
  tooLargeError,
  unknownTypeError,
  utf16Error,
  encryptedError,
} from './errors';
import { MAX_IMPORT_BYTES, type ImportFormat, type ImportSource } from './types';

/** File extensions Crux opens, and the format each is read as. */
const extensions: Record<string, ImportFormat> = {
  txt: 'txt',
  md: 'md',
  html: 'html',
  htm: 'html',
  pdf: 'pdf',
  docx: 'docx',
};

/** A kind of file recognised by its first bytes. */
interface Magic {
  /** Which kind, for the checks below. */
  kind: 'pdf' | 'zip' | 'ole' | 'image' | 'gzip' | 'elf';
  /** What the file is, in a sentence ("a PDF"). */
  what: string;
  /** What to do when the name says otherwise. */
  fix: string;
  /** Bytes at offset 0. */
  bytes: number[];
}

const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

const magics: Magic[] = [
  { kind: 'pdf', what: 'a PDF', fix: 'Rename it to end in .pdf and open it again.', bytes: ascii('%PDF-') },
  {
    kind: 'zip',
    what: 'a ZIP archive (perhaps a Word document)',
    fix: 'If it is a Word document, rename it to end in .docx and open it again.',
    bytes: [0x50, 0x4b, 0x03, 0x04],
  },
  {
    kind: 'ole',
    what: 'an old-style Word document (.doc) or another Office file',
    fix: 'Open it in Word or LibreOffice, save it as .docx, and open that.',
    bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
  },
  { kind: 'image', what: 'a PNG image', fix: 'Crux reads text, not images.', bytes: [0x89, 0x50, 0x4e, 0x47] },
  { kind: 'image', what: 'a JPEG image', fix: 'Crux reads text, not images.', bytes: [0xff, 0xd8, 0xff] },
  { kind: 'image', what: 'a GIF image', fix: 'Crux reads text, not images.', bytes: ascii('GIF8') },
  { kind: 'gzip', what: 'a gzip archive', fix: 'Unpack it first and open the document inside.', bytes: [0x1f, 0x8b] },
  { kind: 'elf', what: 'a program', fix: 'Open the document you meant instead.', bytes: [0x7f, 0x45, 0x4c, 0x46] },
];

/** Options of the checks; the defaults are what users get. */
export interface DetectOptions {
  /** Largest accepted file in bytes; MAX_IMPORT_BYTES unless a test needs a smaller one. */
  maxBytes?: number;
}

/** The format a file name asks for, or null if Crux does not open that extension. */
export function formatFromName(name: string): ImportFormat | null {
  const base = name.split(/[\\/]/).pop() ?? name;
  const dot = base.lastIndexOf('.');
  if (dot <= 0) return null;
  return extensions[base.slice(dot + 1).toLowerCase()] ?? null;
}

/**
 * Checks a file and returns the format to read it as. Throws an ImportError for an
 * unknown extension, an oversized or empty file, or bytes that contradict the name.
 * Text formats are only sniffed here; `decodeText` does their UTF-8 check.
 */
export function detectFormat(source: ImportSource, options: DetectOptions = {}): ImportFormat {
  const { name, bytes } = source;
  const format = formatFromName(name);
  if (!format) throw unknownTypeError(name);
  const limit = options.maxBytes ?? MAX_IMPORT_BYTES;
  // Before anything reads the bytes: a huge file is rejected without being scanned.
  if (bytes.byteLength > limit) throw tooLargeError(name, bytes.byteLength, limit);
  if (bytes.byteLength === 0) throw emptyError(name, false);
  if (isBlank(bytes)) throw emptyError(name, true);
  const magic = sniff(bytes);
  if (format === 'pdf') {
    if (findPdfHeader(bytes) >= 0) return format;
    throw wrongBinary(source, format, magic);
  }
  if (format === 'docx') {
    if (magic?.kind === 'zip') return format;
    if (magic?.kind === 'ole' && isEncryptedOffice(bytes)) throw encryptedError(name, 'docx');
    throw wrongBinary(source, format, magic);
  }
  if (magic) throw contradictsExtensionError(name, format, magic.what, magic.fix);
  if (hasUtf16Bom(bytes)) throw utf16Error(name);
  if (looksBinary(bytes)) throw binaryError(name, format);
  return format;
}

/**
 * Decodes a text file as UTF-8 (a byte-order mark is dropped). Throws 'invalid-utf8'
 * naming the first bad line, 'binary' for NUL bytes or control characters, 'empty' when
 * nothing but white space is left. An HTML page that is not UTF-8 but declares another
 * charset in a <meta> tag is decoded with that charset, as a browser would.
 */
export function decodeText(source: ImportSource, options: { html?: boolean } = {}): string {
  const { name, bytes } = source;
  const format = formatFromName(name) ?? 'txt';
  if (hasUtf16Bom(bytes)) throw utf16Error(name);
  if (looksBinary(bytes)) throw binaryError(name, format);
  let text: string;
  try {
    text = new Decoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const legacy = options.html ? decodeDeclaredCharset(bytes) : null;
    if (legacy === null) throw invalidUtf8Error(name, lineOfFirstInvalidByte(bytes));
    text = legacy;
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (/^\s*$/.test(text)) throw emptyError(name, true);
  return text;
}

/** Index of `%PDF-` within the first kilobyte (readers accept some leading junk), or -1. */
export function findPdfHeader(bytes: Uint8Array): number {
  const head = ascii('%PDF-');
  const end = Math.min(bytes.length - head.length, 1024);
  for (let i = 0; i <= end; i++) {
    if (head.every((b, j) => bytes[i + j] === b)) return i;
  }
  return -1;
}

interface TextDecoderLike {
  decode(input: Uint8Array): string;
}

// TextDecoder is a global in browsers, workers and Node alike, but shared/ compiles
// without DOM or Node typings, so it is reached through a typed view of globalThis.
const Decoder = (
  globalThis as unknown as {
    TextDecoder: new (label: string, options?: { fatal?: boolean }) => TextDecoderLike;
  }
).TextDecoder;

function wrongBinary(source: ImportSource, format: 'pdf' | 'docx', magic: Magic | null): Error {
  if (magic) return contradictsExtensionError(source.name, format, magic.what, magic.fix);
  if (!looksBinary(source.bytes) && isUtf8(source.bytes)) return textInBinaryFormatError(source.name, format);
  return notFormatError(source.name, format);
}

function sniff(bytes: Uint8Array): Magic | null {
  return magics.find((m) => m.bytes.every((b, i) => bytes[i] === b)) ?? null;
}

function hasUtf16Bom(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

function isBlank(bytes: Uint8Array): boolean {
  for (const b of bytes) {
    if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x0b) return false;
  }
  return true;
}

/**
 * Whether the first 64 KB look like binary data rather than text: any NUL byte (as git
 * decides), or more than 5% C0 control characters other than tab, line feeds, form
 * feed and escape (which terminal logs use).
 */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 65536);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x0b && b !== 0x1b) || b === 0x7f) control++;
  }
  return control > n * 0.05;
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new Decoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Encrypted Office files are OLE containers holding an `EncryptedPackage` stream. */
function isEncryptedOffice(bytes: Uint8Array): boolean {
  const needle = [...'EncryptedPackage'].flatMap((c) => [c.charCodeAt(0), 0]);
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** 1-based line of the first byte that breaks UTF-8, for the error message. */
function lineOfFirstInvalidByte(bytes: Uint8Array): number {
  let line = 1;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b === 0x0a) line++;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len === 0 || i + len > bytes.length) return line;
    for (let k = 1; k < len; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return line;
    // Overlong, surrogate and out-of-range forms are caught by the decoder; they are
    // rare enough that naming the line they start on is plenty.
    const cp2 = bytes[i + 1]!;
    if ((b === 0xe0 && cp2 < 0xa0) || (b === 0xed && cp2 > 0x9f) || (b === 0xf0 && cp2 < 0x90) || (b === 0xf4 && cp2 > 0x8f)) return line;
    i += len;
  }
  return line;
}

/** Decodes with the charset a page declares in its first 1 KB, or returns null. */
function decodeDeclaredCharset(bytes: Uint8Array): string | null {
  const head = String.fromCharCode(...bytes.subarray(0, 1024));
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)/i.exec(head);
  const label = m?.[1]?.toLowerCase();
  if (!label || label === 'utf-8' || label === 'utf8') return null;
  try {
    return new Decoder(label).decode(bytes);
  } catch {
    // An unknown label: report the file as not UTF-8.
    return null;
  }
}
