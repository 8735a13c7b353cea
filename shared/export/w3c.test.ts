// W3C export and import on the seed: what leaves a project comes back on the same words,
// survives an edited copy of the reading, and the JSON-LD expands with every selector.
import jsonld from 'jsonld';
import { expect, it } from 'vitest';
import * as Y from 'yjs';
import { articleText, resolveAnnotations } from '../anchoring';
import { importW3c } from '../import/w3c';
import { createLocalOrigin, listAnnotations, listLinks, listThreads } from '../model';
import { replaceText } from '../test-support/article';
import { describeWithCorpus } from '../test-support/corpus';
import { annoContextLoader } from '../test-support/anno-context';
import { seedDoc, seedProject } from '../test-support/seed-project';
import { snapshotProject } from './project-snapshot';
import { toW3c } from './w3c';

function landed(doc: Y.Doc) {
  const text = articleText(doc).text;
  const annotations = listAnnotations(doc);
  const where = resolveAnnotations(doc, annotations);
  return annotations.map((a) => {
    const r = where.get(a.id);
    if (r?.status !== 'anchored') throw new Error('not anchored');
    return { role: a.role, start: r.start, end: r.end, quote: text.slice(r.start, r.end), note: a.note, tags: a.tags };
  });
}

const options = { author: 'importer', origin: createLocalOrigin('importer') };

describeWithCorpus('W3C Web Annotation export and import', () => {
  it('brings every annotation back onto the same words, with links and comments', async () => {
    const from = await seedProject();
    const json = JSON.stringify(toW3c(snapshotProject(from)));
    const into = await seedDoc();
    const result = importW3c(into, json, options);
    expect(result.anchored).toHaveLength(9);
    expect(result.uncertain).toEqual([]);
    expect(result.orphaned).toEqual([]);
    expect(landed(into)).toEqual(landed(from));
    expect(listLinks(into).map((l) => [l.relation, l.author])).toEqual(listLinks(from).map((l) => [l.relation, l.author]));
    expect(result.links).toBe(6);
    expect(listThreads(into)[0]!.comments.map((c) => c.text)).toEqual(listThreads(from)[0]!.comments.map((c) => c.text));
  });

  it('re-anchors into an edited copy of the reading and reports what it cannot place', async () => {
    const from = await seedProject();
    const exported = snapshotProject(from);
    const into = await seedDoc();
    const passages = exported.passages;
    // Edit inside the first passage (a typo fixed), and delete the last passage's words.
    const first = passages[0]!.position;
    replaceText(into, first.start + 3, first.start + 4, 'X');
    const last = passages.at(-1)!.position;
    replaceText(into, last.start, last.end, '');
    replaceText(into, 0, 0, 'Prefatory words. ');
    const result = importW3c(into, JSON.stringify(toW3c(exported)), options);
    expect(result.anchored).toHaveLength(8);
    expect(result.orphaned.map((o) => o.quote)).toEqual([passages.at(-1)!.quote.exact]);
    const text = articleText(into).text;
    const firstBack = result.anchored[0]!;
    expect(text.slice(firstBack.start, firstBack.end)).toBe(passages[0]!.quote.exact.slice(0, 3) + 'X' + passages[0]!.quote.exact.slice(4));
    for (const a of result.anchored.slice(1)) expect(text.slice(a.start, a.end)).toBe(a.quote);
  });

  it('expands as JSON-LD (no network) keeping every selector and the extension terms', async () => {
    const exported = toW3c(snapshotProject(await seedProject()));
    const expanded = (await jsonld.expand(exported, { documentLoader: annoContextLoader })) as Record<string, unknown>[];
    const flat = JSON.stringify(expanded);
    const count = (s: string) => flat.split(s).length - 1;
    expect(count('"http://www.w3.org/ns/oa#TextQuoteSelector"')).toBe(9);
    expect(count('"http://www.w3.org/ns/oa#TextPositionSelector"')).toBe(9);
    expect(count('"http://www.w3.org/ns/oa#linking"')).toBe(6);
    expect(count('"http://www.w3.org/ns/oa#replying"')).toBe(2); // the reply's motivation and its body's purpose
    expect(count('urn:x-crux:vocab#relation')).toBe(6);
    expect(count('"http://www.w3.org/ns/oa#exact"')).toBe(9);
  });
});

it('refuses malformed annotation files with a message and changes nothing', () => {
  const doc = new Y.Doc();
  const before = Y.encodeStateAsUpdate(doc);
  const message = (json: string) => {
    try {
      importW3c(doc, json, options);
    } catch (error) {
      return (error as Error).message;
    }
    return 'accepted';
  };
  expect(message('')).toBe('The annotation file is empty.');
  expect(message('{"type": ')).toMatch(/^The annotation file is not valid JSON \(/);
  expect(message('42')).toMatch(/holds no annotations: expected an AnnotationCollection/);
  expect(message('[{"type":"Note","target":"x"}]')).toBe('Annotation 1 is not a W3C Web Annotation: its "type" is not "Annotation" (at type).');
  expect(message('[{"type":"Annotation"}]')).toBe('Annotation 1 is not a W3C Web Annotation: it has no "target" (at target).');
  expect(message('{"type":"AnnotationCollection","first":{"type":"AnnotationPage"}}')).toMatch(/has no "items" list/);
  expect(message(' '.repeat(20 * 1024 * 1024 + 1))).toMatch(/^The annotation file is 20\.0 MB; Crux reads annotation files up to 20 MB\.$/);
  expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
});
