import fc from 'fast-check';
import type { Node as PMNode } from 'prosemirror-model';
import { initProseMirrorDoc, relativePositionToAbsolutePosition } from 'y-prosemirror';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { ARTICLE } from '../model/roots';
import { schema } from '../schema';
import { writeArticle } from '../test-support/article';
import { pmDocText } from './pm-doc-text';
import { LEAF_TEXT } from './text-conventions';
import { yDocText } from './y-doc-text';

const s = schema;
const p = (...content: (PMNode | string)[]) => s.node('paragraph', null, content.map((c) => (typeof c === 'string' ? s.text(c) : c)));
const footnote = (label: string) => s.node('footnote', { label });
const br = () => s.node('hard_break');

/** A reading using every kind of block and inline node of the schema. */
const rich = s.node('doc', null, [
  s.node('title', null, [s.text('Title')]),
  s.node('byline', null, [s.text('Author')]),
  s.node('heading', { level: 1 }, [s.text('Head')]),
  p('Words ', s.text('in em', [s.mark('em')]), ' and more', footnote('1'), ' after.'),
  s.node('blockquote', null, [p('Quoted'), p('twice')]),
  s.node('bullet_list', null, [s.node('list_item', null, [p('one')]), s.node('list_item', null, [p('two'), s.node('ordered_list', null, [s.node('list_item', null, [p('deep')])])])]),
  p('line', br(), 'break'),
  p(),
  p(footnote('2'), 'starts with a note'),
]);

const RICH_TEXT = 'Title\nAuthor\nHead\nWords in em and more after.\nQuoted\ntwice\none\ntwo\ndeep\nline\nbreak\n\nstarts with a note';

function yDocOf(reading: PMNode): Y.Doc {
  const doc = new Y.Doc();
  writeArticle(doc, reading);
  return doc;
}

/** Random readings over the whole schema (marks, footnotes, breaks, nesting, empty blocks). */
const inline = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(fc.string({ unit: fc.constantFrom('a', 'b', ' ', 'é', '–'), minLength: 1, maxLength: 6 }), fc.boolean()).map(([t, em]) => s.text(t, em ? [s.mark('em')] : [])) },
  { weight: 1, arbitrary: fc.constant(null).map(() => footnote('9')) },
  { weight: 1, arbitrary: fc.constant(null).map(() => br()) },
);
const para = fc.array(inline, { maxLength: 5 }).map((content) => s.node('paragraph', null, content));
const block = fc.oneof(
  { weight: 4, arbitrary: para },
  { weight: 1, arbitrary: fc.array(para, { minLength: 1, maxLength: 3 }).map((ps) => s.node('blockquote', null, ps)) },
  { weight: 1, arbitrary: fc.array(para, { minLength: 1, maxLength: 3 }).map((ps) => s.node('bullet_list', null, ps.map((x) => s.node('list_item', null, [x])))) },
  { weight: 1, arbitrary: para.map((x) => s.node('heading', { level: 2 }, x.content)) },
);
const reading = fc.array(block, { minLength: 1, maxLength: 5 }).map((blocks) => s.node('doc', null, blocks));

describe('document text', () => {
  it('joins textblocks with one line break, drops footnote markers and keeps hard breaks as line breaks', () => {
    expect(yDocText(yDocOf(rich).getXmlFragment(ARTICLE)).text).toBe(RICH_TEXT);
    expect(pmDocText(rich).text).toBe(RICH_TEXT);
  });

  it('gives leaf nodes the same text as the schema does, so ProseMirror agrees', () => {
    for (const [name, text] of Object.entries(LEAF_TEXT)) {
      const node = s.nodes[name]!.create(name === 'footnote' ? { label: '3' } : null);
      expect(node.type.spec.leafText?.(node)).toBe(text);
    }
  });

  it('is the same text in Yjs and ProseMirror for any reading', () => {
    fc.assert(
      fc.property(reading, (r) => {
        expect(yDocText(yDocOf(r).getXmlFragment(ARTICLE)).text).toBe(pmDocText(r).text);
      }),
    );
  });

  it('maps every offset to the same place in Yjs and ProseMirror, both ways', () => {
    fc.assert(
      fc.property(reading, (r) => {
        const doc = yDocOf(r);
        const fragment = doc.getXmlFragment(ARTICLE);
        const yText = yDocText(fragment);
        const { doc: pm, mapping } = initProseMirrorDoc(fragment, schema);
        const pmText = pmDocText(pm);
        for (let offset = 0; offset <= yText.text.length; offset++) {
          for (const assoc of [1, -1] as const) {
            const at = yText.positionAt(offset, assoc);
            expect(yText.offsetAt(at, assoc)).toBe(offset);
            const rpos = Y.createRelativePositionFromTypeIndex(at.type, at.index, assoc);
            const pos = pmText.toPm(offset, assoc);
            // y-prosemirror's own conversion (what the cursor plugin uses) lands on the same position.
            expect(relativePositionToAbsolutePosition(doc, fragment, rpos, mapping)).toBe(pos);
            expect(pmText.fromPm(pos, assoc)).toBe(offset);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('leans around a footnote marker: a range starting there excludes it, one ending there too', () => {
    const text = pmDocText(rich);
    const at = text.text.indexOf(' after.');
    const before = text.toPm(at, -1);
    const after = text.toPm(at, 1);
    expect(after - before).toBe(1);
    expect(rich.nodeAt(before)?.type.name).toBe('footnote');
  });

  it('turns a selection into a text range and back', () => {
    const text = pmDocText(rich);
    const start = text.text.indexOf('Quoted');
    const end = text.text.indexOf('twice') + 'twice'.length;
    const { from, to } = text.rangeToPm({ start, end });
    expect(rich.textBetween(from, to, '\n')).toBe('Quoted\ntwice');
    expect(text.rangeFromPm(from, to)).toEqual({ start, end });
    // A selection of everything, from before the first block to after the last.
    expect(text.rangeFromPm(0, rich.content.size)).toEqual({ start: 0, end: RICH_TEXT.length });
  });

  it('reports a place outside the reading as unknown', () => {
    const doc = yDocOf(rich);
    const text = yDocText(doc.getXmlFragment(ARTICLE));
    expect(text.offsetAt({ type: doc.getMap('elsewhere'), index: 0 }, 1)).toBeNull();
  });
});
