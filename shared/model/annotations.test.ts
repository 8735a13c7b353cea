import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { resolveAnnotations } from '../anchoring/resolve';
import { anchorOn, refusal, seminarDoc } from '../test-support/model';
import { addAnnotation, deleteAnnotation, getAnnotation, listAnnotations, reattachAnnotation, updateAnnotation } from './annotations';
import { addComment, listThreads } from './comments';
import { listLinks } from './links';
import { createLocalOrigin } from './origin';

const me = createLocalOrigin('ana');

describe('annotations', () => {
  it('tags a passage and lists it as a plain, frozen value', () => {
    const doc = seminarDoc();
    const anchor = anchorOn(doc, 'open polemics');
    const id = addAnnotation(
      doc,
      { role: 'evidence', anchor, author: 'ana', note: 'Public now.', tags: ['press', ' tone ', 'press'], links: [{ target: 'hub-ideological', relation: 'supports' }] },
      me,
    );
    const [a] = listAnnotations(doc);
    expect(a).toMatchObject({ id, role: 'evidence', anchor, author: 'ana', edited: null, note: 'Public now.', tags: ['press', 'tone'] });
    expect(a!.links).toEqual([{ id: expect.any(String), target: 'hub-ideological', relation: 'supports', author: 'ana' }]);
    expect(a!.created).toBeGreaterThan(0);
    expect(Object.isFrozen(a)).toBe(true);
    expect(Object.isFrozen(a!.tags)).toBe(true);
    expect(getAnnotation(doc, id)).toEqual(a);
    expect(getAnnotation(doc, 'a-none')).toBeUndefined();
  });

  it('lets tags overlap: one sentence can be evidence for one hub and counter to another', () => {
    const doc = seminarDoc();
    const one = addAnnotation(doc, { role: 'evidence', anchor: anchorOn(doc, 'Each side accused'), author: 'ana', links: [{ target: 'hub-realist', relation: 'supports' }] }, me);
    const two = addAnnotation(doc, { role: 'counter', anchor: anchorOn(doc, 'accused the other'), author: 'ana', links: [{ target: 'hub-structural', relation: 'challenges' }] }, me);
    const resolved = resolveAnnotations(doc, listAnnotations(doc));
    const [a, b] = [resolved.get(one)!, resolved.get(two)!];
    expect(a.status === 'anchored' && b.status === 'anchored' && a.start < b.start && b.start < a.end).toBe(true);
    expect(getAnnotation(doc, one)!.links[0]!.relation).toBe('supports');
    expect(getAnnotation(doc, two)!.links[0]!.relation).toBe('challenges');
  });

  it('lists annotations in the order they were made, even within one millisecond', () => {
    const doc = seminarDoc();
    const ids = ['spring', 'parties', 'letters', 'strategy', 'side', 'cause', 'autumn', 'press'].map((w) =>
      addAnnotation(doc, { role: 'claim', anchor: anchorOn(doc, w), author: 'ana' }, me),
    );
    expect(listAnnotations(doc).map((a) => a.id)).toEqual(ids);
  });

  it('changes role, note and tags, and records when', () => {
    const doc = seminarDoc();
    const id = addAnnotation(doc, { role: 'claim', anchor: anchorOn(doc, 'strategy'), author: 'ana', tags: ['a', 'b'] }, me);
    updateAnnotation(doc, id, { role: 'counter', note: 'line one\r\nline two', tags: ['b', 'c'] }, me);
    const a = getAnnotation(doc, id)!;
    expect(a).toMatchObject({ role: 'counter', note: 'line one\nline two', tags: ['b', 'c'] });
    expect(a.edited).toBeGreaterThanOrEqual(a.created);
  });

  it('keeps tags two people add at the same time', () => {
    const one = seminarDoc();
    const id = addAnnotation(one, { role: 'claim', anchor: anchorOn(one, 'strategy'), author: 'ana' }, me);
    const two = new Y.Doc();
    Y.applyUpdate(two, Y.encodeStateAsUpdate(one));
    updateAnnotation(one, id, { tags: ['doctrine'] }, me);
    updateAnnotation(two, id, { tags: ['letters'] }, createLocalOrigin('ben'));
    Y.applyUpdate(one, Y.encodeStateAsUpdate(two));
    Y.applyUpdate(two, Y.encodeStateAsUpdate(one));
    expect(getAnnotation(one, id)!.tags).toEqual(['doctrine', 'letters']);
    expect(getAnnotation(two, id)!.tags).toEqual(['doctrine', 'letters']);
  });

  it('reads fresh values as soon as an annotation changes, here or at a peer, also from an observer', () => {
    const doc = seminarDoc();
    const id = addAnnotation(doc, { role: 'claim', anchor: anchorOn(doc, 'strategy'), author: 'ana' }, me);
    const seen: string[][] = [];
    doc.getMap('annotations').observeDeep(() => seen.push([...getAnnotation(doc, id)!.tags]));
    expect(listAnnotations(doc)[0]!.tags).toEqual([]);
    updateAnnotation(doc, id, { tags: ['one'] }, me);
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    updateAnnotation(peer, id, { tags: ['one', 'two'] }, createLocalOrigin('ben'));
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer));
    expect(seen).toEqual([['one'], ['one', 'two']]);
    expect(listAnnotations(doc)[0]!.tags).toEqual(['one', 'two']);
  });

  it('re-attaches an annotation to new words', () => {
    const doc = seminarDoc();
    const id = addAnnotation(doc, { role: 'claim', anchor: anchorOn(doc, 'strategy'), author: 'ana' }, me);
    const anchor = anchorOn(doc, 'common cause');
    reattachAnnotation(doc, id, anchor, me);
    expect(getAnnotation(doc, id)!.anchor).toEqual(anchor);
  });

  it('deletes an annotation with its links and comment threads', () => {
    const doc = seminarDoc();
    const id = addAnnotation(doc, { role: 'claim', anchor: anchorOn(doc, 'strategy'), author: 'ana', links: [{ target: 'hub-realist', relation: 'challenges' }] }, me);
    addComment(doc, { target: id, author: 'ana', text: 'Why?' }, me);
    deleteAnnotation(doc, id, me);
    expect(listAnnotations(doc)).toEqual([]);
    expect(listLinks(doc)).toEqual([]);
    expect(listThreads(doc)).toEqual([]);
  });

  it('skips a malformed record a faulty peer wrote, and lists the rest', () => {
    const doc = seminarDoc();
    addAnnotation(doc, { role: 'claim', anchor: anchorOn(doc, 'strategy'), author: 'ana' }, me);
    doc.getMap('annotations').set('a-bad', new Y.Map(Object.entries({ role: 'shout' })));
    expect(listAnnotations(doc)).toHaveLength(1);
  });
});

describe('annotations refuse bad input and change nothing', () => {
  const doc = seminarDoc();
  const anchor = anchorOn(doc, 'strategy');
  const id = addAnnotation(doc, { role: 'claim', anchor, author: 'ana' }, me);
  const add = (input: object) => refusal(doc, () => addAnnotation(doc, input as never, me));

  it('on adding', () => {
    expect(add({ role: 'opinion', anchor, author: 'ana' })).toBe('addAnnotation: role must be one of evidence, claim, counter');
    expect(add({ anchor, author: 'ana' })).toBe('addAnnotation: role must be one of evidence, claim, counter');
    expect(add({ role: 'claim', author: 'ana' })).toBe('addAnnotation: anchor must be an anchor made by createAnchor');
    expect(add({ role: 'claim', anchor: { ...anchor, start: { assoc: 0 } }, author: 'ana' })).toBe(
      'addAnnotation: a relative position needs an item, a type or a root name',
    );
    expect(add({ role: 'claim', anchor })).toBe('addAnnotation: author is missing');
    expect(add({ role: 'claim', anchor, author: 'ana maria' })).toBe("addAnnotation: author must be an id: 1–128 letters, digits, '-', '_', '.' or ':'");
    expect(add({ role: 'claim', anchor, author: 'ana', note: 'bell\u0007' })).toBe('addAnnotation: note contains a control character (only line breaks are allowed)');
    expect(add({ role: 'claim', anchor, author: 'ana', note: 'x'.repeat(10_001) })).toBe('addAnnotation: note is too long (at most 10000 characters)');
    expect(add({ role: 'claim', anchor, author: 'ana', note: 42 })).toBe('addAnnotation: note must be text');
    expect(add({ role: 'claim', anchor, author: 'ana', tags: 'press' })).toBe('addAnnotation: tags must be a list of text');
    expect(add({ role: 'claim', anchor, author: 'ana', tags: ['  '] })).toBe('addAnnotation: a tag must not be empty');
    expect(add({ role: 'claim', anchor, author: 'ana', tags: ['x'.repeat(41)] })).toBe('addAnnotation: a tag is too long (at most 40 characters)');
    expect(add({ role: 'claim', anchor, author: 'ana', tags: Array.from({ length: 33 }, (_, i) => `t${i}`) })).toBe('addAnnotation: at most 32 tags');
    expect(add({ role: 'claim', anchor, author: 'ana', hub: 'hub-realist' })).toBe('addAnnotation: unknown field "hub" in an annotation');
    expect(add({ role: 'claim', anchor, author: 'ana', links: [{ target: 'hub-none', relation: 'supports' }] })).toBe(
      'addAnnotation: link target "hub-none" is not a hub, claim or annotation in this document',
    );
    expect(add({ role: 'claim', anchor, author: 'ana', links: [{ target: 'hub-realist', relation: 'refutes' }] })).toBe(
      'addAnnotation: relation must be "supports" or "challenges"',
    );
    expect(
      add({
        role: 'claim',
        anchor,
        author: 'ana',
        links: [
          { target: 'hub-realist', relation: 'supports' },
          { target: 'hub-realist', relation: 'challenges' },
        ],
      }),
    ).toBe('addAnnotation: link target "hub-realist" is listed twice');
    expect(refusal(doc, () => addAnnotation(doc, 'evidence' as never, me))).toBe('addAnnotation: an annotation must be an object');
  });

  it('on changing', () => {
    expect(refusal(doc, () => updateAnnotation(doc, 'a-none', { note: 'x' }, me))).toBe('updateAnnotation: no annotation with id "a-none"');
    expect(refusal(doc, () => updateAnnotation(doc, id, {}, me))).toBe('updateAnnotation: nothing to change: give a role, note or tags');
    expect(refusal(doc, () => updateAnnotation(doc, id, { role: 'shout' as never }, me))).toBe('updateAnnotation: role must be one of evidence, claim, counter');
    expect(refusal(doc, () => updateAnnotation(doc, id, { anchor } as never, me))).toBe('updateAnnotation: unknown field "anchor" in the changes');
    expect(refusal(doc, () => reattachAnnotation(doc, id, { ...anchor, quote: undefined } as never, me))).toBe('reattachAnnotation: anchor.quote is malformed');
    expect(refusal(doc, () => reattachAnnotation(doc, id, null as never, me))).toBe('reattachAnnotation: anchor must be an anchor made by createAnchor');
    expect(refusal(doc, () => deleteAnnotation(doc, 'a-none', me))).toBe('deleteAnnotation: no annotation with id "a-none"');
  });
});
