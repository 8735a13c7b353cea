import { describe, expect, it } from 'vitest';
import { EditorState } from 'prosemirror-state';
import type { Decoration } from 'prosemirror-view';
import { ySyncPluginKey, yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror';
import type * as Y from 'yjs';
import { ARTICLE } from '../../../shared/model/roots';
import { createAnchor, pmDocText } from '../../../shared/anchoring';
import { addAnnotation, createLocalOrigin, deleteAnnotation, listAnnotations, setPerson, updateAnnotation, type Role } from '../../../shared/model';
import { schema } from '../../../shared/schema';
import { highlightsKey } from '../keys';
import { createReadingDoc } from '../load-reading';
import { DENSE_CLASS, DENSE_HIGHLIGHTS, highlightPlugin, highlightRange, patchAction, peopleAction, type HighlightAction } from './highlight-plugin';
import type { SegmentSpec } from './decorations';

const reading = schema.node('doc', null, [
  schema.node('title', null, schema.text('Harbour notes')),
  schema.node('paragraph', null, schema.text('The ferry left before dawn and the gulls followed it.')),
  schema.node('paragraph', null, schema.text('By noon the wind had turned against the crossing.')),
]);

const origin = createLocalOrigin('p-ana');

function setup() {
  const { ydoc, prepared } = createReadingDoc(reading);
  setPerson(ydoc, { id: 'p-ana', name: 'Ana', colour: '#0072b2' }, origin);
  const tag = (words: string, role: Role, author = 'p-ana') => {
    const text = pmDocText(prepared.doc).text;
    const start = text.indexOf(words);
    return addAnnotation(ydoc, { role, anchor: createAnchor(ydoc, { start, end: start + words.length }), author }, origin);
  };
  return { ydoc, doc: prepared.doc, tag };
}

const decorations = (state: EditorState): Decoration[] => highlightsKey.getState(state)!.set.find().sort((a, b) => a.from - b.from);
const ids = (d: Decoration) => (d.spec as SegmentSpec).ids.split(' ');
/** What each annotation covers, joined over its segments. */
const coveredBy = (state: EditorState) => {
  const out: Record<string, string> = {};
  for (const d of decorations(state)) for (const id of ids(d)) out[id] = (out[id] ?? '') + covered(state, d);
  return out;
};
const covered = (state: EditorState, d: Decoration) => state.doc.textBetween(d.from, d.to);
/** ProseMirror's own comparison of two decorations (not in its typings): equal ones keep their DOM. */
const sameDecoration = (a: Decoration, b: Decoration) => (a as unknown as { eq(other: Decoration): boolean }).eq(b);
const attrs = (d: Decoration) => (d as unknown as { type: { attrs: Record<string, string> } }).type.attrs;
/** The position `offset` characters into the first occurrence of `words`. */
const at = (state: EditorState, words: string, offset = 0) => {
  const text = pmDocText(state.doc);
  return text.toPm(text.text.indexOf(words) + offset, 1);
};
const act = (state: EditorState, action: HighlightAction) => state.apply(state.tr.setMeta(highlightsKey, action));
/** What y-prosemirror does when Yjs changed the article: the whole document replaced by Yjs's, marked as from Yjs. */
const fromYjs = (state: EditorState, ydoc: Y.Doc) => {
  const next = yXmlFragmentToProseMirrorRootNode(ydoc.getXmlFragment(ARTICLE), schema);
  return state.apply(state.tr.replaceWith(0, state.doc.content.size, next.content).setMeta(ySyncPluginKey, { isChangeOrigin: true }));
};

describe('the highlight plugin', () => {
  it('draws every anchored annotation over its words with the DOM contract the views rely on', () => {
    const { ydoc, doc, tag } = setup();
    const id = tag('left before dawn', 'evidence');
    tag('the wind had turned', 'counter', 'p-unknown');
    const state = EditorState.create({ doc, plugins: [highlightPlugin(ydoc)] });
    const found = decorations(state);
    expect(found.map((d) => covered(state, d))).toEqual(['left before dawn', 'the wind had turned']);
    expect(attrs(found[0]!)).toEqual({
      nodeName: 'span',
      class: 'crux-hl crux-hl--evidence crux-hl--n1',
      'data-annotation-id': id,
      'data-annotation-ids': id,
      'data-author': 'p-ana',
      style: '--author-colour: #0072b2; --hl-rgb: var(--hl-evidence-rgb)',
      title: 'Evidence — Ana',
    });
    expect(attrs(found[1]!).title).toBe('Counter-argument — Unknown reader');
  });

  it('draws overlapping highlights as one span per stretch, listing every annotation there, innermost first', () => {
    const { ydoc, doc, tag } = setup();
    const outer = tag('ferry left before', 'claim');
    const inner = tag('before dawn', 'evidence', 'p-ben');
    const state = EditorState.create({ doc, plugins: [highlightPlugin(ydoc)] });
    expect(decorations(state).map((d) => [covered(state, d), ids(d), attrs(d).class])).toEqual([
      ['ferry left ', [outer], 'crux-hl crux-hl--claim crux-hl--n1'],
      ['before', [inner, outer], 'crux-hl crux-hl--evidence crux-hl--claim crux-hl--n2'],
      [' dawn', [inner], 'crux-hl crux-hl--evidence crux-hl--n1'],
    ]);
    const both = decorations(state)[1]!;
    expect(attrs(both)['data-annotation-id']).toBe(inner);
    expect(attrs(both).title).toBe('Evidence — Unknown reader\nClaim — Ana');
    expect(coveredBy(state)).toEqual({ [outer]: 'ferry left before', [inner]: 'before dawn' });
  });

  it('maps highlights through typing: text typed inside joins them, at their edges stays outside', () => {
    const { ydoc, doc, tag } = setup();
    const a = tag('gulls followed', 'claim');
    const b = tag('followed it', 'evidence');
    let state = EditorState.create({ doc, plugins: [highlightPlugin(ydoc)] });
    state = state.apply(state.tr.insertText('grey ', at(state, 'gulls')));
    state = state.apply(state.tr.insertText(' closely', at(state, 'followed', 'followed'.length)));
    state = state.apply(state.tr.insertText('!', at(state, ' it.', ' it'.length)));
    // ' closely' is at the end of a (outside) and inside b; 'grey ' and '!' are at edges.
    expect(coveredBy(state)).toEqual({ [a]: 'gulls followed', [b]: 'followed closely it' });
  });

  it('redraws only the block an edit touched, where it touched the edge of a highlight', () => {
    const { ydoc, doc, tag } = setup();
    tag('The ferry', 'evidence');
    tag('By noon', 'claim');
    const state = EditorState.create({ doc, plugins: [highlightPlugin(ydoc)] });
    const [first, second] = decorations(state);
    const next = state.apply(state.tr.insertText('x', at(state, 'By noon')));
    const [firstAfter, secondAfter] = decorations(next);
    expect(firstAfter!.spec).toBe(first!.spec);
    expect(secondAfter!.spec).not.toBe(second!.spec);
    expect(covered(next, secondAfter!)).toBe('By noon');
  });

  it('stretches the segment typed into without drawing it again', () => {
    const { ydoc, doc, tag } = setup();
    tag('By noon', 'claim');
    const state = EditorState.create({ doc, plugins: [highlightPlugin(ydoc)] });
    const [segment] = decorations(state);
    const next = state.apply(state.tr.insertText('x', at(state, 'noon')));
    const [after] = decorations(next);
    expect(after!.spec).toBe(segment!.spec);
    expect(covered(next, after!)).toBe('By xnoon');
  });

  it('draws segments again where typing splits a block, one set per block', () => {
    const { ydoc, doc, tag } = setup();
    const a = tag('By noon the wind', 'claim');
    let state = EditorState.create({ doc, plugins: [highlightPlugin(ydoc)] });
    state = state.apply(state.tr.split(at(state, 'noon')));
    expect(state.doc.childCount).toBe(4);
    expect(decorations(state).map((d) => covered(state, d))).toEqual(['By ', 'noon the wind']);
    expect(decorations(state).map((d) => state.doc.textBetween(d.from, d.to, '|'))).toEqual(['By ', 'noon the wind']);
    expect(coveredBy(state)).toEqual({ [a]: 'By noon the wind' });
  });

  it('redraws a segment the edit did not change as equal to the old one, so the reader keeps its span', () => {
    const { ydoc, doc, tag } = setup();
    tag('By noon', 'claim');
    tag('the crossing', 'evidence');
    const state = EditorState.create({ doc, plugins: [highlightPlugin(ydoc)] });
    const before = decorations(state);
    const next = state.apply(state.tr.insertText('x', at(state, 'the crossing')));
    const after = decorations(next);
    // Typed at a highlight's start: its block is drawn again. The segment before the edit
    // is a new decoration that compares equal (ProseMirror reuses its DOM).
    expect(after[0]!.spec).not.toBe(before[0]!.spec);
    expect(sameDecoration(after[0]!, before[0]!)).toBe(true);
    expect(covered(next, after[1]!)).toBe('the crossing');
  });

  it('follows an edit by a colleague arriving from Yjs: only highlights where the documents differ are read again', () => {
    const { ydoc, doc, tag } = setup();
    const a = tag('The ferry', 'evidence');
    const b = tag('By noon the wind', 'claim');
    const c = tag('the crossing', 'counter');
    let state = EditorState.create({ doc, plugins: [highlightPlugin(ydoc)] });
    const first = decorations(state)[0]!;
    // The colleague types inside "By noon the wind" and deletes "crossing" in the same paragraph.
    const paragraph = ydoc.getXmlFragment(ARTICLE).get(2) as Y.XmlElement;
    const text = paragraph.get(0) as Y.XmlText;
    const words = text.toString();
    ydoc.transact(() => {
      text.delete(words.indexOf('crossing'), 'crossing'.length);
      text.insert(words.indexOf('noon') + 'noon'.length, ' sharp');
    }, 'colleague');
    state = fromYjs(state, ydoc);
    expect(state.doc.textBetween(0, state.doc.content.size, '|')).toContain('By noon sharp the wind had turned against the .');
    expect(coveredBy(state)).toEqual({ [a]: 'The ferry', [b]: 'By noon sharp the wind', [c]: 'the ' });
    // The first paragraph was not drawn again.
    expect(decorations(state)[0]!.spec).toBe(first.spec);
  });

  it('shows a renamed or recoloured author on their highlights, and annotations that arrived with the change', () => {
    const { ydoc, doc, tag } = setup();
    const a = tag('The ferry', 'evidence');
    let state = EditorState.create({ doc, plugins: [highlightPlugin(ydoc)] });
    setPerson(ydoc, { id: 'p-ana', name: 'Ana B.', colour: '#d55e00' }, origin);
    const b = tag('By noon', 'claim');
    state = act(state, peopleAction(ydoc, state.doc, ['p-ana'], [b]));
    const [first, second] = decorations(state);
    expect(attrs(first!).title).toBe('Evidence — Ana B.');
    expect(attrs(first!).style).toContain('--author-colour: #d55e00');
    expect(ids(first!)).toEqual([a]);
    expect(ids(second!)).toEqual([b]);
  });

  it('patches only the annotations that changed: a new role, a deletion, a new one', () => {
    const { ydoc, doc, tag } = setup();
    const a = tag('The ferry', 'evidence');
    const b = tag('By noon', 'claim');
    let state = EditorState.create({ doc, plugins: [highlightPlugin(ydoc)] });
    const untouched = decorations(state).find((d) => ids(d)[0] === b)!;
    updateAnnotation(ydoc, a, { role: 'counter' }, origin);
    state = act(state, patchAction(ydoc, state.doc, [a]));
    expect(attrs(decorations(state).find((d) => ids(d)[0] === a)!).class).toBe('crux-hl crux-hl--counter crux-hl--n1');
    expect(decorations(state).find((d) => ids(d)[0] === b)!.spec).toBe(untouched.spec);
    deleteAnnotation(ydoc, a, origin);
    const c = tag('the crossing', 'evidence');
    state = act(state, patchAction(ydoc, state.doc, [a, c]));
    expect(decorations(state).map((d) => covered(state, d)).sort()).toEqual(['By noon', 'the crossing']);
  });

  it('draws what a transaction brings in its meta, without reading the Y.Doc in apply', () => {
    const { ydoc, doc } = setup();
    let state = EditorState.create({ doc, plugins: [highlightPlugin(ydoc)] });
    const from = at(state, 'the gulls');
    const highlight = { id: 'a-meta', role: 'claim', author: 'p-ana', authorName: 'Ana', authorColour: '#0072b2' } as const;
    state = act(state, { type: 'patch', placed: new Map([['a-meta', { highlight, from, to: from + 'the gulls'.length }]]) });
    expect(coveredBy(state)).toEqual({ 'a-meta': 'the gulls' });
    state = act(state, { type: 'patch', placed: new Map([['a-meta', null]]) });
    expect(decorations(state)).toEqual([]);
  });

  it('marks the selected annotation, and only it', () => {
    const { ydoc, doc, tag } = setup();
    const a = tag('The ferry', 'evidence');
    const b = tag('By noon', 'claim');
    let state = EditorState.create({ doc, plugins: [highlightPlugin(ydoc)] });
    state = act(state, { type: 'select', id: a });
    const selected = () => decorations(state).filter((d) => attrs(d).class!.includes('crux-hl--selected')).map((d) => ids(d)[0]);
    expect(selected()).toEqual([a]);
    expect(attrs(decorations(state)[0]!).class).toBe('crux-hl crux-hl--evidence crux-hl--n1 crux-hl--selected crux-hl--selected-start crux-hl--selected-end');
    expect(attrs(decorations(state)[0]!).style).toContain('--hl-ring: var(--hl-evidence-solid)');
    state = act(state, { type: 'select', id: b });
    expect(selected()).toEqual([b]);
    const range = highlightRange(state, b)!;
    expect(state.doc.textBetween(range.from, range.to)).toBe('By noon');
    expect(highlightRange(state, 'a-missing')).toBeNull();
  });
});

describe('a reading with many highlights', () => {
  it('is marked dense, so only blocks near the screen are laid out, from DENSE_HIGHLIGHTS highlights on', () => {
    const { ydoc, doc, tag } = setup();
    const plugin = highlightPlugin(ydoc);
    const dense = (state: EditorState) => (plugin.props.attributes as (s: EditorState) => Record<string, string>)(state).class;
    tag('The ferry', 'evidence');
    expect(dense(EditorState.create({ doc, plugins: [plugin] }))).toBeUndefined();
    for (let i = 1; i < DENSE_HIGHLIGHTS; i++) tag('The ferry', 'claim');
    expect(dense(EditorState.create({ doc, plugins: [plugin] }))).toBe(DENSE_CLASS);
  });
});

describe('a dense reading draws only the blocks around the screen', () => {
  // 300 paragraphs of 100 characters, one highlight on each paragraph's first word and
  // one more on every other: well past DENSE_HIGHLIGHTS and past INITIAL_WINDOW.
  const words = 'alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma tau'.slice(0, 97);
  const long = schema.node('doc', null, Array.from({ length: 300 }, (_, i) => schema.node('paragraph', null, schema.text(`${String(i).padStart(3, '0')}${words}`))));

  function denseSetup() {
    const { ydoc, prepared } = createReadingDoc(long);
    setPerson(ydoc, { id: 'p-ana', name: 'Ana', colour: '#0072b2' }, origin);
    const text = pmDocText(prepared.doc).text;
    const ids: string[] = [];
    ydoc.transact(() => {
      for (let i = 0; i < 300; i++) {
        const start = text.indexOf(`${String(i).padStart(3, '0')}alpha`);
        ids.push(addAnnotation(ydoc, { role: 'claim', anchor: createAnchor(ydoc, { start, end: start + 8 }), author: 'p-ana' }, origin));
        const second = start + 9;
        addAnnotation(ydoc, { role: 'evidence', anchor: createAnchor(ydoc, { start: second, end: second + 4 }), author: 'p-ana' }, origin);
      }
    });
    return { ydoc, doc: prepared.doc, ids };
  }
  /** The paragraphs (by number) that have highlights drawn. */
  const drawnParagraphs = (state: EditorState) => [...new Set(decorations(state).map((d) => state.doc.resolve(d.from).index(0)))].sort((a, b) => a - b);
  const paragraphStart = (state: EditorState, n: number) => {
    let pos = 0;
    state.doc.forEach((node, offset, index) => {
      if (index === n) pos = offset;
    });
    return pos;
  };

  it('draws the first blocks before the view has measured the screen, and every highlight is still placed', () => {
    const { ydoc, doc, ids } = denseSetup();
    const state = EditorState.create({ doc, plugins: [highlightPlugin(ydoc)] });
    const drawn = drawnParagraphs(state);
    expect(drawn[0]).toBe(0);
    expect(drawn.length).toBeGreaterThan(20);
    expect(drawn.length).toBeLessThan(300);
    expect(highlightRange(state, ids[299]!)).not.toBeNull();
  });

  it('draws the blocks of a new window and no others; typing and patches outside it draw nothing there', () => {
    const { ydoc, doc, ids } = denseSetup();
    let state = EditorState.create({ doc, plugins: [highlightPlugin(ydoc)] });
    const window = { from: paragraphStart(state, 200), to: paragraphStart(state, 211) };
    state = act(state, { type: 'window', window });
    expect(drawnParagraphs(state)).toEqual(Array.from({ length: 11 }, (_, i) => 200 + i));
    // Typing above the window moves it with its text.
    state = state.apply(state.tr.insertText('typed ', paragraphStart(state, 5) + 1));
    expect(drawnParagraphs(state)).toEqual(Array.from({ length: 11 }, (_, i) => 200 + i));
    expect(coveredBy(state)[ids[200]!]).toBe('200alpha');
    // A change to an annotation outside the window is placed, not drawn.
    updateAnnotation(ydoc, ids[0]!, { role: 'counter' }, origin);
    state = act(state, patchAction(ydoc, state.doc, [ids[0]!]));
    expect(drawnParagraphs(state)).toEqual(Array.from({ length: 11 }, (_, i) => 200 + i));
    expect(highlightRange(state, ids[0]!)).not.toBeNull();
  });

  it('draws everything again once it has fewer than DENSE_HIGHLIGHTS highlights', () => {
    const { ydoc, doc, ids } = denseSetup();
    let state = EditorState.create({ doc, plugins: [highlightPlugin(ydoc)] });
    state = act(state, { type: 'window', window: { from: paragraphStart(state, 200), to: paragraphStart(state, 201) } });
    const all = listAnnotations(ydoc).map((a) => a.id);
    const gone = all.filter((id) => !ids.includes(id));
    for (const id of gone) deleteAnnotation(ydoc, id, origin);
    state = act(state, patchAction(ydoc, state.doc, gone));
    expect(drawnParagraphs(state)).toHaveLength(300);
  });
});
