// The structure of a reading at a glance: title, section headings and counts. Used by
// `crux outline`, the outline pane and tests.
import type { Node as PMNode } from 'prosemirror-model';

/** A section heading of a reading. */
export interface OutlineHeading {
  text: string;
  level: number;
}

/** The structure of a reading. */
export interface Outline {
  /** The title, or null if the reading has none. */
  title: string | null;
  /** Section headings in document order. */
  headings: OutlineHeading[];
  /** Paragraphs of running text (outside block quotes). */
  paragraphs: number;
  /** Block quotes. */
  blockQuotes: number;
  /** Footnote reference markers. */
  footnoteMarkers: number;
  /** Words in the whole reading. */
  words: number;
}

/** Computes the outline of a reading. */
export function outlineOf(doc: PMNode): Outline {
  const outline: Outline = { title: null, headings: [], paragraphs: 0, blockQuotes: 0, footnoteMarkers: 0, words: 0 };
  doc.descendants((node, _pos, parent) => {
    switch (node.type.name) {
      case 'title':
        outline.title ??= node.textContent;
        break;
      case 'heading':
        outline.headings.push({ text: node.textContent, level: node.attrs.level as number });
        break;
      case 'blockquote':
        outline.blockQuotes++;
        break;
      case 'paragraph':
        if (parent?.type.name !== 'blockquote') outline.paragraphs++;
        break;
    }
    if (!node.isTextblock) return true;
    outline.words += countWords(node.textContent);
    node.forEach((child) => {
      if (child.type.name === 'footnote') outline.footnoteMarkers++;
    });
    return false;
  });
  return outline;
}

/** Counts words: runs of non-space characters with a letter or digit in them. */
export function countWords(text: string): number {
  let n = 0;
  for (const token of text.split(/\s+/)) if (/[\p{L}\p{N}]/u.test(token)) n++;
  return n;
}
