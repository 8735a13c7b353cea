// Markdown importer: markdown-it (with its footnote plugin) parses the text into tokens,
// which are walked into a Crux reading. A leading `#` heading is the title. Raw HTML is
// never passed through: HTML blocks go through the HTML importer's sanitiser, inline tags
// are read for emphasis, line breaks and footnote numbers only, and script-like tags
// are dropped with their content.
import MarkdownIt, { type Token } from 'markdown-it';
import footnotePlugin from 'markdown-it-footnote';
import type { Mark, Node as PMNode } from 'prosemirror-model';
import { schema } from '../schema';
import { DocBuilder } from './doc-builder';
import { noTextError, tooComplexError } from './errors';
import { HtmlWalker } from './html';
import { isExternalHref } from '../schema/safe-href';


/** A finished Markdown import. */
export interface MarkdownImport {
  /** The reading. */
  doc: PMNode;
  /** What was left out, in plain words. */
  warnings: string[];
}

const parser = new MarkdownIt({ html: true, linkify: false, typographer: false }).use(footnotePlugin);
// markdown-it leaves a link with a refused URL as its raw `[text](url)` source; accept
// every URL at parse time instead, so such a link keeps its text and `safeHref` below
// drops the link itself.
parser.validateLink = () => true;

/** Inline HTML tags whose content is dropped along with them. */
const droppedInline = /^(script|style|iframe|object|embed|noscript|template|svg|math|textarea|select|button)$/;
const inlineMarks: Record<string, string> = { em: 'em', i: 'em', cite: 'em', strong: 'strong', b: 'strong', code: 'code' };

/** Reads Markdown text into a reading. */
export function importMarkdown(text: string, name: string): MarkdownImport {
  const { body, title } = splitFrontMatter(text);
  const footnotes = countFootnoteMarks(body);
  if (footnotes > MAX_MARKDOWN_FOOTNOTES) {
    throw tooComplexError(name, `it has ${footnotes.toLocaleString('en')} footnotes`, `up to ${MAX_MARKDOWN_FOOTNOTES.toLocaleString('en')} footnotes`);
  }
  const builder = new DocBuilder();
  const walker = new MarkdownWalker(builder, name);
  walker.blocks(parser.parse(body, {}));
  const doc = builder.finish(title ?? walker.html.pageTitle);
  if (!doc) throw noTextError(name, 'md');
  return { doc, warnings: walker.html.warnings() };
}

/**
 * Most footnotes a Markdown file may have. markdown-it-footnote appends each note's tokens
 * to the whole token list in turn, so its time grows with the square of the count: 3,000
 * notes take a second or two, 100,000 would take many minutes.
 */
export const MAX_MARKDOWN_FOOTNOTES = 3000;

/** Footnote references and inline notes (`[^x]` not followed by `:`, and `^[…]`), counted without parsing. */
function countFootnoteMarks(text: string): number {
  const marks = /\[\^[^\]\n]{0,200}\](?!:)|\^\[/g;
  let count = 0;
  while (marks.exec(text)) count++;
  return count;
}

/** Removes YAML front matter (`---` … `---` at the top), keeping its `title:` if any. */
function splitFrontMatter(text: string): { body: string; title: string | null } {
  const m = /^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(text);
  if (!m) return { body: text, title: null };
  const t = /^title:[ \t]*(.+)$/m.exec(m[1]!)?.[1]?.trim().replace(/^(["'])(.*)\1$/, '$2');
  return { body: text.slice(m[0].length), title: t || null };
}

class MarkdownWalker {
  readonly html: HtmlWalker;

  constructor(
    private readonly builder: DocBuilder,
    name: string,
  ) {
    this.html = new HtmlWalker(builder, name);
  }

  blocks(tokens: Token[]): void {
    const b = this.builder;
    for (const t of tokens) {
      switch (t.type) {
        case 'heading_open': {
          const level = Number(t.tag.slice(1));
          if (level === 1 && b.isEmpty()) b.openBlock('title');
          else b.openBlock('heading', { level: Math.max(1, level - 1) });
          break;
        }
        case 'paragraph_open':
        case 'th_open':
        case 'td_open':
          b.openBlock('paragraph');
          break;
        case 'heading_close':
        case 'paragraph_close':
        case 'th_close':
        case 'td_close':
        case 'hr':
          b.closeBlock();
          break;
        case 'inline':
          this.inline(t.children ?? []);
          break;
        case 'blockquote_open':
          b.openContainer('blockquote');
          break;
        case 'blockquote_close':
          b.closeContainer('blockquote');
          break;
        case 'bullet_list_open':
          b.openContainer('bullet_list');
          break;
        case 'bullet_list_close':
          b.closeContainer('bullet_list');
          break;
        case 'ordered_list_open':
          b.openContainer('ordered_list', { order: Number(t.attrGet('start') ?? 1) || 1 });
          break;
        case 'ordered_list_close':
        case 'footnote_block_close':
          b.closeContainer('ordered_list');
          break;
        case 'list_item_open':
        case 'footnote_open':
          b.openContainer('list_item');
          break;
        case 'list_item_close':
        case 'footnote_close':
          b.closeContainer('list_item');
          break;
        case 'footnote_block_open':
          b.notesHeading();
          b.openContainer('ordered_list', { order: 1 });
          break;
        case 'fence':
        case 'code_block':
          b.openBlock('paragraph');
          b.setMarks([schema.mark('code')]);
          b.text(t.content.replace(/\n$/, ''), true);
          b.setMarks([]);
          b.closeBlock();
          break;
        case 'html_block':
          this.html.append(t.content);
          break;
        case 'table_open':
          this.html.noteLeftOut('table');
          break;
      }
    }
  }

  private inline(tokens: Token[]): void {
    const b = this.builder;
    // Marks opened by unbalanced inline HTML end with their paragraph.
    const marksBefore = b.currentMarks();
    let dropping = 0;
    let sup: string | null = null;
    for (const t of tokens) {
      if (t.type === 'html_inline') {
        const tag = /^<(\/?)([a-zA-Z][\w-]*)/.exec(t.content);
        if (!tag) continue;
        const closing = tag[1] === '/';
        const name = tag[2]!.toLowerCase();
        if (droppedInline.test(name)) dropping = Math.max(0, dropping + (closing ? -1 : 1));
        else if (dropping) continue;
        else if (name === 'br' && !closing) b.hardBreak();
        else if (name === 'img' && !closing) this.html.noteLeftOut('image');
        else if (name === 'sup') {
          if (!closing) sup = '';
          else if (sup !== null) {
            this.endSup(sup);
            sup = null;
          }
        } else if (inlineMarks[name]) this.toggle(schema.mark(inlineMarks[name]), !closing);
        continue;
      }
      if (dropping) continue;
      if (sup !== null && t.type === 'text') {
        sup += t.content;
        continue;
      }
      switch (t.type) {
        case 'text':
          b.text(t.content);
          break;
        case 'softbreak':
          b.text('\n');
          break;
        case 'hardbreak':
          b.hardBreak();
          break;
        case 'code_inline':
          this.toggle(schema.mark('code'), true);
          b.text(t.content);
          this.toggle(schema.mark('code'), false);
          break;
        case 'em_open':
        case 'strong_open':
          this.toggle(schema.mark(t.type === 'em_open' ? 'em' : 'strong'), true);
          break;
        case 'em_close':
        case 'strong_close':
          this.toggle(schema.mark(t.type === 'em_close' ? 'em' : 'strong'), false);
          break;
        case 'link_open': {
          const href = String(t.attrGet('href') ?? '');
          if (isExternalHref(href)) this.toggle(schema.mark('link', { href }), true);
          break;
        }
        case 'link_close':
          this.toggle(schema.mark('link', { href: '' }), false);
          break;
        case 'image':
          this.html.noteLeftOut('image');
          break;
        case 'footnote_ref':
          b.footnote(String(((t.meta as { id: number }).id ?? 0) + 1));
          break;
      }
    }
    if (sup !== null) b.text(sup);
    b.setMarks(marksBefore);
  }

  /** A `<sup>` written as HTML in Markdown: a number is a footnote, anything else text. */
  private endSup(text: string): void {
    const label = text.trim().replace(/^\[(.*)\]$/, '$1');
    if (/^\d{1,4}$/.test(label)) this.builder.footnote(label);
    else this.builder.text(text);
  }

  /** Adds a mark to, or removes its type from, the marks of new text. */
  private toggle(mark: Mark, on: boolean): void {
    const current = this.builder.currentMarks();
    this.builder.setMarks(on ? mark.addToSet(current) : mark.type.removeFromSet(current));
  }
}
