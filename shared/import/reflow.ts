// Reflow of plain text, including text extracted from PDFs, into a Crux reading.
import type { Node as PMNode } from 'prosemirror-model';
import { schema } from '../schema';

/** Turns plain text into a reading: one paragraph per blank-line-separated block. */
export function reflowText(text: string): PMNode {
  const blocks = text
    .split(/\n\s*\n/)
    .map((b) => b.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  return schema.node(
    'doc',
    null,
    blocks.map((b) => schema.node('paragraph', null, schema.text(b))),
  );
}
