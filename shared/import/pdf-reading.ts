// Makes the reading of a PDF from its pages' lines: furniture and footnote definitions
// taken off each page, blocks found by the layout (pdf-blocks.ts), text blocks reflowed
// (lines joined, hyphenation undone, glued words split, footnote markers found), code kept
// line by line in monospace, and the notes listed at the end under "Notes".
import type { Node as PMNode } from 'prosemirror-model';
import { schema } from '../schema';
import { pdfBlocks, type PdfBlock } from './pdf-blocks';
import { removeNumberedHeads } from './pdf-furniture';
import { measureBody, NOTE_MARK, removePageDebris, type PdfLine } from './pdf-layout';
import { splitPageNotes, type PdfNote } from './pdf-notes';
import { inlineContent, reflowLineBlocks, type LineBlock, type ReflowedBlock } from './reflow';
import { englishDictionary } from './reflow/dictionary';
import { collectHyphenEvidence, joinLines } from './reflow/join';

/** The reading of a PDF whose pages have been read into lines. */
export function pdfReading(pages: PdfLine[][]): PMNode {
  const debrisFree = removePageDebris(pages);
  const body = measureBody(debrisFree);
  const clean = removeNumberedHeads(debrisFree, body.leading);
  const notes: PdfNote[] = [];
  const bodyPages = clean.map((lines) => {
    const split = splitPageNotes(lines, body.size);
    notes.push(...split.notes);
    return split.body;
  });
  const blocks = pdfBlocks(bodyPages, body);
  const allLines = [...blocks.flatMap((b) => b.lines), ...notes.flatMap((n) => n.lines.map((l) => l.text))];
  const textBlocks = blocks.filter((b) => b.kind !== 'code' && b.kind !== 'math');
  // Raised footnote numbers were flagged by the layout; only without them does the reflow
  // look for footnote numbers in the text.
  const flagged = allLines.some((l) => l.includes(NOTE_MARK));
  const reflowed = reflowLineBlocks(textBlocks as LineBlock[], { findNotes: !flagged }, allLines).map(placeMarks);
  const content: PMNode[] = [];
  let k = 0;
  for (const b of blocks) {
    if (b.kind === 'code') content.push(codeBlock(b));
    else if (b.kind === 'math') content.push(schema.node('paragraph', null, schema.text(b.lines.join(' ').replaceAll(NOTE_MARK, ''))));
    else content.push(textNode(reflowed[k++]!));
  }
  if (notes.length) content.push(...notesList(notes, allLines));
  if (!content.some((n) => n.type.spec.group === 'block')) content.push(schema.node('paragraph'));
  return schema.node('doc', null, content);
}

const flaggedNumber = new RegExp(`\\s?${NOTE_MARK}(\\d+)`, 'gu');

/** Turns flagged footnote numbers into markers (in headings and titles they just go). */
function placeMarks(b: ReflowedBlock): ReflowedBlock {
  if (!b.text.includes(NOTE_MARK)) return b;
  const keep = b.kind === 'paragraph' || b.kind === 'blockquote';
  let text = '';
  let at = 0;
  const notes = [...b.notes];
  for (const m of b.text.matchAll(flaggedNumber)) {
    text += b.text.slice(at, m.index);
    if (keep) notes.push({ index: text.length, label: m[1]! });
    at = m.index + m[0].length;
  }
  text += b.text.slice(at);
  return { ...b, text: text.replaceAll(NOTE_MARK, ''), notes: notes.sort((x, y) => x.index - y.index) };
}

function textNode(b: ReflowedBlock): PMNode {
  const inline = inlineContent(b);
  if (b.kind === 'heading') return schema.node('heading', { level: b.level ?? 1 }, inline);
  return schema.node(b.kind === 'blockquote' ? 'paragraph' : b.kind, null, inline);
}

/** A code block: one paragraph in code type, its lines apart by hard breaks. */
function codeBlock(b: PdfBlock): PMNode {
  const code = schema.mark('code');
  const inline: PMNode[] = [];
  b.lines.forEach((line, i) => {
    if (i > 0) inline.push(schema.node('hard_break'));
    if (line) inline.push(schema.text(line, [code]));
  });
  return schema.node('paragraph', null, inline);
}

/** The footnote definitions, in order, as a numbered list under a "Notes" heading. */
function notesList(notes: PdfNote[], allLines: string[]): PMNode[] {
  const dict = englishDictionary();
  const evidence = collectHyphenEvidence(allLines);
  const items = notes.map((n) => {
    const text = joinLines(n.lines.map((l) => l.text.replaceAll(NOTE_MARK, '')), dict, evidence);
    return schema.node('list_item', null, [schema.node('paragraph', null, text ? [schema.text(text)] : [])]);
  });
  const first = Number(notes[0]!.label) || 1;
  return [schema.node('heading', { level: 1 }, schema.text('Notes')), schema.node('ordered_list', { order: first }, items)];
}
