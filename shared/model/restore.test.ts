import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { articleText } from '../anchoring/anchor';
import { resolveAnnotation } from '../anchoring/resolve';
import { schema } from '../schema';
import { paragraphs, replaceText, writeArticle } from '../test-support/article';
import { editInProseMirror } from '../test-support/editor';
import { anchorOn, refusal, SENTENCES } from '../test-support/model';
import { Network } from '../test-support/peers';
import { addAnnotation, deleteAnnotation, listAnnotations, updateAnnotation } from './annotations';
import { addClaim, listClaims } from './claims';
import { addComment, listThreads } from './comments';
import { ensureDefaultHubs, listHubs, renameHub } from './hubs';
import { addLink, listLinks } from './links';
import { createLocalOrigin, restoreOriginOf } from './origin';
import { listPeople, setPerson } from './people';
import { getPositions, setPosition } from './positions';
import { restoreVersion } from './restore';
import { ANNOTATIONS, ARTICLE } from './roots';
import { createUndoManager } from './undo';
import { createVersion, listVersions } from './versions';

const ana = createLocalOrigin('ana');
const ben = createLocalOrigin('ben');

/** What a user sees of a project: the text, each annotation on its words, the map. */
function state(doc: Y.Doc) {
  const text = articleText(doc);
  return {
    text: text.text,
    annotations: listAnnotations(doc).map((a) => {
      const r = resolveAnnotation(doc, a, text);
      return { id: a.id, role: a.role, note: a.note, tags: a.tags, on: r.status === 'anchored' ? text.text.slice(r.start, r.end) : 'orphaned', via: r.status === 'anchored' ? r.via : null };
    }),
    links: listLinks(doc).map((l) => `${l.source} ${l.relation} ${l.target}`),
    hubs: listHubs(doc).map((h) => h.label),
    claims: listClaims(doc).map((c) => c.text),
    threads: listThreads(doc).map((t) => t.comments.map((c) => c.text)),
    positions: [...getPositions(doc)].sort(([a], [b]) => (a < b ? -1 : 1)),
  };
}

function twoPeers() {
  const net = new Network(2, { gc: false });
  const [a, b] = [net.peers[0]!.doc, net.peers[1]!.doc];
  writeArticle(a, paragraphs(SENTENCES));
  ensureDefaultHubs(a);
  net.settle();
  return { net, a, b };
}

/** A project with annotations, links, a claim and a comment, and a version of it. */
function versioned() {
  const peers = twoPeers();
  const { a, net } = peers;
  const claim = addAnnotation(a, { role: 'claim', anchor: anchorOn(a, 'long letters'), author: 'ana', note: 'why?' }, ana);
  const evidence = addAnnotation(
    a,
    { role: 'evidence', anchor: anchorOn(a, 'betraying the common cause'), author: 'ana', links: [{ target: claim, relation: 'supports' }] },
    ana,
  );
  addLink(a, { source: evidence, target: 'hub-ideological', relation: 'supports', author: 'ana' }, ana);
  addClaim(a, { text: 'The split was about doctrine', author: 'ana' }, ana);
  addComment(a, { target: claim, author: 'ana', text: 'Is this the key passage?' }, ana);
  setPosition(a, claim, { x: 10, y: 20 }, ana);
  net.settle();
  const version = createVersion(a, { name: 'Week 1', author: 'ana' }, ana);
  net.settle();
  return { ...peers, claim, evidence, version, then: state(a) };
}

/** Changes everything a restore must undo, as two people would. */
function changeEverything(a: Y.Doc, b: Y.Doc, net: Network, ids: { claim: string; evidence: string }): void {
  // The evidence's whole sentence goes, then the very same words are typed back: new items.
  const text = articleText(b).text;
  const at = text.indexOf(SENTENCES[1]!);
  replaceText(b, at, at + SENTENCES[1]!.length, '');
  replaceText(b, at, at, SENTENCES[1]!);
  replaceText(b, 0, 'In the spring'.length, 'During spring');
  deleteAnnotation(b, ids.evidence, ben);
  updateAnnotation(b, ids.claim, { note: 'surely', tags: ['key'] }, ben);
  addAnnotation(b, { role: 'counter', anchor: anchorOn(b, 'open polemics'), author: 'ben' }, ben);
  renameHub(b, 'hub-realist', 'Power politics', ben);
  setPosition(b, ids.claim, { x: 99, y: 99 }, ben);
  addClaim(b, { text: 'A later claim', author: 'ben' }, ben);
  addComment(b, { target: ids.claim, author: 'ben', text: 'A later comment' }, ben);
  net.settle();
  createVersion(a, { name: 'Week 2', author: 'ana' }, ana);
  net.settle();
}

describe('restoring a version', () => {
  it('brings back the text, the annotations on their words, the links, hubs, claims and comments, at every peer', () => {
    const { net, a, b, claim, evidence, version, then } = versioned();
    changeEverything(a, b, net, { claim, evidence });
    expect(state(b)).not.toEqual(then);

    restoreVersion(a, version, ana);
    net.settle();
    for (const doc of [a, b]) {
      const now = state(doc);
      expect(now.text).toBe(then.text);
      // Every annotation back on the words it was on, through its live positions.
      expect(now.annotations).toEqual(then.annotations.map((x) => ({ ...x, via: 'live' })));
      expect(now).toEqual({ ...then, annotations: now.annotations });
    }
  });

  it('puts an annotation whose words were deleted and typed again on the new words', () => {
    const { net, a, b, claim, evidence, version } = versioned();
    changeEverything(a, b, net, { claim, evidence });
    restoreVersion(b, version, ben);
    net.settle();
    const restored = listAnnotations(a).find((x) => x.id === evidence)!;
    const r = resolveAnnotation(a, restored);
    expect(r).toMatchObject({ status: 'anchored', via: 'live' });
    if (r.status === 'anchored') expect(articleText(a).text.slice(r.start, r.end)).toBe('betraying the common cause');
  });

  it('keeps the Yjs items of text nobody changed, so anchors on it are untouched', () => {
    const { net, a, b, claim, evidence, version } = versioned();
    const third = a.getXmlFragment(ARTICLE).get(2);
    const anchorBefore = a.getMap<Y.Map<unknown>>(ANNOTATIONS).get(claim)!.get('anchor');
    changeEverything(a, b, net, { claim, evidence });
    restoreVersion(a, version, ana);
    net.settle();
    expect(a.getXmlFragment(ARTICLE).get(2)).toBe(third);
    // "long letters" was never deleted: the claim keeps the very anchor it had.
    expect(a.getMap<Y.Map<unknown>>(ANNOTATIONS).get(claim)!.get('anchor')).toEqual(anchorBefore);
  });

  it('gives people back their names of then, and keeps those who joined since', () => {
    const { net, a, b, claim, evidence, version } = versioned();
    setPerson(a, { id: 'ana', name: 'Ana', colour: '#0072b2' }, ana);
    net.settle();
    const v2 = createVersion(a, { name: 'Named', author: 'ana' }, ana);
    setPerson(a, { id: 'ana', name: 'Ana K.', colour: '#0072b2' }, ana);
    setPerson(b, { id: 'ben', name: 'Ben', colour: '#b15928' }, ben);
    changeEverything(a, b, net, { claim, evidence });
    restoreVersion(a, v2, ana);
    net.settle();
    expect(listPeople(b).map((p) => p.name)).toEqual(['Ana', 'Ben']);
    restoreVersion(a, version, ana);
    net.settle();
    expect(listPeople(b).map((p) => p.name)).toEqual(['Ana', 'Ben']);
  });

  it('leaves the list of versions as it is', () => {
    const { net, a, b, claim, evidence, version } = versioned();
    changeEverything(a, b, net, { claim, evidence });
    restoreVersion(a, version, ana);
    net.settle();
    expect(listVersions(b).map((v) => v.name)).toEqual(['Week 2', 'Week 1']);
  });

  it('is one undoable step for the user who restored, and carries its own origin', () => {
    const { net, a, b, claim, evidence, version } = versioned();
    changeEverything(a, b, net, { claim, evidence });
    const before = state(a);
    const undoA = createUndoManager(a, ana);
    const undoB = createUndoManager(b, ben);
    const origins: unknown[] = [];
    a.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin));
    restoreVersion(a, version, ana);
    expect(origins).toContain(restoreOriginOf(ana));
    net.settle();
    // A colleague's undo does not touch it.
    expect(undoB.canUndo()).toBe(false);
    undoA.undo();
    net.settle();
    for (const doc of [a, b]) expect(state(doc)).toEqual(before);
    undoA.redo();
    net.settle();
    expect(state(b).text).toBe(state(a).text);
    expect(state(b).annotations.map((x) => x.on)).toEqual(['long letters', 'betraying the common cause']);
  });

  it('converges when a colleague edits while the restore travels', () => {
    const { net, a, b, claim, evidence, version } = versioned();
    changeEverything(a, b, net, { claim, evidence });
    restoreVersion(a, version, ana);
    editInProseMirror(b, (tr) => tr.insert(1, schema.text('Meanwhile: ')));
    addAnnotation(b, { role: 'evidence', anchor: anchorOn(b, 'autumn'), author: 'ben' }, ben);
    net.settle();
    expect(state(a)).toEqual(state(b));
    expect(state(a).text.startsWith('Meanwhile: ')).toBe(true);
  });

  it('refuses an unknown version, changing nothing', () => {
    const { a } = versioned();
    expect(refusal(a, () => restoreVersion(a, 'v-missing', ana))).toBe('restoreVersion: no version with id "v-missing"');
  });
});
