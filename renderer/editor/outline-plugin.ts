// A plugin whose state is the reading's outline and a DecorationSet that puts each
// entry's id on its element, recomputed only when the document changes.
import { Plugin } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { Node as PMNode } from 'prosemirror-model';
import { outlineKey } from './keys';
import { outlineEntries, type OutlineEntry } from './outline-entries';

/** The plugin's state: the outline and the id decorations. */
export interface OutlineState {
  entries: readonly OutlineEntry[];
  decorations: DecorationSet;
}

function build(doc: PMNode): OutlineState {
  const entries = outlineEntries(doc);
  const decorations = DecorationSet.create(
    doc,
    entries.map((e) => Decoration.node(e.pos, e.pos + (doc.nodeAt(e.pos)?.nodeSize ?? 0), { id: e.id })),
  );
  return { entries, decorations };
}

/** The outline plugin. Read its state with `outlineKey.getState(state)`. */
export function outlinePlugin(): Plugin<OutlineState> {
  return new Plugin<OutlineState>({
    key: outlineKey,
    state: {
      init: (_config, state) => build(state.doc),
      apply: (tr, value, _old, state) => (tr.docChanged ? build(state.doc) : value),
    },
    props: {
      decorations: (state) => outlineKey.getState(state)?.decorations,
    },
  });
}
