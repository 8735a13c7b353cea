// The section outline of a reading: its title and headings with stable, readable ids
// ("sec-conclusions") that the reader puts on the elements and the outline links to.
import type { Node as PMNode } from 'prosemirror-model';

/** One line of the outline. */
export interface OutlineEntry {
  /** The element id of the title or heading in the reader. */
  id: string;
  /** 0 for the title, 1… for heading levels. */
  level: number;
  /** The text shown in the outline. */
  text: string;
  /** Document position just before the node. */
  pos: number;
}

/** The title and headings of `doc`, in order. Ids are unique within the document. */
export function outlineEntries(doc: PMNode): OutlineEntry[] {
  const entries: OutlineEntry[] = [];
  const used = new Map<string, number>();
  // Titles and headings are top-level blocks, so the top level is all we walk.
  doc.forEach((node, offset) => {
    const isTitle = node.type.name === 'title';
    if (!isTitle && node.type.name !== 'heading') return;
    const text = node.textContent.replace(/\s+/g, ' ').trim();
    const base = isTitle ? 'title' : `sec-${slugify(text) || 'section'}`;
    const seen = used.get(base) ?? 0;
    used.set(base, seen + 1);
    entries.push({
      id: seen === 0 ? base : `${base}-${seen + 1}`,
      level: isTitle ? 0 : (node.attrs.level as number),
      text: text || (isTitle ? 'Untitled' : 'Untitled section'),
      pos: offset,
    });
  });
  return entries;
}

/** Whether two outlines would show the same (same ids, levels and texts). */
export function sameOutline(a: readonly OutlineEntry[], b: readonly OutlineEntry[]): boolean {
  return a.length === b.length && a.every((e, i) => e.id === b[i]?.id && e.level === b[i]?.level && e.text === b[i]?.text);
}

/** "Trade talks in 1963: a setback" → "trade-talks-in-1963-a-setback". */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}
