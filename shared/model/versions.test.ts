import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { articleText } from '../anchoring/anchor';
import { resolveAnnotation } from '../anchoring/resolve';
import { docWithParagraphs, paragraphs, replaceText, writeArticle } from '../test-support/article';
import { anchorOn, refusal, seminarDoc, SENTENCES } from '../test-support/model';
import { Network } from '../test-support/peers';
import { addAnnotation, deleteAnnotation, listAnnotations } from './annotations';
import { ensureDefaultHubs, listHubs, renameHub } from './hubs';
import { createLocalOrigin } from './origin';
import { createVersion, getVersion, listVersions, MAX_VERSION_NAME_LENGTH, openVersion, renameVersion } from './versions';

const ana = createLocalOrigin('ana');

function quotesOf(doc: Y.Doc): string[] {
  const text = articleText(doc);
  return listAnnotations(doc).map((a) => {
    const r = resolveAnnotation(doc, a, text);
    return r.status === 'anchored' ? text.text.slice(r.start, r.end) : `orphaned: ${r.quote}`;
  });
}

describe('named versions', () => {
  it('lists versions newest first, with name, author and time', () => {
    const doc = seminarDoc({ gc: false });
    const first = createVersion(doc, { name: '  Before the seminar ', author: 'ana' }, ana);
    const second = createVersion(doc, { name: 'After week 1', author: 'ben' }, ana);
    const list = listVersions(doc);
    expect(list.map((v) => v.id)).toEqual([second, first]);
    expect(list[1]).toMatchObject({ name: 'Before the seminar', author: 'ana' });
    expect(Math.abs(list[0]!.created - Date.now())).toBeLessThan(60_000);
    expect(getVersion(doc, first)?.name).toBe('Before the seminar');
  });

  it('opens a version read-only as it was: text, annotations and hubs of then', () => {
    const doc = seminarDoc({ gc: false });
    addAnnotation(doc, { role: 'claim', anchor: anchorOn(doc, 'long letters'), author: 'ana' }, ana);
    const version = createVersion(doc, { name: 'Tagged', author: 'ana' }, ana);
    const before = articleText(doc).text;

    const gone = listAnnotations(doc)[0]!.id;
    deleteAnnotation(doc, gone, ana);
    addAnnotation(doc, { role: 'evidence', anchor: anchorOn(doc, 'open polemics'), author: 'ana' }, ana);
    const at = before.indexOf('long letters');
    replaceText(doc, at, at + 'long letters'.length, 'short notes');
    renameHub(doc, 'hub-realist', 'Power politics', ana);

    const old = openVersion(doc, version);
    expect(articleText(old).text).toBe(before);
    expect(quotesOf(old)).toEqual(['long letters']);
    expect(listHubs(old).find((h) => h.id === 'hub-realist')?.label).toBe('Realist');
    // The live document is untouched by looking.
    expect(quotesOf(doc)).toEqual(['open polemics']);
    expect(articleText(doc).text).toContain('short notes');
    old.destroy();
  });

  it('shows every participant the list live, and each can open a version made elsewhere', () => {
    const net = new Network(2, { gc: false });
    const [a, b] = [net.peers[0]!.doc, net.peers[1]!.doc];
    writeArticle(a, paragraphs([SENTENCES[0]!]));
    ensureDefaultHubs(a);
    net.settle();
    const id = createVersion(a, { name: 'Shared', author: 'ana' }, ana);
    replaceText(a, 0, 3, '');
    net.settle();
    expect(listVersions(b).map((v) => v.name)).toEqual(['Shared']);
    const old = openVersion(b, id);
    expect(articleText(old).text).toBe(SENTENCES[0]);
    renameVersion(b, id, 'Shared, renamed', createLocalOrigin('ben'));
    net.settle();
    expect(listVersions(a)[0]?.name).toBe('Shared, renamed');
  });

  it('refuses bad names, authors and ids with a clear message, changing nothing', () => {
    const doc = seminarDoc({ gc: false });
    const id = createVersion(doc, { name: 'v1', author: 'ana' }, ana);
    expect(refusal(doc, () => createVersion(doc, { name: '   ', author: 'ana' }, ana))).toBe('createVersion: the version name must not be empty');
    expect(refusal(doc, () => createVersion(doc, { name: 'x'.repeat(MAX_VERSION_NAME_LENGTH + 1), author: 'ana' }, ana))).toBe(
      'createVersion: the version name is too long (at most 120 characters)',
    );
    expect(refusal(doc, () => createVersion(doc, { name: 'two\nlines', author: 'ana' }, ana))).toBe(
      'createVersion: the version name must be a single line without control characters',
    );
    expect(refusal(doc, () => createVersion(doc, { name: 'v2', author: '' }, ana))).toMatch(/^createVersion: author must be an id/);
    expect(refusal(doc, () => createVersion(doc, { name: 'v2', author: 'ana', when: 1 } as never, ana))).toBe(
      'createVersion: unknown field "when" in a version',
    );
    expect(refusal(doc, () => renameVersion(doc, 'v-nope', 'x', ana))).toBe('renameVersion: no version with id "v-nope"');
    expect(refusal(doc, () => renameVersion(doc, id, '', ana))).toBe('renameVersion: the version name must not be empty');
    expect(refusal(doc, () => openVersion(doc, 'v-nope'))).toBe('openVersion: no version with id "v-nope"');
  });

  it('refuses to keep versions of a document that discards deleted content', () => {
    const doc = seminarDoc({ gc: true });
    expect(refusal(doc, () => createVersion(doc, { name: 'v1', author: 'ana' }, ana))).toBe(
      'createVersion: this document discards deleted content (Yjs gc is on), so it cannot keep versions',
    );
  });

  it('says so when a version needs changes that have not arrived yet', () => {
    const [a, b] = [new Y.Doc({ gc: false }), new Y.Doc({ gc: false })];
    const c = docWithParagraphs(['Written by a third participant.'], { gc: false });
    Y.applyUpdate(a, Y.encodeStateAsUpdate(c));
    const before = Y.encodeStateVector(a);
    const id = createVersion(a, { name: 'Needs C', author: 'ana' }, ana);
    // b hears from a only what a wrote itself, not c's text.
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, before));
    expect(listVersions(b).map((v) => v.name)).toEqual(['Needs C']);
    expect(refusal(b, () => openVersion(b, id))).toBe('openVersion: version "Needs C" needs changes that have not arrived yet; try again once connected');
  });
});
