// The ProseMirror schema of a Crux reading: the typeset article every other part
// (highlights, anchors, the map) points into. Importers of every format produce it.
import { Schema, type NodeSpec, type MarkSpec } from 'prosemirror-model';
import { isSafeHref } from './safe-href';

/** Block and inline node types of a reading. */
const nodes: Record<string, NodeSpec> = {
  doc: { content: 'title? byline* block+' },
  /** The article's title, once, at the top. */
  title: {
    content: 'inline*',
    defining: true,
    parseDOM: [{ tag: 'h1.crux-title' }],
    toDOM: () => ['h1', { class: 'crux-title' }, 0],
  },
  /** Author, affiliation and similar front matter lines under the title. */
  byline: {
    content: 'inline*',
    parseDOM: [{ tag: 'p.crux-byline' }],
    toDOM: () => ['p', { class: 'crux-byline' }, 0],
  },
  paragraph: {
    group: 'block',
    content: 'inline*',
    parseDOM: [{ tag: 'p' }],
    toDOM: () => ['p', 0],
  },
  /** A section heading; level 1 is a top-level section (the title is not a heading). */
  heading: {
    group: 'block',
    attrs: { level: { default: 1, validate: 'number' } },
    content: 'inline*',
    defining: true,
    parseDOM: [1, 2, 3, 4, 5, 6].map((level) => ({ tag: `h${level + 1}`, attrs: { level } })),
    toDOM: (node) => [`h${Math.min(6, (node.attrs.level as number) + 1)}`, 0],
  },
  blockquote: {
    group: 'block',
    content: 'paragraph+',
    defining: true,
    parseDOM: [{ tag: 'blockquote' }],
    toDOM: () => ['blockquote', 0],
  },
  bullet_list: {
    group: 'block',
    content: 'list_item+',
    parseDOM: [{ tag: 'ul' }],
    toDOM: () => ['ul', 0],
  },
  ordered_list: {
    group: 'block',
    content: 'list_item+',
    attrs: { order: { default: 1, validate: 'number' } },
    parseDOM: [{ tag: 'ol', getAttrs: (dom) => ({ order: Number((dom as { getAttribute(n: string): string | null }).getAttribute('start') ?? 1) || 1 }) }],
    toDOM: (node) => ['ol', node.attrs.order === 1 ? {} : { start: node.attrs.order as number }, 0],
  },
  list_item: {
    content: 'paragraph block*',
    defining: true,
    parseDOM: [{ tag: 'li' }],
    toDOM: () => ['li', 0],
  },
  /** A footnote reference: the superscript number the source glued to a word. */
  footnote: {
    group: 'inline',
    inline: true,
    atom: true,
    selectable: false,
    attrs: { label: { validate: 'string' } },
    parseDOM: [
      {
        tag: 'sup.crux-footnote',
        getAttrs: (dom) => ({ label: (dom as { textContent: string | null }).textContent ?? '' }),
      },
    ],
    toDOM: (node) => ['sup', { class: 'crux-footnote', 'data-footnote': node.attrs.label as string }, node.attrs.label as string],
    leafText: () => '',
  },
  hard_break: {
    group: 'inline',
    inline: true,
    selectable: false,
    parseDOM: [{ tag: 'br' }],
    toDOM: () => ['br'],
    leafText: () => '\n',
  },
  text: { group: 'inline' },
};

/** Inline marks a reading keeps from its source. */
const marks: Record<string, MarkSpec> = {
  em: {
    parseDOM: [{ tag: 'i' }, { tag: 'em' }, { style: 'font-style=italic' }],
    toDOM: () => ['em', 0],
  },
  strong: {
    parseDOM: [{ tag: 'strong' }, { tag: 'b' }, { style: 'font-weight=bold' }],
    toDOM: () => ['strong', 0],
  },
  code: {
    parseDOM: [{ tag: 'code' }],
    toDOM: () => ['code', 0],
  },
  link: {
    attrs: { href: { validate: 'string' }, title: { default: null } },
    inclusive: false,
    parseDOM: [
      {
        tag: 'a[href]',
        getAttrs: (dom) => {
          const el = dom as { getAttribute(n: string): string | null };
          const href = el.getAttribute('href') ?? '';
          // An unsafe target (javascript:, data:…) is not a link: its text stays as text.
          return isSafeHref(href) ? { href, title: el.getAttribute('title') } : false;
        },
      },
    ],
    // A mark can also arrive from a peer through Yjs, where no parse rule runs: one whose
    // target is unsafe is drawn as plain text, never as an <a>.
    toDOM: (mark) =>
      isSafeHref(mark.attrs.href)
        ? ['a', { href: mark.attrs.href, title: mark.attrs.title as string | null, rel: 'noopener noreferrer' }, 0]
        : ['span', { class: 'crux-refused-link' }, 0],
  },
};

/** The one schema of every Crux reading. */
export const schema = new Schema({ nodes, marks });
