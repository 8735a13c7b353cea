import { describe, expect, it } from 'vitest';
import { EditorState } from 'prosemirror-state';
import type { Decoration } from 'prosemirror-view';
import { createAnchor, pmDocText } from '../../../shared/anchoring';
import { addAnnotation, createLocalOrigin, deleteAnnotation, setPerson, updateAnnotation, type Role } from '../../../shared/model';
import { schema } from '../../../shared/schema';
import { highlightsKey } from '../keys';
import { createReadingDoc } from '../load-reading';
import { highlightPlugin, highlightRange, type HighlightAction } from './highlight-plugin';
import type { HighlightSpec } from './decorations';

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

const decorations = (state: EditorState): Decoration[] => highlightsKey.getState(state)!.set.find();
const covered = (state: EditorState, d: Decoration) => state.doc.textBetween(d.from, d.to);
const attrs = (d: Decoration) => (d as unknown as { type: { attrs: Record<string, string> } }).type.attrs;
const act = (state: EditorState, action: HighlightAction) => state.apply(state.tr.setMeta(highlightsKey, action));

describe('the highlight plugin', () => {
  it('draws every anchored annotation over its words with the DOM contract the views rely on', () => {
    const { ydoc, doc, tag } = setup();
    const id = tag('left before dawn', 'evidence');
    tag('the wind had turned', 'counter', 'p-unknown');
    const state = EditorState.create({ doc, plugins: [highlightPlugin(ydoc)] });
    const found = decorations(state).sort((a, b) => a.from - b.from);
    expect(found.map((d) => covered(state, d))).toEqual(['left before dawn', 'the wind had turned']);
    expect(attrs(found[0]!)).toEqual({
      nodeName: 'span',
      class: 'crux-hl crux-hl--evidence',
      'data-annotation-id': id,
      'data-author': 'p-ana',
      style: '--author-colour: #0072b2',
      title: 'Evidence — Ana',
    });
    expect(attrs(found[1]!).title).toBe('Counter-argument — Unknown reader');
  });

  it('keeps overlapping highlights apart, each its own span', () => {
    const { ydoc, doc, tag } = setup();
    tag('ferry left before', 'claim');
    tag('before dawn', 'evidence');
    const state = EditorState.create({ doc, plugins: [highlightPlugin(ydoc)] });
    expect(decorations(state).map((d) => [covered(state, d), attrs(d).nodeName]).sort()).toEqual([
      ['before dawn', 'span'],
      ['ferry left before', 'span'],
    ]);
  });

  it('maps highlights through typing without rebuilding them', () => {
    const { ydoc, doc, tag } = setup();
    tag('gulls followed', 'claim');
    const state = EditorState.create({ doc, plugins: [highlightPlugin(ydoc)] });
    const before = decorations(state)[0]!;
    const next = state.apply(state.tr.insertText('grey ', state.doc.textContent.indexOf('gulls')));
    const after = decorations(next)[0]!;
    expect(covered(next, after)).toBe('gulls followed');
    expect(after.spec).toBe(before.spec);
  });

  it('patches only the annotations that changed: a new role, a deletion, a new one', () => {
    const { ydoc, doc, tag } = setup();
    const a = tag('The ferry', 'evidence');
    const b = tag('By noon', 'claim');
    let state = EditorState.create({ doc, plugins: [highlightPlugin(ydoc)] });
    const untouched = decorations(state).find((d) => (d.spec as HighlightSpec).id === b)!;
    updateAnnotation(ydoc, a, { role: 'counter' }, origin);
    state = act(state, { type: 'patch', ids: [a] });
    expect(attrs(decorations(state).find((d) => (d.spec as HighlightSpec).id === a)!).class).toBe('crux-hl crux-hl--counter');
    expect(decorations(state).find((d) => (d.spec as HighlightSpec).id === b)!.spec).toBe(untouched.spec);
    deleteAnnotation(ydoc, a, origin);
    const c = tag('the crossing', 'evidence');
    state = act(state, { type: 'patch', ids: [a, c] });
    expect(decorations(state).map((d) => covered(state, d)).sort()).toEqual(['By noon', 'the crossing']);
  });

  it('marks the selected annotation, and only it', () => {
    const { ydoc, doc, tag } = setup();
    const a = tag('The ferry', 'evidence');
    const b = tag('By noon', 'claim');
    let state = EditorState.create({ doc, plugins: [highlightPlugin(ydoc)] });
    state = act(state, { type: 'select', id: a });
    const selected = () => decorations(state).filter((d) => attrs(d).class!.includes('crux-hl--selected')).map((d) => (d.spec as HighlightSpec).id);
    expect(selected()).toEqual([a]);
    state = act(state, { type: 'select', id: b });
    expect(selected()).toEqual([b]);
    const range = highlightRange(state, b)!;
    expect(state.doc.textBetween(range.from, range.to)).toBe('By noon');
    expect(highlightRange(state, 'a-missing')).toBeNull();
  });
});
