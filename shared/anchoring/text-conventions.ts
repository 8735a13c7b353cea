// How a reading becomes one plain string, the "document text" every anchor and
// selector counts in. The Yjs and the ProseMirror text models both follow these rules,
// so a text offset means the same character in either.
import { schema } from '../schema';

/**
 * Put between two consecutive textblocks (title, byline, paragraphs, headings, list
 * paragraphs...), whatever their nesting. One character, so a quote that crosses a
 * paragraph boundary still reads as separate words.
 */
export const BLOCK_SEPARATOR = '\n';

/**
 * Text of the inline leaf nodes, by node name. Footnote markers count as nothing, so a
 * quote reads "solidarity'" rather than "solidarity'1", and a hard break as a line
 * break. Both match the schema's `leafText`, so ProseMirror's own `textBetween` agrees.
 * An inline leaf not listed here counts as nothing.
 */
export const LEAF_TEXT: Readonly<Record<string, string>> = Object.freeze({
  footnote: '',
  hard_break: '\n',
});

/** Stands for an embedded object in a Y.XmlText (y-prosemirror never writes one). */
export const EMBED_TEXT = '\uFFFC';

/** Text of an inline leaf node by its node name. */
export function leafText(nodeName: string): string {
  return LEAF_TEXT[nodeName] ?? '';
}

/** How a node name found in the shared document is laid out in the document text. */
export type NodeLayout = 'textblock' | 'inline' | 'container';

/** Layout of a node type of the reading schema; unknown names count as containers. */
export function nodeLayout(nodeName: string): NodeLayout {
  const type = schema.nodes[nodeName];
  if (!type) return 'container';
  if (type.isTextblock) return 'textblock';
  if (type.isInline) return 'inline';
  return 'container';
}

/**
 * Which way a position leans where one text offset names several places (around a
 * footnote marker, at a block boundary): `1` leans on the character after it (use it
 * for the start of a range), `-1` on the character before it (use it for the end).
 * Same convention as Yjs' `assoc`.
 */
export type Assoc = 1 | -1;

/** A range of the document text, `start` inclusive, `end` exclusive. */
export interface TextRange {
  readonly start: number;
  readonly end: number;
}
