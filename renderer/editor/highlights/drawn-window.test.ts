import { describe, expect, it } from 'vitest';
import { EditorState } from 'prosemirror-state';
import { schema } from '../../../shared/schema';
import { covers, initialWindow, INITIAL_WINDOW, inWindow, mapWindow } from './drawn-window';

const paragraph = (i: number) => schema.node('paragraph', null, schema.text(`${i} `.padEnd(998, 'x')));
const doc = schema.node('doc', null, Array.from({ length: 50 }, (_, i) => paragraph(i)));

describe('the drawn window of a dense reading', () => {
  it('starts with the whole blocks that begin in the first INITIAL_WINDOW positions', () => {
    const w = initialWindow(doc);
    expect(w.from).toBe(0);
    // Blocks of 1,000 positions: the one starting at 19,000 is in, the one at 20,000 is not.
    expect(w.to).toBe(Math.ceil(INITIAL_WINDOW / 1000) * 1000);
    const short = schema.node('doc', null, [paragraph(0)]);
    expect(initialWindow(short)).toEqual({ from: 0, to: short.content.size });
  });

  it('moves with edits before it, grows with edits inside, and keeps blocks added at its edges', () => {
    const state = EditorState.create({ doc });
    const w = { from: 5000, to: 8000 };
    expect(mapWindow(w, state.tr.insertText('abc', 10).mapping)).toEqual({ from: 5003, to: 8003 });
    expect(mapWindow(w, state.tr.insertText('abc', 6001).mapping)).toEqual({ from: 5000, to: 8003 });
    expect(mapWindow(w, state.tr.insertText('abc', 9001).mapping)).toEqual(w);
    // A paragraph inserted at either edge (block boundaries) is inside.
    const atEdges = state.tr.insert(8000, paragraph(99)).insert(5000, paragraph(98));
    expect(mapWindow(w, atEdges.mapping)).toEqual({ from: 5000, to: 10_000 });
  });

  it('tells what it covers and what it overlaps', () => {
    expect(covers({ from: 0, to: 100 }, { from: 10, to: 100 })).toBe(true);
    expect(covers({ from: 0, to: 100 }, { from: 10, to: 101 })).toBe(false);
    expect(inWindow({ from: 10, to: 20 }, 0, 10)).toBe(false);
    expect(inWindow({ from: 10, to: 20 }, 0, 11)).toBe(true);
    expect(inWindow({ from: 10, to: 20 }, 20, 30)).toBe(false);
    expect(inWindow(null, 20, 30)).toBe(true);
  });
});
