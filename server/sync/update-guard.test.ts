import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ARTICLE, COMMENTS, META } from '../../shared/model/roots';
import { unintegrableUpdate } from '../test-support/messages';
import { commentText, writeComment } from '../test-support/records';
import { UpdateGuard, type Writer } from './update-guard';

const EDITOR: Writer = { role: 'editor', person: 'ed' };
const COMMENTER: Writer = { role: 'commenter', person: 'cam' };

/** A live document with an article and one comment, guarded; `send` plays a client's update through it. */
function setup() {
  const live = new Y.Doc();
  const editor = new Y.Doc();
  editor.getText(ARTICLE).insert(0, 'The split began in 1960.');
  writeComment(editor, 'c1', { author: 'cam', text: 'first comment' });
  Y.applyUpdate(live, Y.encodeStateAsUpdate(editor));
  const guard = new UpdateGuard(live);
  const send = (update: Uint8Array, writer: Writer) => {
    const verdict = guard.check(update, writer);
    if (verdict.ok) Y.applyUpdate(live, update);
    return verdict;
  };
  /** A client that starts from the live state. */
  const client = () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(live));
    return doc;
  };
  return { live, editor, guard, send, client };
}

/** The update `change` makes to `doc`. */
function edit(doc: Y.Doc, change: (doc: Y.Doc) => void): Uint8Array {
  const before = Y.encodeStateVector(doc);
  change(doc);
  return Y.encodeStateAsUpdate(doc, before);
}

describe('UpdateGuard', () => {
  it('lets an editor change anything, and reports what the update adds', () => {
    const { live, send, client } = setup();
    const doc = client();
    const update = edit(doc, (d) => d.getText(ARTICLE).insert(0, 'Indeed: '));
    const verdict = send(update, EDITOR);
    expect(verdict.ok).toBe(true);
    expect(verdict.ok && verdict.effective).toBeInstanceOf(Uint8Array);
    expect(live.getText(ARTICLE).toString()).toBe('Indeed: The split began in 1960.');
    // The same update again adds nothing: there is nothing to persist.
    expect(send(update, EDITOR)).toEqual({ ok: true, effective: null });
  });

  it('lets a commenter add, edit and delete (empty) their own comments', () => {
    const { live, send, client } = setup();
    const doc = client();
    expect(send(edit(doc, (d) => writeComment(d, 'c2', { author: 'cam', text: 'a reply', thread: 'c1', parent: 'c1' })), COMMENTER).ok).toBe(true);
    const record = () => doc.getMap<Y.Map<unknown>>(COMMENTS).get('c2')!;
    expect(send(edit(doc, () => record().set('text', 'an edited reply')), COMMENTER).ok).toBe(true);
    expect(commentText(live, 'c2')).toBe('an edited reply');
    expect(send(edit(doc, () => { record().set('text', ''); record().set('deleted', true); }), COMMENTER).ok).toBe(true);
    expect(commentText(live, 'c2')).toBe('');
  });

  it('refuses a commenter editing the article, and the live document is unchanged', () => {
    const { live, send, client } = setup();
    const doc = client();
    const verdict = send(
      edit(doc, (d) => d.getText(ARTICLE).insert(0, 'Not: ')),
      COMMENTER,
    );
    expect(verdict).toEqual({ ok: false, malformed: false, code: 'role', reason: 'commenters may only change comments and their own name (update touches article)' });
    expect(live.getText(ARTICLE).toString()).toBe('The split began in 1960.');
  });

  it('refuses a commenter deleting article text (a delete-set-only update)', () => {
    const { send, client } = setup();
    const doc = client();
    const verdict = send(
      edit(doc, (d) => d.getText(ARTICLE).delete(0, 4)),
      COMMENTER,
    );
    expect(verdict.ok).toBe(false);
    expect(!verdict.ok && verdict.reason).toMatch(/touches article/);
  });

  it('refuses an update mixing a comment with a change elsewhere, naming every root', () => {
    const { live, send, client } = setup();
    const doc = client();
    const verdict = send(
      edit(doc, (d) => {
        writeComment(d, 'c9', { author: 'cam', text: 'sneaky' });
        d.getMap(META).set('title', 'changed');
        d.getMap('made-up-root').set('x', 1);
      }),
      COMMENTER,
    );
    expect(!verdict.ok && verdict.reason).toBe(
      'commenters may only change comments and their own name (update touches made-up-root, meta)',
    );
    expect(live.getMap(COMMENTS).has('c9')).toBe(false);
  });

  it('keeps working after a refusal: the shadow is rebuilt from the live document', () => {
    const { live, send, client } = setup();
    const doc = client();
    const other = client();
    expect(send(edit(doc, (d) => d.getText(ARTICLE).insert(0, 'X')), COMMENTER).ok).toBe(false);
    expect(send(edit(other, (d) => writeComment(d, 'c3', { author: 'cam', text: 'fine' })), COMMENTER).ok).toBe(true);
    expect(commentText(live, 'c3')).toBe('fine');
    expect(live.getText(ARTICLE).toString()).toBe('The split began in 1960.');
  });

  it("refuses a commenter writing comments under an editor's client id", () => {
    const { editor, send, client } = setup();
    const doc = client();
    doc.clientID = editor.clientID; // forged: continue the editor's clock
    const verdict = send(
      edit(doc, (d) => writeComment(d, 'c4', { author: 'cam', text: 'as the editor' })),
      COMMENTER,
    );
    expect(!verdict.ok && verdict.reason).toBe(`commenters may not write as client ${editor.clientID}`);
  });

  it('refuses a commenter update that depends on changes the server does not have', () => {
    const { send, client } = setup();
    const doc = client();
    edit(doc, (d) => writeComment(d, 'c5', { author: 'cam', text: 'never sent' }));
    const second = edit(doc, (d) => writeComment(d, 'c6', { author: 'cam', text: 'depends on c5' }));
    const verdict = send(second, COMMENTER);
    expect(!verdict.ok && verdict.reason).toBe('update depends on changes the server does not have (an earlier one was refused)');
  });

  it('refuses an update that does not integrate, without touching the live document', () => {
    const { live, send } = setup();
    const verdict = send(unintegrableUpdate(ARTICLE), EDITOR);
    expect(verdict.ok).toBe(false);
    expect(!verdict.ok && verdict.malformed).toBe(true);
    expect(!verdict.ok && verdict.reason).toMatch(/^update does not apply: /);
    expect(live.getText(ARTICLE).toString()).toBe('The split began in 1960.');
  });

  it('follows changes made to the live document by other means (Redis, the host app)', () => {
    const { live, send } = setup();
    writeComment(live, 'from-host', { author: 'ed', text: 'hello' });
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(live));
    const verdict = send(
      edit(doc, (d) => writeComment(d, 'reply', { author: 'cam', text: 'to the host' })),
      COMMENTER,
    );
    expect(verdict.ok).toBe(true);
  });

  it('stops following the live document once destroyed', () => {
    const { live, guard } = setup();
    guard.destroy();
    expect(() => live.getText(ARTICLE).insert(0, 'still fine ')).not.toThrow();
  });
});
