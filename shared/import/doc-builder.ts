// Builds a Crux reading from a stream of "open block / text / close block" calls, the
// common target of the Markdown and HTML importers. It shields them from the schema's
// rules: whitespace collapses as a browser does, stray inline text gets a paragraph,
// blockquotes (paragraphs only in Crux) flatten what they hold, list items start with a
// paragraph, the title can only come first, and empty blocks disappear.
import type { Mark, Node as PMNode } from 'prosemirror-model';
import { schema } from '../schema';

/** Text blocks the importers open. */
export type TextBlockType = 'title' | 'heading' | 'paragraph';

/** Containers the importers open. */
export type ContainerType = 'blockquote' | 'bullet_list' | 'ordered_list' | 'list_item';

interface Container {
  type: ContainerType | 'doc';
  attrs: Record<string, unknown> | null;
  children: PMNode[];
  /** A container opened inside a blockquote: it contributes its paragraphs only. */
  transparent: boolean;
}

interface TextBlock {
  type: TextBlockType;
  attrs: Record<string, unknown> | null;
  inline: PMNode[];
  /** Whether the text so far ends in collapsible white space (or nothing at all). */
  atSpace: boolean;
}

const collapsible = /[ \t\n\r\f]+/g;

/** Accumulates a reading block by block; `finish()` returns the document. */
export class DocBuilder {
  private readonly stack: Container[] = [{ type: 'doc', attrs: null, children: [], transparent: false }];
  private block: TextBlock | null = null;
  private marks: readonly Mark[] = [];
  private hasTitle = false;
  private started = false;
  private notesStarted = false;

  /** Opens a text block, closing any open one. A late or second title becomes a heading. */
  openBlock(type: TextBlockType, attrs: Record<string, unknown> | null = null): void {
    this.closeBlock();
    let t = type;
    let a = attrs;
    if (t === 'title' && (this.hasTitle || this.started || this.stack.length > 1)) {
      t = 'heading';
      a = { level: 1 };
    }
    // Crux's blockquotes hold paragraphs only, so a heading quoted in one is a paragraph.
    if (t === 'heading' && this.inQuote()) {
      t = 'paragraph';
      a = null;
    }
    this.block = { type: t, attrs: a, inline: [], atSpace: true };
  }

  /** Closes the open text block, if any; an empty one is dropped. */
  closeBlock(): void {
    const block = this.block;
    if (!block) return;
    this.block = null;
    trimTrailingSpace(block.inline);
    if (block.inline.length === 0) return;
    const node = schema.node(block.type, block.attrs, block.inline);
    if (block.type === 'title') {
      this.hasTitle = true;
      this.stack[0]!.children.push(node);
      return;
    }
    this.started = true;
    this.top().children.push(node);
  }

  /** Opens a blockquote, list or list item, closing any open text block. */
  openContainer(type: ContainerType, attrs: Record<string, unknown> | null = null): void {
    this.closeBlock();
    this.stack.push({ type, attrs, children: [], transparent: this.inQuote() });
  }

  /** Closes the innermost open container of the given type (and anything open inside it). */
  closeContainer(type: ContainerType): void {
    this.closeBlock();
    if (!this.stack.some((c, i) => i > 0 && c.type === type)) return;
    for (;;) {
      const c = this.stack.pop()!;
      const node = this.containerNode(c);
      if (c.transparent) this.top().children.push(...c.children);
      else if (node) {
        this.started = true;
        this.top().children.push(node);
      }
      if (c.type === type) return;
    }
  }

  /** Adds text in the current marks. White space collapses unless `preserve` is set. */
  text(value: string, preserve = false): void {
    if (preserve) {
      const lines = value.split(/\r\n|\r|\n/);
      lines.forEach((line, i) => {
        if (i > 0) this.hardBreak();
        if (line) this.inline(schema.text(line, this.marks), false);
      });
      return;
    }
    let t = value.replace(collapsible, ' ');
    if (!this.block) {
      if (t === ' ' || t === '') return;
      this.openBlock('paragraph');
    }
    if (this.block!.atSpace && t.startsWith(' ')) t = t.slice(1);
    if (!t) return;
    this.inline(schema.text(t, this.marks), t.endsWith(' '));
  }

  /** Adds a footnote reference with the given label. */
  footnote(label: string): void {
    const clean = label.trim();
    if (!clean) return;
    if (!this.block) this.openBlock('paragraph');
    this.inline(schema.node('footnote', { label: clean }), false);
  }

  /** Adds a line break inside the current text block. */
  hardBreak(): void {
    if (!this.block) return;
    trimTrailingSpace(this.block.inline, false);
    this.inline(schema.node('hard_break'), true);
  }

  /** Replaces the marks applied to text added from now on. */
  setMarks(marks: readonly Mark[]): void {
    this.marks = marks;
  }

  /** The marks currently applied to new text. */
  currentMarks(): readonly Mark[] {
    return this.marks;
  }

  /** Whether the reading has no content so far (title included). */
  isEmpty(): boolean {
    return !this.hasTitle && !this.started && this.stack.length === 1 && !this.block?.inline.length;
  }

  /**
   * Starts the notes (footnote texts) of the reading with a "Notes" heading, once, unless
   * the source put a heading right before them.
   */
  notesHeading(): void {
    if (this.notesStarted) return;
    this.notesStarted = true;
    this.closeBlock();
    const siblings = this.top().children;
    if (siblings.length === 0 || siblings[siblings.length - 1]!.type.name === 'heading') return;
    this.openBlock('heading', { level: 1 });
    this.text('Notes');
    this.closeBlock();
  }

  /**
   * Closes everything still open and returns the document, or null if it has no text.
   * `fallbackTitle` (an HTML page's <title>) is used when no block became the title.
   */
  finish(fallbackTitle: string | null = null): PMNode | null {
    this.closeBlock();
    while (this.stack.length > 1) this.closeContainer(this.top().type as ContainerType);
    const children = this.stack[0]!.children;
    const body = children.filter((n) => n.type.name !== 'title');
    const title = children.filter((n) => n.type.name === 'title');
    if (body.length === 0 && title.length === 0) return null;
    if (title.length === 0 && fallbackTitle) title.push(schema.node('title', null, schema.text(fallbackTitle)));
    // The schema wants at least one block under the title.
    if (body.length === 0) body.push(schema.node('paragraph'));
    return schema.node('doc', null, [...title, ...body]);
  }

  private inline(node: PMNode, endsWithSpace: boolean): void {
    this.block!.inline.push(node);
    this.block!.atSpace = endsWithSpace;
  }

  private top(): Container {
    return this.stack[this.stack.length - 1]!;
  }

  private inQuote(): boolean {
    return this.stack.some((c) => c.type === 'blockquote');
  }

  private containerNode(c: Container): PMNode | null {
    if (c.transparent) return null;
    switch (c.type) {
      case 'blockquote': {
        // Anything but paragraphs was flattened on the way in.
        const paras = c.children.filter((n) => n.type.name === 'paragraph');
        return paras.length ? schema.node('blockquote', null, paras) : null;
      }
      case 'bullet_list':
      case 'ordered_list': {
        const items = c.children.filter((n) => n.type.name === 'list_item');
        return items.length ? schema.node(c.type, c.attrs, items) : null;
      }
      case 'list_item': {
        if (c.children.length === 0) return null;
        const content = c.children.filter((n) => n.type.name !== 'list_item');
        if (content[0]?.type.name !== 'paragraph') content.unshift(schema.node('paragraph'));
        return schema.node('list_item', null, content);
      }
      default:
        return null;
    }
  }
}

/** Drops white space (and, at a block's end, line breaks) that a browser would not show. */
function trimTrailingSpace(inline: PMNode[], breaksToo = true): void {
  for (;;) {
    const last = inline[inline.length - 1];
    if (!last) return;
    if (last.type.name === 'hard_break') {
      if (!breaksToo) return;
      inline.pop();
      continue;
    }
    if (!last.isText) return;
    const text = last.text!.replace(/ +$/, '');
    if (text === last.text) return;
    if (text) {
      inline[inline.length - 1] = last.type.schema.text(text, last.marks);
      return;
    }
    inline.pop();
  }
}
