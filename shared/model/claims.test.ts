import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { refusal, seminarDoc } from '../test-support/model';
import { addClaim, deleteClaim, listClaims, renameClaim, MAX_CLAIM_LENGTH } from './claims';
import { addLink, listLinks } from './links';
import { createLocalOrigin } from './origin';
import { getPositions, setPosition } from './positions';
import { createUndoManager } from './undo';

const me = createLocalOrigin('ana');

describe('claims', () => {
  it('are added, renamed and listed as plain text', () => {
    const doc = seminarDoc();
    const id = addClaim(doc, { text: '  Trade mattered more\r\nthan doctrine ', author: 'ana' }, me);
    renameClaim(doc, id, 'Trade <b>mattered</b>', me);
    expect(listClaims(doc).map(({ id: key, text, author }) => ({ key, text, author }))).toEqual([{ key: id, text: 'Trade <b>mattered</b>', author: 'ana' }]);
  });

  it('take links, and deleting one removes its links and position', () => {
    const doc = seminarDoc();
    const id = addClaim(doc, { text: 'A claim', author: 'ana' }, me);
    addLink(doc, { source: id, target: 'hub-realist', relation: 'supports', author: 'ana' }, me);
    setPosition(doc, id, { x: 5, y: 6 }, me);
    deleteClaim(doc, id, me);
    expect(listClaims(doc)).toEqual([]);
    expect(listLinks(doc)).toEqual([]);
    expect(getPositions(doc).has(id)).toBe(false);
  });

  it('refuse bad input with a clear message', () => {
    const doc = seminarDoc();
    expect(refusal(doc, () => addClaim(doc, { text: '   ', author: 'ana' }, me))).toBe('addClaim: text must not be empty');
    expect(refusal(doc, () => addClaim(doc, { text: 'x'.repeat(MAX_CLAIM_LENGTH + 1), author: 'ana' }, me))).toBe(
      `addClaim: text is too long (at most ${MAX_CLAIM_LENGTH} characters)`,
    );
    expect(refusal(doc, () => addClaim(doc, { text: 'a\u0007b', author: 'ana' }, me))).toBe('addClaim: text contains a control character (only line breaks are allowed)');
    expect(refusal(doc, () => renameClaim(doc, 'claim-nope', 'x', me))).toBe('renameClaim: no claim with id "claim-nope"');
    expect(refusal(doc, () => deleteClaim(doc, 'claim-nope', me))).toBe('deleteClaim: no claim with id "claim-nope"');
  });

  it('are undone and redone with the rest of this user’s changes', () => {
    const doc = seminarDoc();
    const undo = createUndoManager(doc, me);
    const id = addClaim(doc, { text: 'A claim', author: 'ana' }, me);
    undo.stopCapturing();
    deleteClaim(doc, id, me);
    undo.undo();
    expect(listClaims(doc).map((c) => c.id)).toEqual([id]);
    undo.undo();
    expect(listClaims(doc)).toEqual([]);
  });
});

describe('positions', () => {
  it('are shared between peers and undone', () => {
    const doc = seminarDoc();
    const undo = createUndoManager(doc, me);
    setPosition(doc, 'hub-realist', { x: 12, y: -3 }, me);
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    expect(getPositions(peer).get('hub-realist')).toEqual({ x: 12, y: -3 });
    undo.undo();
    expect(getPositions(doc).get('hub-realist')).toEqual({ x: 0, y: -400 });
  });

  it('refuse unknown nodes and non-points', () => {
    const doc = seminarDoc();
    expect(refusal(doc, () => setPosition(doc, 'claim-nope', { x: 1, y: 1 }, me))).toBe('setPosition: no hub, claim or annotation with id "claim-nope"');
    expect(refusal(doc, () => setPosition(doc, 'hub-realist', { x: Number.NaN, y: 1 }, me))).toBe('setPosition: position must be a point {x, y} of finite numbers');
    expect(refusal(doc, () => setPosition(doc, 'hub-realist', { x: 1 } as never, me))).toBe('setPosition: position must be a point {x, y} of finite numbers');
  });
});
