// The document text of the reading as stored in Yjs: the plain text of the article's
// Y.XmlFragment with a mapping between text offsets and places in the Yjs tree
// (a Y.XmlText and an index in it, or a child index of an element). It shields anchoring
// from the shape y-prosemirror gives the tree.
import * as Y from 'yjs';
import { blockAtOffset, childAt } from './text-blocks';
import { BLOCK_SEPARATOR, EMBED_TEXT, leafText, nodeLayout, type Assoc } from './text-conventions';

/** A place in the Yjs tree: `index` counts characters in a Y.XmlText, children in an element. */
export interface YPosition {
  readonly type: Y.XmlText | Y.XmlElement | Y.XmlFragment;
  readonly index: number;
}

/** A snapshot of the reading's text and its mapping to the Yjs tree. */
export interface YDocText {
  /** The document text (see text-conventions). */
  readonly text: string;
  /**
   * Text offset of a place in the tree, or null if the place is not part of the live
   * reading (a deleted block, a type of another document). A place between blocks leans
   * by `assoc`: forward to the next block's start, or back to the previous block's end.
   */
  offsetAt(position: { readonly type: object; readonly index: number }, assoc: Assoc): number | null;
  /** The place in the tree for a text offset (clamped to the text), leaning by `assoc`. */
  positionAt(offset: number, assoc: Assoc): YPosition;
}

interface Child {
  readonly type: Y.XmlText | Y.XmlElement | Y.XmlHook;
  /** Text offset where this child's text starts. */
  readonly start: number;
  /** Its length in the document text. */
  readonly width: number;
}

interface Block {
  readonly element: Y.XmlElement;
  readonly textStart: number;
  textEnd: number;
  readonly children: Child[];
}

/** Plain text of a Y.XmlText, one character per countable item (as Yjs indexes it). */
function plainText(type: Y.XmlText): string {
  let out = '';
  for (const op of type.toDelta() as { insert?: unknown }[]) {
    out += typeof op.insert === 'string' ? op.insert : EMBED_TEXT;
  }
  return out;
}

/**
 * Reads the document text of an article fragment. The result is a snapshot: read it
 * again after the fragment changes.
 */
export function yDocText(fragment: Y.XmlFragment): YDocText {
  const parts: string[] = [];
  let length = 0;
  const blocks: Block[] = [];
  const blockOf = new Map<Y.XmlElement, Block>();
  const textOf = new Map<Y.XmlText, Child>();
  // For each container, the number of textblocks before each of its child boundaries.
  const containers = new Map<object, number[]>();

  const visitTextblock = (element: Y.XmlElement): void => {
    if (blocks.length > 0) {
      parts.push(BLOCK_SEPARATOR);
      length += BLOCK_SEPARATOR.length;
    }
    const block: Block = { element, textStart: length, textEnd: length, children: [] };
    for (const node of element.toArray()) {
      const text = node instanceof Y.XmlText ? plainText(node) : node instanceof Y.XmlElement ? leafText(node.nodeName) : '';
      const child: Child = { type: node, start: length, width: text.length };
      block.children.push(child);
      if (node instanceof Y.XmlText) textOf.set(node, child);
      parts.push(text);
      length += text.length;
    }
    block.textEnd = length;
    blocks.push(block);
    blockOf.set(element, block);
  };

  const visitContainer = (container: Y.XmlFragment): void => {
    const before: number[] = [];
    for (const node of container.toArray()) {
      before.push(blocks.length);
      if (!(node instanceof Y.XmlElement)) continue; // stray text or hooks at block level carry no reading text
      const layout = nodeLayout(node.nodeName);
      if (layout === 'textblock') visitTextblock(node);
      else if (layout === 'container') visitContainer(node);
    }
    before.push(blocks.length);
    containers.set(container, before);
  };

  visitContainer(fragment);
  const text = parts.join('');

  const gapOffset = (blocksBefore: number, assoc: Assoc): number => {
    if (assoc >= 0) return blocksBefore < blocks.length ? blocks[blocksBefore]!.textStart : length;
    return blocksBefore > 0 ? blocks[blocksBefore - 1]!.textEnd : 0;
  };

  const offsetAt: YDocText['offsetAt'] = (position, assoc) => {
    const { type, index } = position;
    if (type instanceof Y.XmlText) {
      const child = textOf.get(type);
      return child ? child.start + Math.max(0, Math.min(index, child.width)) : null;
    }
    if (type instanceof Y.XmlElement) {
      const block = blockOf.get(type);
      if (block) return block.children[index]?.start ?? block.textEnd;
    }
    const before = containers.get(type);
    if (!before) return null;
    return gapOffset(before[Math.max(0, Math.min(index, before.length - 1))]!, assoc);
  };

  const positionAt = (offset: number, assoc: Assoc): YPosition => {
    if (blocks.length === 0) return { type: fragment, index: 0 };
    const at = Math.max(0, Math.min(offset, length));
    const block = blocks[blockAtOffset(blocks, at)]!;
    const { children } = block;
    const k = childAt(children, at, assoc);
    if (k !== null) {
      const child = children[k]!;
      return child.type instanceof Y.XmlText
        ? { type: child.type, index: Math.min(at - child.start, child.width) }
        : { type: block.element, index: assoc >= 0 ? k : k + 1 };
    }
    // At the block's edge: the end (or start) of its edge text if there is one.
    const edge = assoc >= 0 ? children[children.length - 1] : children[0];
    if (edge?.type instanceof Y.XmlText) return { type: edge.type, index: assoc >= 0 ? edge.width : 0 };
    return { type: block.element, index: assoc >= 0 ? children.length : 0 };
  };

  return { text, offsetAt, positionAt };
}
