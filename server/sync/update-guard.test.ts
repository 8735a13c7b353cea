import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ARTICLE, COMMENTS, META } from '../../shared/model/roots';
import { unintegrableUpdate } from '../test-support/messages';
import { UpdateGuard, type Writer } from './update-guard';

/** A live document with an article and one comment, guarded; `send` plays a client's update through it. */
function setup() {
  const live = new Y.Doc();
  const editor = new Y.Doc();
  editor.getText(ARTICLE).insert(0, 'The split began in 1960.');
  editor.getMap(COMMENTS).set('c1', 'first comment');
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
    const verdict = send(update, 'editor');
    expect(verdict.ok).toBe(true);
    expect(verdict.ok && verdict.effective).toBeInstanceOf(Uint8Array);
    expect(live.getText(ARTICLE).toString()).toBe('Indeed: The split began in 1960.');
    // The same update again adds nothing: there is nothing to persist.
    expect(send(update, 'editor')).toEqual({ ok: true, effective: null });
  });

  it('lets a commenter add, change and delete comments', () => {
    const { live, send, client } = setup();
    const doc = client();
    expect(send(edit(doc, (d) => d.getMap(COMMENTS).set('c2', 'a reply')), 'commenter').ok).toBe(true);
    expect(send(edit(doc, (d) => d.getMap(COMMENTS).set('c2', 'an edited reply')), 'commenter').ok).toBe(true);
    expect(send(edit(doc, (d) => d.getMap(COMMENTS).delete('c1')), 'commenter').ok).toBe(true);
    expect(live.getMap(COMMENTS).toJSON()).toEqual({ c2: 'an edited reply' });
  });

  it('lets a commenter write nested comment threads', () => {
    const { live, send, client } = setup();
    const doc = client();
    const update = edit(doc, (d) => {
      const thread = new Y.Map<unknown>();
      d.getMap(COMMENTS).set('t1', thread);
      const replies = new Y.Array<string>();
      thread.set('replies', replies);
      replies.push(['one', 'two']);
    });
    expect(send(update, 'commenter').ok).toBe(true);
    expect(live.getMap(COMMENTS).get('t1')).toBeInstanceOf(Y.Map);
  });

  it('refuses a commenter editing the article, and the live document is unchanged', () => {
    const { live, send, client } = setup();
    const doc = client();
    const verdict = send(
      edit(doc, (d) => d.getText(ARTICLE).insert(0, 'Not: ')),
      'commenter',
    );
    expect(verdict).toEqual({ ok: false, malformed: false, reason: 'commenters may only change comments (update touches article)' });
    expect(live.getText(ARTICLE).toString()).toBe('The split began in 1960.');
  });

  it('refuses a commenter deleting article text (a delete-set-only update)', () => {
    const { send, client } = setup();
    const doc = client();
    const verdict = send(
      edit(doc, (d) => d.getText(ARTICLE).delete(0, 4)),
      'commenter',
    );
    expect(verdict.ok).toBe(false);
    expect(!verdict.ok && verdict.reason).toMatch(/touches article/);
  });

  it('refuses an update mixing a comment with a change elsewhere, naming every root', () => {
    const { live, send, client } = setup();
    const doc = client();
    const verdict = send(
      edit(doc, (d) => {
        d.getMap(COMMENTS).set('c9', 'sneaky');
        d.getMap(META).set('title', 'changed');
        d.getMap('made-up-root').set('x', 1);
      }),
      'commenter',
    );
    expect(!verdict.ok && verdict.reason).toBe(
      'commenters may only change comments (update touches made-up-root, meta)',
    );
    expect(live.getMap(COMMENTS).has('c9')).toBe(false);
  });

  it('keeps working after a refusal: the shadow is rebuilt from the live document', () => {
    const { live, send, client } = setup();
    const doc = client();
    const other = client();
    expect(send(edit(doc, (d) => d.getText(ARTICLE).insert(0, 'X')), 'commenter').ok).toBe(false);
    expect(send(edit(other, (d) => d.getMap(COMMENTS).set('c3', 'fine')), 'commenter').ok).toBe(true);
    expect(live.getMap(COMMENTS).get('c3')).toBe('fine');
    expect(live.getText(ARTICLE).toString()).toBe('The split began in 1960.');
  });

  it("refuses a commenter writing comments under an editor's client id", () => {
    const { editor, send, client } = setup();
    const doc = client();
    doc.clientID = editor.clientID; // forged: continue the editor's clock
    const verdict = send(
      edit(doc, (d) => d.getMap(COMMENTS).set('c4', 'as the editor')),
      'commenter',
    );
    expect(!verdict.ok && verdict.reason).toBe(`commenters may not write as client ${editor.clientID}`);
  });

  it('refuses a commenter update that depends on changes the server does not have', () => {
    const { send, client } = setup();
    const doc = client();
    edit(doc, (d) => d.getMap(COMMENTS).set('c5', 'never sent'));
    const second = edit(doc, (d) => d.getMap(COMMENTS).set('c6', 'depends on c5'));
    const verdict = send(second, 'commenter');
    expect(!verdict.ok && verdict.reason).toBe('update depends on changes the server does not have');
  });

  it('refuses an update that does not integrate, without touching the live document', () => {
    const { live, send } = setup();
    const verdict = send(unintegrableUpdate(ARTICLE), 'editor');
    expect(verdict.ok).toBe(false);
    expect(!verdict.ok && verdict.malformed).toBe(true);
    expect(!verdict.ok && verdict.reason).toMatch(/^update does not apply: /);
    expect(live.getText(ARTICLE).toString()).toBe('The split began in 1960.');
  });

  it('follows changes made to the live document by other means (Redis, the host app)', () => {
    const { live, send } = setup();
    live.getMap(COMMENTS).set('from-host', 'hello');
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(live));
    const verdict = send(
      edit(doc, (d) => d.getMap(COMMENTS).set('reply', 'to the host')),
      'commenter',
    );
    expect(verdict.ok).toBe(true);
  });

  it('stops following the live document once destroyed', () => {
    const { live, guard } = setup();
    guard.destroy();
    expect(() => live.getText(ARTICLE).insert(0, 'still fine ')).not.toThrow();
  });
});
