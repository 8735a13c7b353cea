// Randomised convergence in the style of Yjs' applyRandomTests: 3–5 peers make random
// edits to the text, annotations, links, comments, hubs and people while updates are
// delivered in random order and peers drop off and come back. Once everyone is
// connected again, every peer must show exactly the same thing.
import fc from 'fast-check';
import type * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { articleText, createAnchor, trimRange } from '../anchoring/anchor';
import { resolveAnnotations } from '../anchoring/resolve';
import { paragraphs, replaceText, writeArticle } from '../test-support/article';
import { SENTENCES } from '../test-support/model';
import { Network } from '../test-support/peers';
import { addAnnotation, deleteAnnotation, listAnnotations, updateAnnotation, ROLES } from './annotations';
import { addComment, deleteComment, editComment, listThreads, reopenThread, resolveThread } from './comments';
import { addHub, ensureDefaultHubs, listHubs, recolourHub, removeHub, renameHub } from './hubs';
import { addLink, listLinks, RELATIONS } from './links';
import { createLocalOrigin, type LocalOrigin } from './origin';
import { listPeople, PERSON_COLOURS, setPerson } from './people';
import { createUndoManager } from './undo';

const KINDS = [
  'type', 'type', 'erase', 'annotate', 'annotate', 'update', 'unannotate', 'link', 'comment', 'comment', 'reply',
  'resolve', 'reopen', 'editComment', 'deleteComment', 'addHub', 'renameHub', 'recolourHub', 'removeHub',
  'ensureHubs', 'person', 'undo', 'redo', 'disconnect', 'reconnect', 'deliver', 'deliver', 'deliver', 'deliver',
] as const;

const op = fc.record({ kind: fc.constantFrom(...KINDS), peer: fc.nat(), a: fc.nat(), b: fc.nat({ max: 30 }), c: fc.nat() });
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

function pick<T>(list: readonly T[], n: number): T | undefined {
  return list.length === 0 ? undefined : list[n % list.length];
}

/** What a participant sees: everything the UI shows, in plain values. */
function view(doc: Y.Doc) {
  const annotations = listAnnotations(doc);
  return {
    text: articleText(doc).text,
    annotations,
    anchors: [...resolveAnnotations(doc, annotations)],
    threads: listThreads(doc),
    hubs: listHubs(doc),
    links: listLinks(doc),
    people: listPeople(doc),
  };
}

function apply(net: Network, origins: LocalOrigin[], undos: Y.UndoManager[], o: Op): void {
  const peer = net.peers[o.peer % net.peers.length]!;
  const doc = peer.doc;
  const me = origins[peer.index]!;
  const who = me.personId;
  const text = articleText(doc).text;
  const at = o.a % (text.length + 1);
  const annotation = pick(listAnnotations(doc), o.c);
  const hub = pick(listHubs(doc), o.c);
  const threads = listThreads(doc);
  const comments = threads.flatMap((t) => t.comments);
  switch (o.kind) {
    case 'type':
      replaceText(doc, at, at, ['war ', 'peace', ' and', 'x'][o.b % 4]!, me);
      break;
    case 'erase':
      replaceText(doc, at, Math.min(text.length, at + o.b), '', me);
      break;
    case 'annotate': {
      const range = trimRange(text, { start: at, end: Math.min(text.length, at + 1 + o.b) });
      if (!range) break;
      const links = hub && o.c % 2 === 0 ? [{ target: hub.id, relation: RELATIONS[o.b % 2]! }] : [];
      addAnnotation(doc, { role: ROLES[o.c % 3]!, anchor: createAnchor(doc, range), author: who, links }, me);
      break;
    }
    case 'update':
      if (annotation) updateAnnotation(doc, annotation.id, { note: `note ${o.b}`, tags: [...annotation.tags, `t${o.b % 5}`], role: ROLES[o.b % 3]! }, me);
      break;
    case 'unannotate':
      if (annotation) deleteAnnotation(doc, annotation.id, me);
      break;
    case 'link':
      if (annotation && hub) addLink(doc, { source: annotation.id, target: hub.id, relation: RELATIONS[o.b % 2]!, author: who }, me);
      break;
    case 'comment': {
      const target = o.b % 2 === 0 ? annotation?.id : hub?.id;
      if (target) addComment(doc, { target, author: who, text: `Comment ${o.a}` }, me);
      break;
    }
    case 'reply': {
      const parent = pick(comments, o.c);
      if (parent) addComment(doc, { target: parent.target, parent: parent.id, author: who, text: `Reply ${o.a}` }, me);
      break;
    }
    case 'resolve':
    case 'reopen': {
      const thread = pick(threads, o.c);
      if (thread) (o.kind === 'resolve' ? resolveThread : reopenThread)(doc, { id: thread.id, by: who }, me);
      break;
    }
    case 'editComment':
    case 'deleteComment': {
      const own = pick(
        comments.filter((c) => c.author === who && !c.deleted),
        o.c,
      );
      if (own && o.kind === 'editComment') editComment(doc, { id: own.id, by: who, text: `Edited ${o.a}` }, me);
      if (own && o.kind === 'deleteComment') deleteComment(doc, { id: own.id, by: who }, me);
      break;
    }
    case 'addHub':
      addHub(doc, { label: `Hub ${o.a % 100}`, colour: PERSON_COLOURS[o.b % PERSON_COLOURS.length]! }, me);
      break;
    case 'renameHub':
      if (hub) renameHub(doc, hub.id, `Renamed ${o.a % 100}`, me);
      break;
    case 'recolourHub':
      if (hub) recolourHub(doc, hub.id, PERSON_COLOURS[o.b % PERSON_COLOURS.length]!, me);
      break;
    case 'removeHub':
      if (hub) removeHub(doc, hub.id, me);
      break;
    case 'ensureHubs':
      ensureDefaultHubs(doc);
      break;
    case 'person':
      setPerson(doc, { id: who, name: `Name ${o.a % 50}`, colour: PERSON_COLOURS[o.b % PERSON_COLOURS.length]! }, me);
      break;
    case 'undo':
      undos[peer.index]!.undo();
      break;
    case 'redo':
      undos[peer.index]!.redo();
      break;
    case 'disconnect':
      peer.online = false;
      break;
    case 'reconnect':
      if (!peer.online) net.reconnect(peer.index);
      break;
    case 'deliver':
      for (let i = 0; i <= o.b % 8; i++) net.deliverOne(o.a + i);
      break;
  }
}

describe('convergence', () => {
  it('leaves every peer with the same text, annotations, anchors, comments, hubs and people', () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 5 }), fc.boolean(), fc.array(op, { minLength: 1, maxLength: 120 }), (count, gc, ops) => {
        const net = new Network(count, { gc });
        writeArticle(net.peers[0]!.doc, paragraphs(SENTENCES));
        net.settle();
        // Everyone opens the project at once: each creates the default hubs before syncing.
        for (const p of net.peers) ensureDefaultHubs(p.doc);
        const origins = net.peers.map((p) => createLocalOrigin(`p${p.index}`));
        const undos = net.peers.map((p) => createUndoManager(p.doc, origins[p.index]!, { captureTimeout: 0 }));
        for (const o of ops) apply(net, origins, undos, o);
        net.settle();
        const first = view(net.peers[0]!.doc);
        for (const p of net.peers.slice(1)) expect(view(p.doc)).toEqual(first);
        // Hubs created concurrently by every peer exist once each.
        expect(new Set(first.hubs.map((h) => h.id)).size).toBe(first.hubs.length);
        for (const [, r] of first.anchors) if (r.status === 'anchored') expect(r.start).toBeLessThan(r.end);
      }),
      { numRuns: 60 },
    );
  });
});
