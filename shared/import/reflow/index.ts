// Reflow of plain text — typically text extracted from a PDF — into a Crux reading:
// hard-wrapped lines join into paragraphs, hyphenation across lines is undone, page
// debris goes, the title, byline, headings and block quotes are recognised, footnote
// numbers become footnote markers and words the extraction glued together are split.
import type { Node as PMNode } from 'prosemirror-model';
import { schema } from '../../schema';
import { toBlocks, type BlockKind, type LineBlock } from './blocks';
import { englishDictionary, type Dictionary } from './dictionary';
import { FootnoteSequence, type NoteMark } from './footnotes';
import { rejoinSpacedHyphens } from './broken-hyphen';
import { splitGluedWords } from './glue';
import { collectHyphenEvidence, joinLines } from './join';
import { normaliseText, toLines } from './lines';
import { readPages } from './pages';
import { Vocabulary } from './vocabulary';

export type { Dictionary } from './dictionary';
export type { BlockKind, LineBlock } from './blocks';

/** A reflowed block: its kind, its clean text and where its footnote markers sit. */
export interface ReflowedBlock {
  kind: BlockKind;
  /** Heading level, for headings. */
  level?: number;
  /** The block's text, footnote numbers removed. */
  text: string;
  /** Footnote markers, by offset into `text` (a marker sits before the character at `index`). */
  notes: NoteMark[];
}

/** Options of a reflow. */
export interface ReflowOptions {
  /** The word list to consult (default: English, American and British spelling). */
  dictionary?: Dictionary;
  /** Whether to look for footnote numbers in the text (default true; the PDF path knows them from the layout). */
  findNotes?: boolean;
}

/** A footnote text found at a page's foot: its number as printed and its clean text. */
export interface ReflowedNote {
  label: string;
  text: string;
}

/** Reflows text into blocks of clean text. */
export function reflowBlocks(text: string, options: ReflowOptions = {}): ReflowedBlock[] {
  return reflowReading(text, options).blocks;
}

/** Reflows text into blocks of clean text and the footnote texts taken from its page feet. */
export function reflowReading(text: string, options: ReflowOptions = {}): { blocks: ReflowedBlock[]; notes: ReflowedNote[] } {
  const pages = readPages(normaliseText(text));
  const lines = toLines(pages.text);
  const noteLines = pages.notes.flatMap((n) => n.lines);
  const allLines = [...lines.map((l) => l.text), ...noteLines];
  const blocks = reflowLineBlocks(toBlocks(lines), options, allLines);
  const dict = options.dictionary ?? englishDictionary();
  const evidence = collectHyphenEvidence(allLines);
  const notes = pages.notes.map((n) => ({ label: n.label, text: joinLines(n.lines, dict, evidence) }));
  return { blocks, notes };
}

/**
 * Reflows blocks whose lines are already grouped (the PDF path groups them by the page
 * layout): lines joined, hyphenation undone, glued words split, footnote numbers found.
 * `allLines` are the lines whose hyphenated words count as evidence (default: the blocks').
 */
export function reflowLineBlocks(blocks: LineBlock[], options: ReflowOptions = {}, allLines = blocks.flatMap((b) => b.lines)): ReflowedBlock[] {
  const dict = options.dictionary ?? englishDictionary();
  const evidence = collectHyphenEvidence(allLines);
  const joined = blocks.map((b) => ({ ...b, text: joinLines(b.lines, dict, evidence) }));
  const vocabulary = new Vocabulary(joined.map((b) => b.text));
  const notes = new FootnoteSequence();
  const splits = new Map<string, string>();
  return joined.map((b) => {
    if (b.kind === 'code') return { kind: b.kind, text: b.lines.join('\n'), notes: [] };
    const rejoined = rejoinSpacedHyphens(b.text, dict, vocabulary);
    const clean = b.kind === 'title' || b.kind === 'byline' ? rejoined : splitGluedWords(rejoined, dict, vocabulary, splits);
    const marks = b.kind === 'heading' || b.kind === 'title' || b.kind === 'byline' || options.findNotes === false ? [] : notes.find(clean);
    let out = '';
    let at = 0;
    const placed: NoteMark[] = [];
    for (const m of marks) {
      out += clean.slice(at, m.index);
      placed.push({ index: out.length, label: m.label });
      at = m.index + m.label.length;
    }
    out += clean.slice(at);
    const block: ReflowedBlock = { kind: b.kind, text: out, notes: placed };
    if (b.level !== undefined) block.level = b.level;
    return block;
  });
}

/** Reflows text into a reading in Crux's schema. */
export function reflowText(text: string, options: ReflowOptions = {}): PMNode {
  const { blocks, notes } = reflowReading(text, options);
  const content: PMNode[] = [];
  let quote: PMNode[] = [];
  const flushQuote = () => {
    if (quote.length) content.push(schema.node('blockquote', null, quote));
    quote = [];
  };
  for (const b of blocks) {
    const inline = inlineContent(b);
    if (b.kind === 'blockquote') {
      quote.push(schema.node('paragraph', null, inline));
      continue;
    }
    flushQuote();
    if (b.kind === 'code') content.push(codeParagraph(b.text));
    else if (b.kind === 'heading') content.push(schema.node('heading', { level: b.level ?? 1 }, inline));
    else content.push(schema.node(b.kind, null, inline));
  }
  flushQuote();
  if (notes.length) content.push(...notesList(notes));
  if (!content.some((n) => n.type.spec.group === 'block')) content.push(schema.node('paragraph'));
  return schema.node('doc', null, content);
}

/** The inline nodes of a block: text with footnote atoms at their offsets. */
export function inlineContent(block: ReflowedBlock): PMNode[] {
  const nodes: PMNode[] = [];
  let at = 0;
  for (const n of block.notes) {
    if (n.index > at) nodes.push(schema.text(block.text.slice(at, n.index)));
    nodes.push(schema.node('footnote', { label: n.label }));
    at = n.index;
  }
  if (at < block.text.length) nodes.push(schema.text(block.text.slice(at)));
  return nodes;
}

/** A block of code: one paragraph in code type, its lines apart by hard breaks. */
function codeParagraph(text: string): PMNode {
  const code = schema.mark('code');
  const inline: PMNode[] = [];
  text.split('\n').forEach((line, i) => {
    if (i > 0) inline.push(schema.node('hard_break'));
    if (line) inline.push(schema.text(line, [code]));
  });
  return schema.node('paragraph', null, inline);
}

/** The footnote texts, in order, as a numbered list under a "Notes" heading. */
function notesList(notes: ReflowedNote[]): PMNode[] {
  const items = notes.map((n) => schema.node('list_item', null, [schema.node('paragraph', null, n.text ? [schema.text(n.text)] : [])]));
  return [schema.node('heading', { level: 1 }, schema.text('Notes')), schema.node('ordered_list', { order: Number(notes[0]!.label) || 1 }, items)];
}
