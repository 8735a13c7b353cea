// A ProseMirror reading (as JSON) seen as the scorer's blocks: every textblock in order;
// the items of a list under a final "Notes" heading are the footnote texts.
import type { OutBlock, Reading } from './score';

/** The JSON of a ProseMirror node. */
export interface NodeJson {
  type: string;
  attrs?: Record<string, unknown>;
  content?: NodeJson[];
  text?: string;
}

function textOf(node: NodeJson): string {
  if (node.text !== undefined) return node.text;
  if (node.type === 'hard_break') return '\n';
  return (node.content ?? []).map(textOf).join('');
}

function collect(node: NodeJson, out: OutBlock[]): void {
  if (['title', 'byline', 'heading', 'paragraph'].includes(node.type)) {
    const block: OutBlock = { kind: node.type, text: textOf(node) };
    if (node.type === 'heading') block.level = node.attrs?.level as number;
    out.push(block);
    return;
  }
  for (const child of node.content ?? []) collect(child, out);
}

/** The blocks and notes of a reading. */
export function readingBlocks(doc: NodeJson): Reading {
  const top = doc.content ?? [];
  const notesAt = top.findIndex((n, i) => n.type === 'heading' && textOf(n) === 'Notes' && i === top.length - 2 && top[i + 1]!.type === 'ordered_list');
  const body = notesAt < 0 ? top : top.slice(0, notesAt);
  const blocks: OutBlock[] = [];
  for (const n of body) collect(n, blocks);
  const notes = notesAt < 0 ? [] : (top[notesAt + 1]!.content ?? []).map(textOf);
  return { blocks, notes };
}
