import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { anchorOn, refusal, seminarDoc } from '../test-support/model';
import { addAnnotation, deleteAnnotation, getAnnotation } from './annotations';
import { addLink, linkId, listLinks, removeLink, setLinkNote, setLinkRelation, setLinkStrength, setLinks, DEFAULT_STRENGTH } from './links';
import { createLocalOrigin } from './origin';

const me = createLocalOrigin('ana');

function passage(doc: Y.Doc, words = 'strategy'): string {
  return addAnnotation(doc, { role: 'evidence', anchor: anchorOn(doc, words), author: 'ana' }, me);
}

describe('links', () => {
  it('say who linked what to what, one relation per person and pair', () => {
    const doc = seminarDoc();
    const p = passage(doc);
    const id = addLink(doc, { source: p, target: 'hub-realist', relation: 'supports', author: 'ana' }, me);
    expect(id).toBe(linkId(p, 'hub-realist', 'ana'));
    expect(addLink(doc, { source: p, target: 'hub-realist', relation: 'challenges', author: 'ana' }, me)).toBe(id);
    addLink(doc, { source: p, target: 'hub-realist', relation: 'supports', author: 'ben' }, me);
    expect(listLinks(doc, { source: p }).map((l) => [l.author, l.relation])).toEqual([
      ['ana', 'challenges'],
      ['ben', 'supports'],
    ]);
    // Participants linking the same passage in opposite ways: the scoreboard's "contested".
    expect(new Set(listLinks(doc, { target: 'hub-realist' }).map((l) => l.relation)).size).toBe(2);
  });

  it('link a passage to another annotation too', () => {
    const doc = seminarDoc();
    const claim = passage(doc, 'common cause');
    const evidence = passage(doc);
    addLink(doc, { source: evidence, target: claim, relation: 'supports', author: 'ana' }, me);
    expect(getAnnotation(doc, evidence)!.links.map((l) => l.target)).toEqual([claim]);
  });

  it("set one person's links from a passage without touching anyone else's", () => {
    const doc = seminarDoc();
    const p = passage(doc);
    addLink(doc, { source: p, target: 'hub-realist', relation: 'supports', author: 'ben' }, me);
    addLink(doc, { source: p, target: 'hub-realist', relation: 'supports', author: 'ana' }, me);
    setLinks(doc, { source: p, author: 'ana', links: [{ target: 'hub-structural', relation: 'challenges' }] }, me);
    expect(listLinks(doc, { source: p }).map((l) => `${l.author} ${l.relation} ${l.target}`).sort()).toEqual([
      'ana challenges hub-structural',
      'ben supports hub-realist',
    ]);
  });

  it('change relation and go away', () => {
    const doc = seminarDoc();
    const id = addLink(doc, { source: passage(doc), target: 'hub-realist', relation: 'supports', author: 'ana' }, me);
    setLinkRelation(doc, id, 'challenges', me);
    expect(listLinks(doc)[0]!.relation).toBe('challenges');
    removeLink(doc, id, me);
    expect(listLinks(doc)).toEqual([]);
  });

  it('are hidden when a peer deleted their source at the same time as they were drawn', () => {
    const one = seminarDoc();
    const p = passage(one);
    const two = new Y.Doc();
    Y.applyUpdate(two, Y.encodeStateAsUpdate(one));
    deleteAnnotation(one, p, me);
    addLink(two, { source: p, target: 'hub-realist', relation: 'supports', author: 'ben' }, createLocalOrigin('ben'));
    Y.applyUpdate(one, Y.encodeStateAsUpdate(two));
    expect(listLinks(one)).toEqual([]);
  });

  it('refuse bad input and change nothing', () => {
    const doc = seminarDoc();
    const p = passage(doc);
    const add = (input: object) => refusal(doc, () => addLink(doc, input as never, me));
    expect(add({ source: p, target: p, relation: 'supports', author: 'ana' })).toBe(`addLink: a node cannot link to itself (${p})`);
    expect(add({ source: 'a-none', target: 'hub-realist', relation: 'supports', author: 'ana' })).toBe(
      'addLink: link source "a-none" is not an annotation or claim in this document',
    );
    expect(add({ source: p, target: 'hub-none', relation: 'supports', author: 'ana' })).toBe(
      'addLink: link target "hub-none" is not a hub, claim or annotation in this document',
    );
    expect(add({ source: p, target: 'hub-realist', relation: 'maybe', author: 'ana' })).toBe('addLink: relation must be "supports" or "challenges"');
    expect(add({ source: p, target: 'hub-realist', relation: 'supports' })).toBe('addLink: author is missing');
    expect(
      refusal(doc, () =>
        setLinks(
          doc,
          {
            source: p,
            author: 'ana',
            links: [
              { target: 'hub-realist', relation: 'supports' },
              { target: 'hub-realist', relation: 'supports' },
            ],
          },
          me,
        ),
      ),
    ).toBe('setLinks: target "hub-realist" is listed twice');
    expect(refusal(doc, () => setLinks(doc, { source: p, author: 'ana', links: 'hub-realist' } as never, me))).toBe('setLinks: links must be a list');
    expect(refusal(doc, () => setLinkRelation(doc, 'link:none', 'supports', me))).toBe('setLinkRelation: no link with id "link:none"');
    expect(refusal(doc, () => removeLink(doc, 'link:none', me))).toBe('removeLink: no link with id "link:none"');
  });
});

describe('link notes and strengths', () => {
  it('default to no note and ordinary strength, and can be set', () => {
    const doc = seminarDoc();
    const p = passage(doc);
    const id = addLink(doc, { source: p, target: 'hub-realist', relation: 'supports', author: 'ana' }, me);
    expect(listLinks(doc).map((l) => [l.note, l.strength])).toEqual([['', DEFAULT_STRENGTH]]);
    setLinkStrength(doc, id, 3, me);
    setLinkNote(doc, id, 'only\r\nindirectly', me);
    expect(listLinks(doc).map((l) => [l.note, l.strength])).toEqual([['only\nindirectly', 3]]);
    const other = addLink(doc, { source: p, target: 'hub-structural', relation: 'challenges', author: 'ana', strength: 1, note: 'weak' }, me);
    expect(listLinks(doc).find((l) => l.id === other)).toMatchObject({ strength: 1, note: 'weak' });
  });

  it('refuse strengths other than 1–3 and unknown links', () => {
    const doc = seminarDoc();
    const p = passage(doc);
    const id = addLink(doc, { source: p, target: 'hub-realist', relation: 'supports', author: 'ana' }, me);
    expect(refusal(doc, () => setLinkStrength(doc, id, 4 as never, me))).toBe('setLinkStrength: strength must be 1, 2 or 3');
    expect(refusal(doc, () => setLinkStrength(doc, 'link:x', 2, me))).toBe('setLinkStrength: no link with id "link:x"');
    expect(refusal(doc, () => setLinkNote(doc, id, 'a\u0000b', me))).toBe('setLinkNote: note contains a control character (only line breaks are allowed)');
    expect(refusal(doc, () => addLink(doc, { source: p, target: 'hub-ideological', relation: 'supports', author: 'ana', strength: 0 as never }, me))).toBe(
      'addLink: strength must be 1, 2 or 3',
    );
  });
});
