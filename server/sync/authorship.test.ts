// Issue 11 item 3: authorship is the connection's person. A commenter cannot rewrite or
// remove another person's comment, post in someone else's name, or claim another
// person's id; the refused change is neither stored nor relayed, and honest work goes on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { COMMENTS } from '../../shared/model/roots';
import { PERSON_TAKEN } from './auth-extension';
import { commentText, writeComment } from '../test-support/records';
import { newPersonKey, startSeminar, type Participant, type Seminar } from '../test-support/seminar';
import { waitFor } from '../test-support/wait';

let s: Seminar;
let observer: Participant;

beforeAll(async () => {
  s = await startSeminar();
  observer = await s.join('editor', 'observer');
  const ana = await s.join('commenter', 'ana');
  writeComment(ana.doc, 'c-ana', { author: 'ana', text: 'The dates do not match.' });
  await ana.acknowledged();
  await waitFor(() => commentText(observer.doc, 'c-ana') !== undefined, "ana's comment at the observer");
  ana.destroy();
});
afterAll(() => s.stop());

async function refusedAndUnchanged(attacker: Participant, reason: string, label: string): Promise<void> {
  await waitFor(() => attacker.refusals.length > 0, 'the refusal');
  expect(attacker.refusals[0]).toEqual({ type: 'crux.refused', code: 'author', reason });
  await s.barrier(observer.doc, label);
  expect(commentText(observer.doc, 'c-ana')).toBe('The dates do not match.');
  expect(commentText(await s.stored(), 'c-ana')).toBe('The dates do not match.');
}

describe('authorship', () => {
  it("refuses a commenter rewriting another person's comment", async () => {
    const bob = await s.join('commenter', 'bob');
    (bob.doc.getMap(COMMENTS).get('c-ana') as Y.Map<unknown>).set('text', 'I was wrong.');
    await refusedAndUnchanged(bob, "commenters may not change another person's comment", 'after-rewrite');
  });

  it("refuses a commenter deleting another person's comment", async () => {
    const bob = await s.join('commenter', 'bob');
    bob.doc.getMap(COMMENTS).delete('c-ana');
    await refusedAndUnchanged(bob, 'commenters may not remove or replace a comment (deleting one empties it)', 'after-delete');
    expect(observer.doc.getMap(COMMENTS).has('c-ana')).toBe(true);
  });

  it("refuses taking over a comment by changing its author", async () => {
    const bob = await s.join('commenter', 'bob');
    (bob.doc.getMap(COMMENTS).get('c-ana') as Y.Map<unknown>).set('author', 'bob');
    await refusedAndUnchanged(bob, 'the author of a record cannot be changed', 'after-takeover');
  });

  it('refuses a comment posted in the name of someone else, by a commenter or an editor', async () => {
    const bob = await s.join('commenter', 'bob');
    writeComment(bob.doc, 'c-forged', { author: 'ana', text: 'I take it all back.' });
    const eve = await s.join('editor', 'eve');
    writeComment(eve.doc, 'c-forged-2', { author: 'ana', text: 'Me too.' });
    await waitFor(() => bob.refusals.length > 0 && eve.refusals.length > 0, 'both refusals');
    expect(bob.refusals[0]!.reason).toBe('a comment must name its writer as author');
    expect(eve.refusals[0]!.reason).toBe('a new record must name its writer as author');
    await s.barrier(observer.doc, 'after-forgery');
    for (const doc of [observer.doc, await s.stored()]) {
      expect(doc.getMap(COMMENTS).has('c-forged')).toBe(false);
      expect(doc.getMap(COMMENTS).has('c-forged-2')).toBe(false);
    }
  });

  it("refuses a connection claiming another person's id with another key", async () => {
    const impostor = s.connect('commenter', 'ana', newPersonKey());
    await waitFor(() => impostor.authFailures.length > 0, 'the authentication to fail');
    expect(impostor.authFailures[0]).toBe(PERSON_TAKEN);
    expect(impostor.provider.isSynced).toBe(false);
  });

  it('lets the real person edit and delete their own comment, with the same key as before', async () => {
    const ana = await s.join('commenter', 'ana');
    const record = ana.doc.getMap(COMMENTS).get('c-ana') as Y.Map<unknown>;
    record.set('text', 'The dates match after all.');
    await ana.acknowledged();
    await waitFor(() => commentText(observer.doc, 'c-ana') === 'The dates match after all.', 'the edit at the observer');
    ana.doc.transact(() => {
      record.set('text', '');
      record.set('deleted', true);
    });
    await ana.acknowledged();
    await waitFor(() => commentText(observer.doc, 'c-ana') === '', 'the deletion at the observer');
    expect(ana.refusals).toEqual([]);
  });
});
