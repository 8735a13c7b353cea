// Plain-text importer: the bytes are checked and decoded as UTF-8 (detect.ts), then
// reflowed into a reading (reflow.ts), the same path PDF text takes.
import type { Node as PMNode } from 'prosemirror-model';
import { decodeText } from './detect';
import { reflowText } from './reflow';
import type { ImportSource } from './types';

/** Reads a `.txt` file into a reading. */
export function importText(source: ImportSource): PMNode {
  return reflowText(decodeText(source));
}
