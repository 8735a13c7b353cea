// Issue 11 item 5: eight 15 MB comments made a document unjoinable. Each role's updates
// have a size limit and records theirs (a comment is at most 10,000 characters): an
// oversized one is refused, not stored, not relayed, and newcomers still join.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMENTS } from '../../shared/model/roots';
import { MAX_COMMENT_LENGTH } from '../../shared/model/validation';
import { commentText, writeComment } from '../test-support/records';
import { startSeminar, type Participant, type Seminar } from '../test-support/seminar';
import { waitFor } from '../test-support/wait';
import { MAX_UPDATE_BYTES } from './update-guard';

let s: Seminar;
let observer: Participant;

beforeAll(async () => {
  s = await startSeminar();
  observer = await s.join('editor', 'observer');
});
afterAll(() => s.stop());

describe('size quotas', () => {
  it('refuses a 15 MB comment: not stored, not relayed, and the document stays small enough to join', async () => {
    const attacker = await s.join('commenter', 'mallory');
    writeComment(attacker.doc, 'huge', { author: 'mallory', text: 'x'.repeat(15 * 1024 * 1024) });
    await waitFor(() => attacker.refusals.length > 0, 'the refusal');
    expect(attacker.refusals[0]!.code).toBe('quota');
    expect(attacker.refusals[0]!.reason).toMatch(new RegExp(`^a commenter's change may be at most ${MAX_UPDATE_BYTES.commenter} bytes`));
    await s.barrier(observer.doc, 'after-huge');
    expect(observer.doc.getMap(COMMENTS).has('huge')).toBe(false);
    expect((await s.t.server.store.load(s.doc))!.byteLength).toBeLessThan(64 * 1024);
    const newcomer = await s.join('viewer', 'newcomer');
    expect(newcomer.doc.getMap(COMMENTS).has('huge')).toBe(false);
  });

  it('refuses a comment longer than the model allows even when the update is small enough', async () => {
    const commenter = await s.join('commenter', 'long');
    writeComment(commenter.doc, 'long', { author: 'long', text: 'y'.repeat(MAX_COMMENT_LENGTH + 1) });
    await waitFor(() => commenter.refusals.length > 0, 'the refusal');
    expect(commenter.refusals[0]).toMatchObject({ code: 'shape', reason: `comments record long is malformed: comment text is longer than ${MAX_COMMENT_LENGTH} characters` });
    await s.barrier(observer.doc, 'after-long');
    expect((await s.stored()).getMap(COMMENTS).has('long')).toBe(false);
  });

  it('accepts a comment of the largest allowed length', async () => {
    const commenter = await s.join('commenter', 'ok');
    writeComment(commenter.doc, 'full', { author: 'ok', text: 'z'.repeat(MAX_COMMENT_LENGTH) });
    await commenter.acknowledged();
    await waitFor(() => commentText(observer.doc, 'full') !== undefined, 'the comment at the observer');
    expect(commenter.refusals).toEqual([]);
  });
});
