// Word (.docx) importer: mammoth turns the document into simple HTML (footnotes become
// linked superscripts and a notes list), which then goes through the HTML importer, so
// the same sanitiser sees every Word document. mammoth's warnings reach the user in
// plain words. mammoth's package maps its file access away for browsers, so this one
// import path bundles for the renderer and runs in Node alike.
import mammoth from 'mammoth';
import type { Node as PMNode } from 'prosemirror-model';
import { malformedError, unpacksTooLargeError } from './errors';
import { importHtml } from './html';
import { unzippedSize } from './zip-size';

/**
 * The most a Word document may unpack to (all its parts together). A long book's
 * document.xml is tens of megabytes; beyond this it is a "zip bomb", refused before mammoth
 * unpacks it into memory.
 */
export const MAX_DOCX_UNPACKED_BYTES = 256 * 1024 * 1024;

/** A finished Word import. */
export interface DocxImport {
  /** The reading. */
  doc: PMNode;
  /** What the user may want to know, in plain words. */
  warnings: string[];
}

/**
 * Word's own styles as Crux reads them: "Title" is the reading's title and "Heading 1"
 * a top-level section (mammoth's default makes both <h1>); Word's quote styles are
 * quotes. Listed before mammoth's defaults, which still cover everything else.
 */
const styleMap = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Subtitle'] => p:fresh",
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
  ...[1, 2, 3, 4, 5, 6].flatMap((n) => [
    `p[style-name='Heading ${n}'] => h${Math.min(6, n + 1)}:fresh`,
    `p[style-name='heading ${n}'] => h${Math.min(6, n + 1)}:fresh`,
    `p.Heading${n} => h${Math.min(6, n + 1)}:fresh`,
  ]),
];

/** Reads a Word document's bytes into a reading. */
export async function importDocx(bytes: Uint8Array, name: string): Promise<DocxImport> {
  if (unzippedSize(bytes, MAX_DOCX_UNPACKED_BYTES).kind === 'over') throw unpacksTooLargeError(name, MAX_DOCX_UNPACKED_BYTES);
  // A copy of exactly these bytes: `bytes` may be a view into a larger buffer (Node's
  // pooled Buffers are), and `.buffer` of a view is the whole of it.
  const arrayBuffer = new Uint8Array(bytes).buffer;
  let result: { value: string; messages: { type: string; message: string }[] };
  try {
    // The browser build of mammoth reads `arrayBuffer`, the Node build `buffer`; both
    // accept an ArrayBuffer, so one object serves both (its typings only know Buffer).
    const input = { arrayBuffer, buffer: arrayBuffer } as unknown as { arrayBuffer: ArrayBuffer };
    result = await mammoth.convertToHtml(input, {
      styleMap,
      externalFileAccess: false,
      // Crux shows text only: skip encoding images; the HTML importer counts them.
      convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
    });
  } catch (error) {
    throw malformedError(name, 'docx', describeFailure(error));
  }
  const { doc, warnings } = importHtml(result.value, name);
  return { doc, warnings: [...plainWarnings(result.messages), ...warnings] };
}

function describeFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/main document part/i.test(message)) return 'the archive holds no Word document';
  if (/zip|central directory|end of data|corrupted/i.test(message)) return 'its ZIP structure is broken';
  if (/xml|parse/i.test(message)) return 'its document text is not valid XML';
  return 'its contents are not laid out as a .docx file';
}

/** mammoth's messages, grouped and reworded for a reader rather than a developer. */
function plainWarnings(messages: { type: string; message: string }[]): string[] {
  const paragraphStyles = new Set<string>();
  const runStyles = new Set<string>();
  const other = new Set<string>();
  for (const { message } of messages) {
    // A style used but not defined comes twice: once by ID, once unnamed ('null').
    const style =
      /^Unrecognised (paragraph|run) style: '(.*)' \(Style ID: .*\)$/i.exec(message) ??
      /^(paragraph|run) style with ID (.*) was referenced but not defined in the document$/i.exec(message);
    if (style) {
      const name = style[2]!;
      if (name !== 'null' && name !== 'undefined') (style[1]!.toLowerCase() === 'paragraph' ? paragraphStyles : runStyles).add(name);
      continue;
    }
    // Images are left out anyway, and the HTML importer says so.
    if (/^Image of type /.test(message)) continue;
    other.add(`Word document: ${message.replace(/^./, (c) => c.toLowerCase()).replace(/\.?$/, '.')}`);
  }
  const out: string[] = [];
  const list = (names: Set<string>) => [...names].map((n) => `“${n}”`).join(', ');
  if (paragraphStyles.size) {
    out.push(`Paragraphs in the Word style${paragraphStyles.size > 1 ? 's' : ''} ${list(paragraphStyles)} were read as ordinary paragraphs.`);
  }
  if (runStyles.size) {
    out.push(`Text in the Word character style${runStyles.size > 1 ? 's' : ''} ${list(runStyles)} was kept without that formatting.`);
  }
  return [...out, ...other];
}
