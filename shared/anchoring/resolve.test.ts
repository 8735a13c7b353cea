import fc from 'fast-check';
import type * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { schema } from '../schema';
import { addAnnotation, createLocalOrigin, listAnnotations } from '../model';
import { docWithParagraphs, replaceText } from '../test-support/article';
import { editInProseMirror, proseMirrorDoc } from '../test-support/editor';
import { anchorOn } from '../test-support/model';
import { articleText, createAnchor, type Anchor } from './anchor';
import { reanchor } from './reanchor';
import { resolveAnnotation, resolveAnnotations } from './resolve';

const me = createLocalOrigin('reader-1');

function shown(doc: Y.Doc, anchor: Anchor): string {
  const r = resolveAnnotation(doc, { anchor });
  return r.status === 'anchored' ? articleText(doc).text.slice(r.start, r.end) : `orphaned: ${r.quote}`;
}

/** Offset of a ProseMirror position in the reading. */
const pmPos = (doc: Y.Doc, words: string) => {
  const pm = proseMirrorDoc(doc);
  let found = -1;
  pm.descendants((node, pos) => {
    const i = node.isText ? node.text!.indexOf(words) : -1;
    if (found < 0 && i >= 0) found = pos + i;
  });
  return found;
};

describe('orphans', () => {
  it('orphans an annotation whose words were all deleted, keeping its quote', () => {
    const doc = docWithParagraphs(['Moscow and Beijing quarrelled over the line.']);
    const anchor = anchorOn(doc, 'and Beijing');
    const text = articleText(doc).text;
    replaceText(doc, text.indexOf('and Beijing'), text.indexOf(' quarrelled'), '');
    expect(resolveAnnotation(doc, { anchor })).toEqual({ status: 'orphaned', quote: 'and Beijing' });
  });

  it('orphans an annotation when only whitespace of it is left', () => {
    const doc = docWithParagraphs(['Moscow and Beijing quarrelled.']);
    const anchor = anchorOn(doc, 'and Beijing');
    const at = articleText(doc).text.indexOf('and Beijing');
    replaceText(doc, at + 4, at + 11, '');
    replaceText(doc, at, at + 3, '');
    expect(articleText(doc).text).toBe('Moscow   quarrelled.');
    expect(shown(doc, anchor)).toBe('orphaned: and Beijing');
  });

  it('does not move an orphan to the same words elsewhere', () => {
    const doc = docWithParagraphs(['First the split began in earnest here.', 'Later the split began in earnest there.']);
    const anchor = anchorOn(doc, 'split began', 0);
    const at = articleText(doc).text.indexOf('split began');
    replaceText(doc, at, at + 'split began'.length, '');
    expect(shown(doc, anchor)).toBe('orphaned: split began');
  });

  for (const gc of [true, false]) {
    it(`orphans annotations inside a deleted paragraph and shrinks one reaching into it (gc ${gc})`, () => {
      const doc = docWithParagraphs(['Keep this one.', 'Delete this whole paragraph.', 'And keep this.'], { gc });
      const inside = anchorOn(doc, 'whole paragraph');
      const across = anchorOn(doc, 'this one.\nDelete this');
      const after = anchorOn(doc, 'paragraph.\nAnd keep');
      editInProseMirror(doc, (tr) => {
        const para = tr.doc.child(0).nodeSize;
        tr.delete(para, para + tr.doc.child(1).nodeSize);
      });
      expect(articleText(doc).text).toBe('Keep this one.\nAnd keep this.');
      expect(shown(doc, inside)).toBe('orphaned: whole paragraph');
      expect(shown(doc, across)).toBe('this one.');
      expect(shown(doc, after)).toBe('And keep');
    });
  }
});

describe('structural edits in the editor', () => {
  const long = 'The first paragraph runs on for a good while before it ends.';
  const second = 'Here the second paragraph starts, and far from its start there is a phrase worth tagging in it.';

  it('finds words again by their exact quote when joining paragraphs re-creates their text', () => {
    const doc = docWithParagraphs([long, second]);
    const anchor = anchorOn(doc, 'a phrase worth tagging');
    editInProseMirror(doc, (tr) => tr.join(tr.doc.child(0).nodeSize));
    const r = resolveAnnotation(doc, { anchor });
    expect(r).toMatchObject({ status: 'anchored', via: 'quote' });
    expect(shown(doc, anchor)).toBe('a phrase worth tagging');
  });

  it('orphans words near the join, whose context changed, and re-anchoring offers them back', () => {
    const doc = docWithParagraphs([long, second]);
    const anchor = anchorOn(doc, 'the second paragraph');
    editInProseMirror(doc, (tr) => tr.join(tr.doc.child(0).nodeSize));
    expect(shown(doc, anchor)).toBe('orphaned: the second paragraph');
    const again = reanchor(articleText(doc).text, anchor);
    expect(again.status).toBe('anchored');
    if (again.status === 'anchored') expect(articleText(doc).text.slice(again.start, again.end)).toBe('the second paragraph');
  });

  it('keeps the first part of an annotation when its paragraph is split inside it', () => {
    const doc = docWithParagraphs([second]);
    const anchor = anchorOn(doc, 'a phrase worth tagging');
    editInProseMirror(doc, (tr) => tr.split(pmPos(doc, 'worth')));
    expect(shown(doc, anchor)).toBe('a phrase ');
  });

  it('keeps the words before a footnote marker inserted inside a highlight, and finds one wholly after it by quote', () => {
    const doc = docWithParagraphs([second]);
    const across = anchorOn(doc, 'there is a phrase');
    const after = anchorOn(doc, 'phrase worth tagging');
    editInProseMirror(doc, (tr) => tr.insert(pmPos(doc, ' a phrase'), schema.node('footnote', { label: '4' })));
    expect(articleText(doc).text).toBe(second);
    expect(shown(doc, across)).toBe('there is');
    expect(resolveAnnotation(doc, { anchor: after })).toMatchObject({ status: 'anchored', via: 'quote' });
    expect(shown(doc, after)).toBe('phrase worth tagging');
  });

  it('follows typing in the editor before, inside and after the annotation', () => {
    const doc = docWithParagraphs([second]);
    const anchor = anchorOn(doc, 'phrase worth');
    editInProseMirror(doc, (tr) => tr.insert(pmPos(doc, 'worth'), schema.text('truly ')));
    editInProseMirror(doc, (tr) => tr.insert(pmPos(doc, 'Here'), schema.text('So. ')));
    editInProseMirror(doc, (tr) => tr.insert(pmPos(doc, ' tagging'), schema.text(',')));
    expect(shown(doc, anchor)).toBe('phrase truly worth');
  });
});

describe('resolveAnnotations', () => {
  it('resolves many annotations by id against one reading of the text', () => {
    const doc = docWithParagraphs(['One two three four.']);
    const a = addAnnotation(doc, { role: 'claim', anchor: anchorOn(doc, 'two'), author: 'reader-1' }, me);
    const b = addAnnotation(doc, { role: 'evidence', anchor: anchorOn(doc, 'four'), author: 'reader-1' }, me);
    const resolved = resolveAnnotations(doc, listAnnotations(doc));
    expect(resolved.get(a)).toEqual({ status: 'anchored', start: 4, end: 7, via: 'live' });
    expect(resolved.get(b)).toEqual({ status: 'anchored', start: 14, end: 18, via: 'live' });
  });
});

// ---------------------------------------------------------------------------------
// Property: random edits never move an annotation off its words.
//
// The model is a plain list of the characters ever typed, each live or deleted, with
// the block separators. Yjs semantics in one sentence: new text goes right before the
// live character now at its offset (after any deleted ones there), and an annotation
// spans from its first character to its last, deleted or not. So the expected text of
// an annotation is the live characters between them.
// ---------------------------------------------------------------------------------

interface Char {
  readonly ch: string;
  live: boolean;
  readonly separator: boolean;
}

class TextModel {
  readonly chars: Char[];

  constructor(blocks: readonly string[]) {
    this.chars = [];
    blocks.forEach((b, i) => {
      if (i > 0) this.chars.push({ ch: '\n', live: true, separator: true });
      for (const ch of b) this.chars.push({ ch, live: true, separator: false });
    });
  }

  get text(): string {
    return this.chars.filter((c) => c.live).map((c) => c.ch).join('');
  }

  /** List index of the live character at `offset` (the list's length at the end). */
  private indexOfLive(offset: number): number {
    let seen = 0;
    for (let i = 0; i < this.chars.length; i++) {
      if (!this.chars[i]!.live) continue;
      if (seen === offset) return i;
      seen++;
    }
    return this.chars.length;
  }

  charAt(offset: number): Char {
    return this.chars[this.indexOfLive(offset)]!;
  }

  replace(from: number, to: number, insert: string): void {
    const live = this.chars.filter((c) => c.live);
    for (let i = from; i < to; i++) if (!live[i]!.separator) live[i]!.live = false;
    this.chars.splice(this.indexOfLive(from), 0, ...[...insert].map((ch) => ({ ch, live: true, separator: false })));
  }

  /** Offsets now spanned by the characters `first`..`last`. */
  span(first: Char, last: Char): { start: number; end: number } {
    const liveBefore = (i: number) => this.chars.slice(0, i).filter((c) => c.live).length;
    return { start: liveBefore(this.chars.indexOf(first)), end: liveBefore(this.chars.indexOf(last) + 1) };
  }
}

const letter = fc.constantFrom('a', 'b', 'c', 'd', 'e', ' ');
const step = fc.oneof(
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('annotate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 24 }) }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('edit' as const),
      at: fc.nat(),
      // Aim at an annotation's edge (or one character either side) half the time.
      edge: fc.option(fc.record({ annotation: fc.nat(), end: fc.boolean(), shift: fc.integer({ min: -1, max: 1 }) })),
      remove: fc.integer({ min: 0, max: 6 }),
      insert: fc.string({ unit: letter, maxLength: 4 }),
    }),
  },
);

describe('live anchors under random edits', () => {
  it('keep every annotation on its words, orphan those whose words all went, and lose none', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: letter, maxLength: 30 }), { minLength: 1, maxLength: 4 }), fc.array(step, { minLength: 1, maxLength: 30 }), (blocks, steps) => {
        const doc = docWithParagraphs(blocks);
        const model = new TextModel(blocks);
        const tracked: { id: string; first: Char; last: Char; anchor: Anchor }[] = [];
        for (const s of steps) {
          const text = model.text;
          if (s.kind === 'annotate') {
            let start = s.at % (text.length + 1);
            let end = Math.min(text.length, start + s.length);
            while (start < end && /\s/.test(text[start]!)) start++;
            while (end > start && /\s/.test(text[end - 1]!)) end--;
            if (start === end) continue;
            const anchor = createAnchor(doc, { start, end });
            const id = addAnnotation(doc, { role: 'evidence', anchor, author: 'reader-1' }, me);
            tracked.push({ id, first: model.charAt(start), last: model.charAt(end - 1), anchor });
          } else {
            let at = s.at % (text.length + 1);
            const target = s.edge && tracked.length > 0 ? tracked[s.edge.annotation % tracked.length]! : null;
            if (s.edge && target) {
              const span = model.span(target.first, target.last);
              at = Math.max(0, Math.min(text.length, (s.edge.end ? span.end : span.start) + s.edge.shift));
            }
            const to = Math.min(text.length, at + s.remove);
            replaceText(doc, at, to, s.insert);
            model.replace(at, to, s.insert);
          }
          const now = model.text;
          expect(articleText(doc).text).toBe(now);
          for (const t of tracked) {
            const span = model.span(t.first, t.last);
            const words = now.slice(span.start, span.end);
            const resolved = resolveAnnotation(doc, t);
            if (span.start < span.end && /\S/.test(words)) {
              expect(resolved).toEqual({ status: 'anchored', start: span.start, end: span.end, via: 'live' });
            } else {
              // Words gone: only the identical passage in its identical surroundings, once, brings it back.
              const { prefix, exact, suffix } = t.anchor.quote;
              const first = now.indexOf(prefix + exact + suffix);
              const unique = first >= 0 && now.indexOf(prefix + exact + suffix, first + 1) < 0;
              expect(resolved).toEqual(
                unique
                  ? { status: 'anchored', start: first + prefix.length, end: first + prefix.length + exact.length, via: 'quote' }
                  : { status: 'orphaned', quote: exact },
              );
            }
          }
          expect(listAnnotations(doc).map((a) => a.id).sort()).toEqual(tracked.map((t) => t.id).sort());
        }
      }),
      { numRuns: 300 },
    );
  });
});
