// HTML importer: sanitises a page (html-sanitize.ts), parses what is left with
// htmlparser2 and walks it into a Crux reading — title, headings, paragraphs, quotes,
// lists, em/strong/code/links and footnote references — with white space collapsed as
// a browser collapses it. Word documents (via mammoth) and raw HTML inside Markdown
// come through here too, so one sanitiser guards every format.
import type { Mark, Node as PMNode } from 'prosemirror-model';
import { isTag, isText, type ChildNode as DomNode, type Element as DomElement } from 'domhandler';
import { DomUtils, Parser, parseDocument } from 'htmlparser2';
import { schema } from '../schema';
import { DocBuilder } from './doc-builder';
import { noTextError, tooComplexError } from './errors';
import { sanitizeImportedHtml } from './html-sanitize';
import { isExternalHref } from '../schema/safe-href';

/** A finished HTML import. */
export interface HtmlImport {
  /** The reading. */
  doc: PMNode;
  /** What was left out, in plain words. */
  warnings: string[];
}

/** In-page targets that are footnotes or endnotes in common HTML producers. */
const noteTarget = /^#(fn|footnote|endnote|cite_note|note|_ftn|_edn|ftn|edn)[-_:]?\w/i;
/** In-page targets that lead back from a note to its reference. */
const noteBackTarget = /^#(fnref|footnote-ref|endnote-ref|cite_ref|_ftnref|_ednref|ftnref|ednref)/i;
/** What a footnote reference's text looks like once brackets are stripped. */
const noteLabel = /^(\d{1,4}|[a-z]|[ivxlc]{1,6}|[*†‡§¶]{1,3})$/i;

const blockTags = new Set([
  'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'figure', 'figcaption',
  'dl', 'dt', 'dd', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'caption', 'hr',
]);
const emTags = new Set(['em', 'i', 'cite', 'dfn']);
const strongTags = new Set(['strong', 'b']);
const codeTags = new Set(['code', 'kbd', 'samp', 'tt']);

/** Reads an HTML page (already decoded to a string) into a reading. */
export function importHtml(html: string, name: string): HtmlImport {
  const builder = new DocBuilder();
  const walker = new HtmlWalker(builder, name);
  walker.append(html);
  const doc = builder.finish(walker.pageTitle);
  if (!doc) throw noTextError(name, 'html');
  return { doc, warnings: walker.warnings() };
}

/** Deepest element nesting read (real articles stay far below 50). */
export const MAX_HTML_NESTING = 500;

/** How deeply `html`'s elements nest, counting up to just past `limit` (then it stops reading). */
function nestingDepth(html: string, limit: number): number {
  let depth = 0;
  let deepest = 0;
  const parser = new Parser(
    {
      onopentag() {
        depth++;
        if (depth > deepest) deepest = depth;
        if (deepest > limit) parser.reset();
      },
      onclosetag() {
        depth--;
      },
    },
    { decodeEntities: false, lowerCaseTags: true },
  );
  parser.end(html);
  return deepest;
}

/** Walks sanitised HTML into a DocBuilder; Markdown uses it for its raw HTML blocks. */
export class HtmlWalker {
  /** The text of the page's <title>, if it had one. */
  pageTitle: string | null = null;
  private images = 0;
  private tables = 0;
  private listDepth = 0;
  /** Depth of <pre> elements: inside one, white space is kept. */
  private inPre = 0;
  /** How deep the walk is in the element tree. */
  private depth = 0;

  /** `name` is the file's name, for the message if it cannot be read. */
  constructor(
    private readonly builder: DocBuilder,
    private readonly name: string,
  ) {}

  /** Sanitises an HTML string and adds what it holds to the reading. */
  append(html: string): void {
    // Sanitising and walking both slow down sharply with depth: measure it first, in one pass.
    if (nestingDepth(html, MAX_HTML_NESTING) > MAX_HTML_NESTING) this.tooDeep();
    const { html: clean, images } = sanitizeImportedHtml(html);
    this.images += images;
    const dom = parseDocument(clean, { decodeEntities: true, lowerCaseTags: true });
    this.children(dom.children);
  }

  /** Records an image or table that the reading leaves out or flattens. */
  noteLeftOut(kind: 'image' | 'table'): void {
    if (kind === 'image') this.images++;
    else this.tables++;
  }

  /** Plain-words notes on what the reading leaves out. */
  warnings(): string[] {
    const out: string[] = [];
    if (this.images) {
      out.push(`${this.images === 1 ? '1 image was' : `${this.images} images were`} left out: Crux shows the text only.`);
    }
    if (this.tables) {
      out.push(`${this.tables === 1 ? '1 table was' : `${this.tables} tables were`} turned into plain paragraphs, one per cell.`);
    }
    return out;
  }

  private tooDeep(): never {
    throw tooComplexError(this.name, `its elements are nested more than ${MAX_HTML_NESTING} levels deep`, `at most ${MAX_HTML_NESTING} levels`);
  }

  private children(nodes: DomNode[]): void {
    // The walk recurses per level: a file of elements nested tens of thousands deep would
    // overflow the stack half-way, so it is refused before that, with a reason.
    if (this.depth >= MAX_HTML_NESTING) this.tooDeep();
    this.depth++;
    try {
      for (const node of nodes) this.node(node);
    } finally {
      this.depth--;
    }
  }

  private node(node: DomNode): void {
    if (isText(node)) {
      this.builder.text(node.data, this.inPre > 0);
      return;
    }
    if (isTag(node)) this.element(node);
  }

  private element(el: DomElement): void {
    const b = this.builder;
    const tag = el.name;
    if (tag === 'title') {
      this.pageTitle ??= DomUtils.textContent(el).replace(/\s+/g, ' ').trim() || null;
      return;
    }
    const heading = /^h([1-6])$/.exec(tag);
    if (heading) {
      const level = Number(heading[1]);
      if (level === 1 && b.isEmpty()) b.openBlock('title');
      else b.openBlock('heading', { level: Math.max(1, level - 1) });
      this.children(el.children);
      b.closeBlock();
      return;
    }
    switch (tag) {
      case 'p':
        b.openBlock('paragraph');
        this.children(el.children);
        b.closeBlock();
        return;
      case 'td':
      case 'th':
        b.openBlock('paragraph');
        this.children(el.children);
        b.closeBlock();
        return;
      case 'pre': {
        // As in a browser, a line break right after <pre> is not part of the text.
        const first = el.children[0];
        if (first && isText(first)) first.data = first.data.replace(/^\r?\n/, '');
        b.openBlock('paragraph');
        this.inPre++;
        this.withMark(schema.mark('code'), el);
        this.inPre--;
        b.closeBlock();
        return;
      }
      case 'br':
        b.hardBreak();
        return;
      case 'blockquote':
        b.openContainer('blockquote');
        this.children(el.children);
        b.closeContainer('blockquote');
        return;
      case 'ul':
      case 'ol':
        this.list(el);
        return;
      case 'li':
        this.listItem(el);
        return;
      case 'sup':
        this.sup(el);
        return;
      case 'a':
        this.anchor(el);
        return;
    }
    if (emTags.has(tag)) return this.withMark(schema.mark('em'), el);
    if (strongTags.has(tag)) return this.withMark(schema.mark('strong'), el);
    if (codeTags.has(tag)) return this.withMark(schema.mark('code'), el);
    if (blockTags.has(tag)) {
      if (tag === 'table') this.tables++;
      if (this.isNoteSection(el)) this.builder.notesHeading();
      b.closeBlock();
      this.children(el.children);
      b.closeBlock();
      return;
    }
    // span, sub and anything else inline: its text, no formatting.
    this.children(el.children);
  }

  private list(el: DomElement): void {
    const b = this.builder;
    const ordered = el.name === 'ol';
    if (ordered && this.isNoteList(el)) this.builder.notesHeading();
    const start = Number.parseInt(el.attribs.start ?? '1', 10);
    const type = ordered ? 'ordered_list' : 'bullet_list';
    b.openContainer(type, ordered ? { order: Number.isFinite(start) ? start : 1 } : null);
    this.listDepth++;
    this.children(el.children);
    this.listDepth--;
    b.closeContainer(type);
  }

  private listItem(el: DomElement): void {
    const b = this.builder;
    // A stray <li> outside any list reads as a paragraph.
    if (this.listDepth === 0) {
      b.openBlock('paragraph');
      this.children(el.children);
      b.closeBlock();
      return;
    }
    b.openContainer('list_item');
    this.children(el.children);
    b.closeContainer('list_item');
  }

  private sup(el: DomElement): void {
    const label = this.labelOf(el);
    const link = DomUtils.findOne((n) => n.name === 'a', el.children);
    const href = link?.attribs.href ?? '';
    if (label && (/^\d+$/.test(label) || href.startsWith('#'))) {
      this.builder.footnote(label);
      return;
    }
    this.children(el.children);
  }

  private anchor(el: DomElement): void {
    const href = (el.attribs.href ?? '').trim();
    const role = el.attribs.role ?? '';
    const cls = el.attribs.class ?? '';
    if (noteBackTarget.test(href) || role === 'doc-backlink' || /footnote-back/.test(cls)) {
      // A note's link back to its reference: an arrow is dropped, a number stays as text.
      const text = DomUtils.textContent(el).trim();
      if (/[\p{L}\p{N}]/u.test(text)) this.builder.text(`${text} `);
      return;
    }
    const label = this.labelOf(el);
    if (label && (noteTarget.test(href) || role === 'doc-noteref' || /footnote-ref/.test(cls))) {
      this.builder.footnote(label);
      return;
    }
    if (isExternalHref(href)) return this.withMark(schema.mark('link', { href }), el);
    this.children(el.children);
  }

  /** The label of a would-be footnote reference ("[3]" → "3"), or null. */
  private labelOf(el: DomElement): string | null {
    const text = DomUtils.textContent(el).trim().replace(/^\[(.*)\]$/, '$1').trim();
    return noteLabel.test(text) ? text : null;
  }

  private isNoteList(el: DomElement): boolean {
    return el.children.some((c) => isTag(c) && c.name === 'li' && /^(fn|footnote|endnote|cite_note|note|_ftn|_edn|ftn|edn)[-_:]?\w/i.test(c.attribs.id ?? ''));
  }

  private isNoteSection(el: DomElement): boolean {
    const cls = el.attribs.class ?? '';
    const role = el.attribs.role ?? '';
    return /\b(footnotes|endnotes)\b/i.test(cls) || role === 'doc-endnotes' || role === 'doc-footnotes';
  }

  private withMark(mark: Mark, el: DomElement): void {
    const before = this.builder.currentMarks();
    this.builder.setMarks(mark.addToSet(before));
    this.children(el.children);
    this.builder.setMarks(before);
  }
}
