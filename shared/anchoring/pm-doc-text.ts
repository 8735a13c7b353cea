// The document text of a ProseMirror reading, with a mapping between text offsets and
// ProseMirror positions. The renderer turns resolved anchors (text offsets) into
// decorations with it, and selections into text ranges. Same text as `yDocText` gives
// for the Yjs tree that y-prosemirror keeps in step with this document.
import type { Node as PMNode } from 'prosemirror-model';
import { BLOCK_SEPARATOR, leafText, type Assoc, type TextRange } from './text-conventions';
import { blockAtOffset, childAt, lastBlockBy } from './text-blocks';

/** The document text of a ProseMirror document and its position mapping. */
export interface PmDocText {
  /** The document text (see text-conventions). */
  readonly text: string;
  /** ProseMirror position of a text offset (clamped), leaning by `assoc` around zero-width nodes. */
  toPm(offset: number, assoc: Assoc): number;
  /**
   * Text offset of a ProseMirror position. A position outside any textblock leans by
   * `assoc`: forward to the next textblock's start, or back to the previous one's end.
   */
  fromPm(pos: number, assoc: Assoc): number;
  /** The ProseMirror range of a text range: a decoration's `from` and `to`. */
  rangeToPm(range: TextRange): { from: number; to: number };
  /** The text range of a ProseMirror range (a selection's `from` and `to`). */
  rangeFromPm(from: number, to: number): TextRange;
}

interface Child {
  readonly pos: number;
  readonly size: number;
  readonly start: number;
  readonly width: number;
  readonly isText: boolean;
}

interface Block {
  /** Position of the block's content start and end. */
  readonly pmStart: number;
  readonly pmEnd: number;
  readonly textStart: number;
  readonly textEnd: number;
  readonly children: readonly Child[];
}

const cache = new WeakMap<PMNode, PmDocText>();

/** The document text of a ProseMirror document; cached per (immutable) document. */
export function pmDocText(doc: PMNode): PmDocText {
  let found = cache.get(doc);
  if (!found) {
    found = build(doc);
    cache.set(doc, found);
  }
  return found;
}

function build(doc: PMNode): PmDocText {
  const parts: string[] = [];
  let length = 0;
  const blocks: Block[] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    if (blocks.length > 0) {
      parts.push(BLOCK_SEPARATOR);
      length += BLOCK_SEPARATOR.length;
    }
    const textStart = length;
    const children: Child[] = [];
    node.forEach((child, offset) => {
      const text = child.isText ? (child.text ?? '') : leafText(child.type.name);
      children.push({ pos: pos + 1 + offset, size: child.nodeSize, start: length, width: text.length, isText: child.isText });
      parts.push(text);
      length += text.length;
    });
    blocks.push({ pmStart: pos + 1, pmEnd: pos + node.nodeSize - 1, textStart, textEnd: length, children });
    return false;
  });
  const text = parts.join('');

  const toPm = (offset: number, assoc: Assoc): number => {
    if (blocks.length === 0) return 0;
    const at = Math.max(0, Math.min(offset, length));
    const block = blocks[blockAtOffset(blocks, at)]!;
    const k = childAt(block.children, at, assoc);
    if (k === null) return assoc >= 0 ? block.pmEnd : block.pmStart;
    const child = block.children[k]!;
    if (child.isText) return child.pos + Math.min(at - child.start, child.width);
    return assoc >= 0 ? child.pos : child.pos + child.size;
  };

  const fromPm = (pos: number, assoc: Assoc): number => {
    const i = lastBlockBy(blocks, pos, (b) => b.pmStart);
    const block = i >= 0 ? blocks[i] : undefined;
    if (block && pos <= block.pmEnd) {
      for (const child of block.children) {
        if (pos <= child.pos) return child.start;
        if (pos < child.pos + child.size) return child.isText ? child.start + (pos - child.pos) : child.start + child.width;
      }
      return block.textEnd;
    }
    if (assoc >= 0) return i + 1 < blocks.length ? blocks[i + 1]!.textStart : length;
    return block ? block.textEnd : 0;
  };

  return {
    text,
    toPm,
    fromPm,
    rangeToPm: (range) => {
      const from = toPm(range.start, 1);
      return { from, to: Math.max(from, toPm(range.end, -1)) };
    },
    rangeFromPm: (from, to) => ({ start: fromPm(from, 1), end: fromPm(to, -1) }),
  };
}
