// Issue 11 item 2: a participant who writes a record of the wrong shape (a plain string
// in the comments root, a comment without its fields) is refused: nothing is stored or
// relayed, the writer is told why, and honest participants keep working.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { listThreads } from '../../shared/model/comments';
import { ANNOTATIONS, COMMENTS } from '../../shared/model/roots';
import { commentText, writeComment } from '../test-support/records';
import { startSeminar, type Participant, type Seminar } from '../test-support/seminar';
import { waitFor } from '../test-support/wait';

let s: Seminar;
let observer: Participant;

beforeAll(async () => {
  s = await startSeminar();
  observer = await s.join('editor', 'observer');
});
afterAll(() => s.stop());

describe('record shapes', () => {
  it("refuses a commenter's plain string in the comments root", async () => {
    const attacker = await s.join('commenter', 'mallory');
    attacker.doc.getMap(COMMENTS).set('x', 'poison');
    await waitFor(() => attacker.refusals.length > 0, 'the refusal to reach the attacker');
    expect(attacker.refusals[0]).toEqual({ type: 'crux.refused', code: 'shape', reason: 'comments record x is not a record (a map of fields)' });
    await s.barrier(observer.doc, 'after-poison');
    expect(observer.doc.getMap(COMMENTS).has('x')).toBe(false);
    expect((await s.stored()).getMap(COMMENTS).has('x')).toBe(false);
    expect(s.t.server.hocuspocus.documents.get(s.doc)!.getMap(COMMENTS).has('x')).toBe(false);
  });

  it('refuses a comment missing its fields, and an annotation that is not one', async () => {
    const commenter = await s.join('commenter', 'half');
    const record = new Y.Map<unknown>();
    commenter.doc.getMap(COMMENTS).set('half', record);
    record.set('author', 'half');
    const editor = await s.join('editor', 'eve');
    editor.doc.getMap(ANNOTATIONS).set('a-bad', 42);
    await waitFor(() => commenter.refusals.length > 0 && editor.refusals.length > 0, 'both refusals');
    expect(commenter.refusals[0]!.code).toBe('shape');
    expect(commenter.refusals[0]!.reason).toMatch(/^comments record half is malformed: /);
    expect(editor.refusals[0]).toMatchObject({ code: 'shape', reason: 'annotations record a-bad is not a record (a map of fields)' });
    await s.barrier(observer.doc, 'after-half');
    const stored = await s.stored();
    expect(stored.getMap(COMMENTS).has('half')).toBe(false);
    expect(stored.getMap(ANNOTATIONS).has('a-bad')).toBe(false);
    expect(observer.doc.getMap(ANNOTATIONS).has('a-bad')).toBe(false);
  });

  it('keeps honest commenters working: their comment reaches everyone and is stored', async () => {
    const honest = await s.join('commenter', 'ana');
    writeComment(honest.doc, 'c-ana', { author: 'ana', text: 'Is this supported by the source?' });
    await honest.acknowledged();
    await waitFor(() => commentText(observer.doc, 'c-ana') === 'Is this supported by the source?', 'the comment at the observer');
    expect(commentText(await s.stored(), 'c-ana')).toBe('Is this supported by the source?');
    expect(honest.refusals).toEqual([]);
  });
});

describe('readers of a document a faulty peer wrote into', () => {
  it('skip records of the wrong shape instead of throwing', () => {
    const doc = new Y.Doc();
    doc.getMap(COMMENTS).set('x', 'poison');
    expect(listThreads(doc)).toEqual([]);
  });
});
