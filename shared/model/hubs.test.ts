import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { contrastOnWhite } from '../test-support/colour';
import { anchorOn, refusal, seminarDoc } from '../test-support/model';
import { addAnnotation } from './annotations';
import { addComment, listThreads } from './comments';
import { addHub, DEFAULT_HUBS, ensureDefaultHubs, listHubs, recolourHub, removeHub, renameHub } from './hubs';
import { listLinks } from './links';
import { createLocalOrigin } from './origin';
import { createUndoManager } from './undo';

const me = createLocalOrigin('ana');

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
}

describe('explanation hubs', () => {
  it('start as the four schools of explanation at the compass points', () => {
    const doc = new Y.Doc();
    ensureDefaultHubs(doc);
    expect(listHubs(doc)).toEqual([
      { id: 'hub-realist', label: 'Realist', colour: '#0072b2', position: { x: 0, y: -400 } },
      { id: 'hub-ideological', label: 'Ideological', colour: '#d55e00', position: { x: 400, y: 0 } },
      { id: 'hub-structural', label: 'Structural', colour: '#009e73', position: { x: 0, y: 400 } },
      { id: 'hub-domestic-politics', label: 'Domestic politics', colour: '#cc79a7', position: { x: -400, y: 0 } },
    ]);
  });

  it('are distinct and stand out against white as graphics should (3:1)', () => {
    expect(new Set(DEFAULT_HUBS.map((h) => h.colour)).size).toBe(4);
    for (const h of DEFAULT_HUBS) expect(contrastOnWhite(h.colour), h.label).toBeGreaterThanOrEqual(3);
  });

  it('are created once however often and by however many peers', () => {
    const peers = [new Y.Doc(), new Y.Doc(), new Y.Doc()];
    for (const doc of peers) {
      ensureDefaultHubs(doc);
      ensureDefaultHubs(doc);
    }
    sync(peers[0]!, peers[1]!);
    sync(peers[1]!, peers[2]!);
    sync(peers[0]!, peers[1]!);
    for (const doc of peers) expect(listHubs(doc)).toEqual(listHubs(peers[0]!));
    expect(listHubs(peers[0]!)).toHaveLength(4);
  });

  it('keep a rename made before a newcomer, who had not synced yet, created them too', () => {
    const host = new Y.Doc();
    ensureDefaultHubs(host);
    renameHub(host, 'hub-realist', 'Realism (national interest)', me);
    const newcomer = new Y.Doc();
    ensureDefaultHubs(newcomer);
    sync(host, newcomer);
    expect(listHubs(newcomer)[0]!.label).toBe('Realism (national interest)');
    expect(listHubs(host)).toEqual(listHubs(newcomer));
  });

  it('stay removed when removed, even as the project is opened again', () => {
    const doc = new Y.Doc();
    ensureDefaultHubs(doc);
    removeHub(doc, 'hub-structural', me);
    ensureDefaultHubs(doc);
    expect(listHubs(doc).map((h) => h.id)).not.toContain('hub-structural');
  });

  it('are not undone by the user who opened the project', () => {
    const doc = new Y.Doc();
    const undo = createUndoManager(doc, me);
    ensureDefaultHubs(doc);
    undo.undo();
    expect(listHubs(doc)).toHaveLength(4);
  });

  it('can be added, renamed, recoloured and removed', () => {
    const doc = new Y.Doc();
    ensureDefaultHubs(doc);
    const id = addHub(doc, { label: ' Leadership rivalry ', colour: '#6A3D9A', position: { x: 10, y: 20 } }, me);
    const floating = addHub(doc, { label: 'Personal clash', colour: '#117733' }, me);
    expect(listHubs(doc).slice(4)).toEqual([
      { id, label: 'Leadership rivalry', colour: '#6a3d9a', position: { x: 10, y: 20 } },
      { id: floating, label: 'Personal clash', colour: '#117733', position: null },
    ]);
    renameHub(doc, id, 'Rivalry at the top', me);
    recolourHub(doc, id, '#b15928', me);
    expect(listHubs(doc)[4]).toMatchObject({ label: 'Rivalry at the top', colour: '#b15928' });
    removeHub(doc, id, me);
    expect(listHubs(doc).map((h) => h.id)).not.toContain(id);
  });

  it('take their links and comment threads with them when removed', () => {
    const doc = seminarDoc();
    addAnnotation(doc, { role: 'evidence', anchor: anchorOn(doc, 'strategy'), author: 'ana', links: [{ target: 'hub-realist', relation: 'supports' }] }, me);
    addComment(doc, { target: 'hub-realist', author: 'ana', text: 'Too broad?' }, me);
    removeHub(doc, 'hub-realist', me);
    expect(listLinks(doc)).toEqual([]);
    expect(listThreads(doc)).toEqual([]);
  });

  it('refuse bad input and change nothing', () => {
    const doc = new Y.Doc();
    ensureDefaultHubs(doc);
    expect(refusal(doc, () => addHub(doc, { label: '', colour: '#000000' }, me))).toBe('addHub: label must not be empty');
    expect(refusal(doc, () => addHub(doc, { label: 'X', colour: '#12345' }, me))).toBe('addHub: colour must be a colour like #1f77b4');
    expect(refusal(doc, () => addHub(doc, { label: 'X', colour: '#123456', position: { x: Infinity, y: 0 } }, me))).toBe(
      'addHub: position must be a point {x, y} of finite numbers',
    );
    expect(refusal(doc, () => addHub(doc, { label: 'X', colour: '#123456', position: [1, 2] } as never, me))).toBe(
      'addHub: position must be a point {x, y} of finite numbers',
    );
    expect(refusal(doc, () => renameHub(doc, 'hub-none', 'X', me))).toBe('renameHub: no hub with id "hub-none"');
    expect(refusal(doc, () => renameHub(doc, 'hub-realist', 'A\tB', me))).toBe('renameHub: label must be a single line without control characters');
    expect(refusal(doc, () => recolourHub(doc, 'hub-realist', 'blue', me))).toBe('recolourHub: colour must be a colour like #1f77b4');
    expect(refusal(doc, () => removeHub(doc, 'hub-none', me))).toBe('removeHub: no hub with id "hub-none"');
  });
});
