import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { replaceText } from '../test-support/article';
import { anchorOn, seminarDoc } from '../test-support/model';
import { addAnnotation, deleteAnnotation, updateAnnotation } from './annotations';
import { subscribeChanges, touches, type DocChange } from './change-feed';
import { addClaim } from './claims';
import { addComment } from './comments';
import { addLink } from './links';
import { createLocalOrigin } from './origin';
import { setPerson } from './people';
import { setPosition } from './positions';

const me = createLocalOrigin('ana');

/** Every change `doc` reports while `act` runs. */
function changesOf(doc: Y.Doc, act: () => void): DocChange[] {
  const seen: DocChange[] = [];
  const stop = subscribeChanges(doc, (c) => seen.push(c));
  try {
    act();
  } finally {
    stop();
  }
  return seen;
}

const ids = (set: ReadonlySet<string>) => [...set].sort();

describe('change feed', () => {
  it('names the annotation a new tag, an edit of its tags and a deletion touch, once per transaction', () => {
    const doc = seminarDoc();
    let id = '';
    const [added] = changesOf(doc, () => (id = addAnnotation(doc, { role: 'claim', anchor: anchorOn(doc, 'strategy'), author: 'ana', tags: ['a'] }, me)));
    expect(ids(added!.annotations)).toEqual([id]);
    expect(added!.article).toBe(false);
    expect(added!.origin).toBe(me);
    expect(added!.local).toBe(true);

    // The tags are a Y.Map two levels down: still reported as the annotation's id.
    const edits = changesOf(doc, () => updateAnnotation(doc, id, { tags: ['a', 'b'], note: 'why' }, me));
    expect(edits).toHaveLength(1);
    expect(ids(edits[0]!.annotations)).toEqual([id]);

    const [gone] = changesOf(doc, () => deleteAnnotation(doc, id, me));
    expect(gone!.annotations.has(id)).toBe(true);
  });

  it('keeps links, claims, comments, positions and people apart from annotations', () => {
    const doc = seminarDoc();
    const a = addAnnotation(doc, { role: 'evidence', anchor: anchorOn(doc, 'letters'), author: 'ana' }, me);
    const [link] = changesOf(doc, () => addLink(doc, { source: a, target: 'hub-realist', relation: 'supports', author: 'ana' }, me));
    expect(link!.annotations.size).toBe(0);
    expect(link!.links.size).toBe(1);
    expect(touches(link!, 'links')).toBe(true);
    expect(touches(link!, 'annotations', 'article')).toBe(false);

    let claim = '';
    const [c] = changesOf(doc, () => (claim = addClaim(doc, { text: 'Strategy mattered.', author: 'ana' }, me)));
    expect(ids(c!.claims)).toEqual([claim]);
    const [comment] = changesOf(doc, () => addComment(doc, { target: a, author: 'ana', text: 'Really?' }, me));
    expect(comment!.comments.size).toBe(1);
    const [moved] = changesOf(doc, () => setPosition(doc, claim, { x: 1, y: 2 }, me));
    expect(ids(moved!.positions)).toEqual([claim]);
    const [renamed] = changesOf(doc, () => setPerson(doc, { id: 'ana', name: 'Ana', colour: '#0072b2' }, me));
    expect(ids(renamed!.people)).toEqual(['ana']);
  });

  it('says when the reading changed, and reports remote updates as not local', () => {
    const doc = seminarDoc();
    const [typed] = changesOf(doc, () => replaceText(doc, 0, 2, 'On'));
    expect(typed!.article).toBe(true);
    expect(touches(typed!, 'article')).toBe(true);

    const other = new Y.Doc({ gc: false });
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    const a = addAnnotation(doc, { role: 'counter', anchor: anchorOn(doc, 'polemics'), author: 'ana' }, me);
    const [received] = changesOf(other, () => Y.applyUpdate(other, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(other))));
    expect(received!.local).toBe(false);
    expect(ids(received!.annotations)).toEqual([a]);
  });

  it('reports nothing for a transaction that changed nothing, and stops after unsubscribing', () => {
    const doc = seminarDoc();
    expect(changesOf(doc, () => doc.transact(() => undefined))).toEqual([]);
    const seen: DocChange[] = [];
    const stop = subscribeChanges(doc, (c) => seen.push(c));
    stop();
    addClaim(doc, { text: 'Unseen.', author: 'ana' }, me);
    expect(seen).toEqual([]);
  });

  it('hands every subscriber the same change, computed once', () => {
    const doc = seminarDoc();
    const one: DocChange[] = [];
    const two: DocChange[] = [];
    const stops = [subscribeChanges(doc, (c) => one.push(c)), subscribeChanges(doc, (c) => two.push(c))];
    addClaim(doc, { text: 'Shared.', author: 'ana' }, me);
    for (const stop of stops) stop();
    expect(one).toHaveLength(1);
    expect(two[0]).toBe(one[0]);
    expect(Object.isFrozen(one[0])).toBe(true);
  });
});
