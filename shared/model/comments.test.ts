import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { anchorOn, refusal, seminarDoc } from '../test-support/model';
import { addAnnotation } from './annotations';
import { addComment, deleteComment, editComment, listThreads, reopenThread, resolveThread } from './comments';
import { createLocalOrigin } from './origin';

const ana = createLocalOrigin('ana');
const ben = createLocalOrigin('ben');

function setup() {
  const doc = seminarDoc();
  const passage = addAnnotation(doc, { role: 'claim', anchor: anchorOn(doc, 'common cause'), author: 'ana' }, ana);
  return { doc, passage };
}

describe('comment threads', () => {
  it('gather replies under the first comment, oldest first', () => {
    const { doc, passage } = setup();
    const first = addComment(doc, { target: passage, author: 'ana', text: 'Is this really a claim?' }, ana);
    const reply = addComment(doc, { target: passage, parent: first, author: 'ben', text: 'It reads as one.\r\nSee the verb.' }, ben);
    const nested = addComment(doc, { target: passage, parent: reply, author: 'ana', text: 'Fair.' }, ana);
    const other = addComment(doc, { target: 'hub-realist', author: 'ben', text: 'Which realism?' }, ben);
    const [thread, onHub] = listThreads(doc);
    expect(thread!.id).toBe(first);
    expect(thread!.target).toBe(passage);
    expect(thread!.comments.map((c) => [c.id, c.parent, c.author, c.text])).toEqual([
      [first, null, 'ana', 'Is this really a claim?'],
      [reply, first, 'ben', 'It reads as one.\nSee the verb.'],
      [nested, reply, 'ana', 'Fair.'],
    ]);
    expect(thread!.comments.every((c) => c.thread === first)).toBe(true);
    expect(onHub!.id).toBe(other);
    expect(listThreads(doc, 'hub-realist').map((t) => t.id)).toEqual([other]);
    expect(Object.isFrozen(thread!.comments[0])).toBe(true);
  });

  it('list replies in the order they were written, even within one millisecond', () => {
    const { doc, passage } = setup();
    const first = addComment(doc, { target: passage, author: 'ana', text: 'Count:' }, ana);
    for (let i = 1; i <= 30; i++) addComment(doc, { target: passage, parent: first, author: 'ana', text: `${i}` }, ana);
    expect(listThreads(doc)[0]!.comments.slice(1).map((c) => c.text)).toEqual(Array.from({ length: 30 }, (_, i) => `${i + 1}`));
  });

  it('are resolved and reopened', () => {
    const { doc, passage } = setup();
    const first = addComment(doc, { target: passage, author: 'ana', text: 'Settle this.' }, ana);
    resolveThread(doc, { id: first, by: 'ben' }, ben);
    expect(listThreads(doc)[0]!.resolved).toEqual({ by: 'ben', at: expect.any(Number) });
    resolveThread(doc, { id: first, by: 'ana' }, ana);
    expect(listThreads(doc)[0]!.resolved!.by).toBe('ben');
    reopenThread(doc, { id: first, by: 'ana' }, ana);
    expect(listThreads(doc)[0]!.resolved).toBeNull();
  });

  it('let authors edit and delete their own comments; replies outlive a deleted comment', () => {
    const { doc, passage } = setup();
    const first = addComment(doc, { target: passage, author: 'ana', text: 'Frist point.' }, ana);
    const reply = addComment(doc, { target: passage, parent: first, author: 'ben', text: 'Agreed.' }, ben);
    editComment(doc, { id: first, by: 'ana', text: 'First point.' }, ana);
    expect(listThreads(doc)[0]!.comments[0]).toMatchObject({ text: 'First point.', edited: expect.any(Number) });
    deleteComment(doc, { id: first, by: 'ana' }, ana);
    expect(listThreads(doc)[0]!.comments.map((c) => [c.text, c.deleted])).toEqual([
      ['', true],
      ['Agreed.', false],
    ]);
    deleteComment(doc, { id: reply, by: 'ben' }, ben);
    expect(listThreads(doc)).toEqual([]);
  });

  it('keep a reply written while its parent was deleted elsewhere', () => {
    const { doc, passage } = setup();
    const first = addComment(doc, { target: passage, author: 'ana', text: 'Hm.' }, ana);
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    deleteComment(doc, { id: first, by: 'ana' }, ana);
    addComment(other, { target: passage, parent: first, author: 'ben', text: 'Why hm?' }, ben);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
    expect(listThreads(doc)[0]!.comments.map((c) => c.text)).toEqual(['', 'Why hm?']);
  });

  it('refuse bad input and change nothing', () => {
    const { doc, passage } = setup();
    const first = addComment(doc, { target: passage, author: 'ana', text: 'Start.' }, ana);
    const add = (input: object) => refusal(doc, () => addComment(doc, input as never, ana));
    expect(add({ target: passage, author: 'ana', text: '  \n ' })).toBe('addComment: comment text is empty');
    expect(add({ target: passage, author: 'ana', text: 'x'.repeat(10_001) })).toBe('addComment: comment text is too long (at most 10000 characters)');
    expect(add({ target: passage, author: 'ana', text: 'tab\there' })).toBe('addComment: comment text contains a control character (only line breaks are allowed)');
    expect(add({ target: passage, author: 'ana', text: 'abc\u202edcba' })).toBe('addComment: comment text contains a control character (only line breaks are allowed)');
    expect(add({ target: passage, author: 'ana', text: 7 })).toBe('addComment: comment text must be text');
    expect(add({ target: passage, author: 'ana' })).toBe('addComment: comment text is missing');
    expect(add({ target: 'a-none', author: 'ana', text: 'Hi' })).toBe('addComment: target "a-none" is not an annotation, hub or claim in this document');
    expect(add({ target: passage, parent: 'c-none', author: 'ana', text: 'Hi' })).toBe('addComment: no comment to reply to with id "c-none"');
    expect(add({ target: 'hub-realist', parent: first, author: 'ana', text: 'Hi' })).toBe(`addComment: comment ${first} is about another node than "hub-realist"`);
    expect(refusal(doc, () => editComment(doc, { id: first, by: 'ben', text: 'Mine now.' }, ben))).toBe('editComment: only its author can edit a comment');
    expect(refusal(doc, () => deleteComment(doc, { id: first, by: 'ben' }, ben))).toBe('deleteComment: only its author can delete a comment');
    expect(refusal(doc, () => deleteComment(doc, { id: 'c-none', by: 'ben' }, ben))).toBe('deleteComment: no comment with id "c-none"');
    const reply = addComment(doc, { target: passage, parent: first, author: 'ben', text: 'Reply.' }, ben);
    expect(refusal(doc, () => resolveThread(doc, { id: reply, by: 'ben' }, ben))).toBe(`resolveThread: comment ${reply} is a reply, not a thread`);
    expect(refusal(doc, () => reopenThread(doc, { id: 'c-none', by: 'ben' }, ben))).toBe('reopenThread: no thread with id "c-none"');
    deleteComment(doc, { id: reply, by: 'ben' }, ben);
    expect(refusal(doc, () => editComment(doc, { id: reply, by: 'ben', text: 'Back.' }, ben))).toBe('editComment: the comment was deleted');
  });
});
