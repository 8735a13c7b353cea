// Writes a reading as Markdown: `#` for the title, `##`… for headings, one paragraph per
// block, `>` for block quotes, footnote markers as `[^N]`. Used by `crux convert`.
import type { Mark, Node as PMNode } from 'prosemirror-model';
import { isSafeHref } from '../schema/safe-href';

/** Serialises a reading to Markdown. */
export function toMarkdown(doc: PMNode): string {
  const out: string[] = [];
  doc.forEach((node) => out.push(block(node, '')));
  return out.join('\n\n').replace(/\n{3,}/g, '\n\n') + '\n';
}

/** One block, each line prefixed (for quotes and list items). */
function block(node: PMNode, prefix: string): string {
  switch (node.type.name) {
    case 'title':
      return `${prefix}# ${inline(node, false)}`;
    case 'byline':
      return `${prefix}*${inline(node)}*`;
    case 'heading':
      return `${prefix}${'#'.repeat(Math.min(6, (node.attrs.level as number) + 1))} ${inline(node, false)}`;
    case 'blockquote': {
      const parts: string[] = [];
      node.forEach((child) => parts.push(block(child, `${prefix}> `)));
      return parts.join(`\n${prefix}>\n`);
    }
    case 'bullet_list':
    case 'ordered_list': {
      const items: string[] = [];
      let n = (node.attrs.order as number | undefined) ?? 1;
      node.forEach((item) => {
        const marker = node.type.name === 'bullet_list' ? '- ' : `${n++}. `;
        const inner: string[] = [];
        item.forEach((child) => inner.push(block(child, '')));
        const indent = ' '.repeat(marker.length);
        const text = inner.join('\n\n').split('\n').map((line, i) => (i === 0 ? marker : line ? indent : '') + line);
        items.push(text.map((line) => prefix + line).join('\n'));
      });
      return items.join('\n');
    }
    default:
      return `${prefix}${inline(node)}`;
  }
}

/**
 * The inline content of a text block, with marks and footnote markers. `atLineStart`:
 * the text opens a Markdown line, where "1. " or "- " would start a list (not so after
 * a heading's "## ").
 */
function inline(node: PMNode, atLineStart = true): string {
  let out = '';
  node.forEach((child, _offset, index) => {
    if (child.type.name === 'footnote') out += `[^${child.attrs.label as string}]`;
    else if (child.type.name === 'hard_break') out += '  \n';
    else if (child.isText) out += withMarks(escape(child.text ?? '', atLineStart && index === 0), child.marks);
  });
  return out;
}

/** Wraps text in the Markdown of its marks. */
function withMarks(text: string, marks: readonly Mark[]): string {
  let t = text;
  for (const mark of marks) {
    if (mark.type.name === 'em') t = `*${t}*`;
    else if (mark.type.name === 'strong') t = `**${t}**`;
    else if (mark.type.name === 'code') t = `\`${t.replace(/\\([\\`*_[\]#<>])/g, '$1')}\``;
    else if (mark.type.name === 'link' && isSafeHref(mark.attrs.href)) t = `[${t}](${mark.attrs.href})`;
  }
  return t;
}

/** Escapes characters that would start Markdown syntax; at a line start, block markers too. */
function escape(text: string, atLineStart: boolean): string {
  const inlineSafe = text.replace(/([\\`*_[\]<>])/g, '\\$1');
  if (!atLineStart) return inlineSafe;
  // "1. " escapes as "1\. ": a backslash before the digits would stay in the text.
  return inlineSafe.replace(/^(\d+)([.)]\s)/, '$1\\$2').replace(/^(#{1,6}\s|>|[-+]\s)/, '\\$1');
}
