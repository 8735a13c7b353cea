import { describe, expect, it } from 'vitest';
import { ySyncPluginKey } from 'y-prosemirror';
import { resolveAnnotation } from '../anchoring/resolve';
import { schema } from '../schema';
import { editInProseMirror } from '../test-support/editor';
import { anchorOn, SENTENCES } from '../test-support/model';
import { Network } from '../test-support/peers';
import { paragraphs, writeArticle } from '../test-support/article';
import { articleText } from '../anchoring/anchor';
import { addAnnotation, deleteAnnotation, getAnnotation, listAnnotations } from './annotations';
import { addComment, listThreads } from './comments';
import { ensureDefaultHubs } from './hubs';
import { listLinks } from './links';
import { createLocalOrigin } from './origin';
import { createUndoManager } from './undo';

function twoPeers() {
  const net = new Network(2);
  const a = net.peers[0]!.doc;
  const b = net.peers[1]!.doc;
  writeArticle(a, paragraphs(SENTENCES));
  ensureDefaultHubs(a);
  net.settle();
  const originA = createLocalOrigin('ana');
  const originB = createLocalOrigin('ben');
  return { net, a, b, originA, originB, undoA: createUndoManager(a, originA), undoB: createUndoManager(b, originB) };
}

describe('undo', () => {
  it("undoes my last tag, not a colleague's, on every peer; redo brings it back", () => {
    const { net, a, b, originA, originB, undoA } = twoPeers();
    const mine = addAnnotation(a, { role: 'claim', anchor: anchorOn(a, 'strategy'), author: 'ana' }, originA);
    net.settle();
    const theirs = addAnnotation(b, { role: 'evidence', anchor: anchorOn(b, 'common cause'), author: 'ben' }, originB);
    net.settle();
    undoA.undo();
    net.settle();
    for (const doc of [a, b]) expect(listAnnotations(doc).map((x) => x.id)).toEqual([theirs]);
    undoA.redo();
    net.settle();
    for (const doc of [a, b]) expect(listAnnotations(doc).map((x) => x.id).sort()).toEqual([mine, theirs].sort());
  });

  it('undoes a text correction made in the editor, and the highlight follows', () => {
    const { a, originA, undoA } = twoPeers();
    const id = addAnnotation(a, { role: 'claim', anchor: anchorOn(a, 'long letters'), author: 'ana' }, originA);
    undoA.stopCapturing();
    const before = articleText(a).text;
    editInProseMirror(a, (tr) => {
      const at = 1 + SENTENCES[0]!.indexOf('long');
      tr.replaceWith(at, at + 4, schema.text('lengthy'));
    });
    const shown = () => {
      const r = resolveAnnotation(a, getAnnotation(a, id)!);
      return r.status === 'anchored' ? articleText(a).text.slice(r.start, r.end) : r.status;
    };
    expect(shown()).toBe('lengthy letters');
    undoA.undo();
    expect(articleText(a).text).toBe(before);
    expect(shown()).toBe('long letters');
    undoA.redo();
    expect(shown()).toBe('lengthy letters');
  });

  it('brings back a deleted annotation whole: its place, links and comments', () => {
    const { a, originA, undoA } = twoPeers();
    const id = addAnnotation(a, { role: 'counter', anchor: anchorOn(a, 'open polemics'), author: 'ana', links: [{ target: 'hub-realist', relation: 'challenges' }] }, originA);
    addComment(a, { target: id, author: 'ana', text: 'Key passage.' }, originA);
    undoA.stopCapturing();
    deleteAnnotation(a, id, originA);
    undoA.undo();
    expect(getAnnotation(a, id)!.links.map((l) => l.target)).toEqual(['hub-realist']);
    expect(listThreads(a, id)).toHaveLength(1);
    expect(resolveAnnotation(a, getAnnotation(a, id)!)).toMatchObject({ status: 'anchored', via: 'live' });
    expect(listLinks(a)).toHaveLength(1);
  });

  it('skips editor changes marked not to be kept in history', () => {
    const { a, originA } = twoPeers();
    const undo = createUndoManager(a, originA);
    a.transact((tr) => {
      tr.meta.set('addToHistory', false);
      a.getXmlFragment('article').insert(0, []);
      a.getMap('annotations').set('x', 1);
    }, ySyncPluginKey);
    expect(undo.canUndo()).toBe(false);
  });
});
