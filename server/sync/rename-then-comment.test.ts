// Issue 12 item 1, server side: a commenter comments, sets their name, comments again.
// Their people entry used to be refused (commenters could touch only comments), and
// every later update of their Yjs client then waited on the refused structs, so the
// second comment never reached anyone. Now their own entry is theirs to write.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PEOPLE } from '../../shared/model/roots';
import { commentText, writeComment, writePerson } from '../test-support/records';
import { startSeminar, type Participant, type Seminar } from '../test-support/seminar';
import { waitFor } from '../test-support/wait';

let s: Seminar;
let host: Participant;

beforeAll(async () => {
  s = await startSeminar();
  host = await s.join('owner', 'host');
});
afterAll(() => s.stop());

describe('a commenter who renames themselves between two comments', () => {
  it('reaches the host with both comments and their name', async () => {
    const kim = await s.join('commenter', 'kim');
    writeComment(kim.doc, 'c-1', { author: 'kim', text: 'First thought.' });
    writePerson(kim.doc, 'kim', 'Kim Lee');
    writeComment(kim.doc, 'c-2', { author: 'kim', text: 'Second thought.' });
    await kim.acknowledged();
    await waitFor(() => commentText(host.doc, 'c-2') === 'Second thought.', 'the second comment at the host');
    expect(commentText(host.doc, 'c-1')).toBe('First thought.');
    expect(host.doc.getMap(PEOPLE).get('kim')).toEqual({ name: 'Kim Lee', colour: '#0072b2' });
    const stored = await s.stored();
    expect(commentText(stored, 'c-2')).toBe('Second thought.');
    expect(stored.getMap(PEOPLE).get('kim')).toEqual({ name: 'Kim Lee', colour: '#0072b2' });
    expect(kim.refusals).toEqual([]);
  });

  it("still refuses a commenter's write to someone else's people entry, and says so", async () => {
    const kim = await s.join('commenter', 'kim');
    writePerson(kim.doc, 'host', 'Not the host');
    await waitFor(() => kim.refusals.length > 0, 'the refusal');
    expect(kim.refusals[0]).toEqual({ type: 'crux.refused', code: 'author', reason: 'commenters may only write their own people entry' });
    await s.barrier(host.doc, 'after-rename-other');
    expect(host.doc.getMap(PEOPLE).get('host')).toBeUndefined();
  });
});
