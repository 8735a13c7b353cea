import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { articleText, reanchor, resolveAnnotation } from '../../shared/anchoring';
import { createLocalOrigin, createUndoManager, ensureDefaultHubs, getPerson, listAnnotations } from '../../shared/model';
import { docWithParagraphs, replaceText } from '../../shared/test-support/article';
import type { Role as AccessRole } from '../../shared/sync/roles';
import { acceptCandidate, emptyImportReason, importAnnotationFile, importSummary, type ImportingSession } from './import-annotations';

const PARAGRAPHS = ['The envoy said no.', 'The envoy said no.', 'Both capitals printed the letters in full.'];

function session(role: AccessRole = 'owner'): ImportingSession & { undo: Y.UndoManager } {
  const doc = docWithParagraphs(PARAGRAPHS);
  ensureDefaultHubs(doc);
  const origin = createLocalOrigin('me');
  return { doc, origin, personId: 'me', role, undo: createUndoManager(doc, origin) };
}

const passage = (id: string, exact: string, role: string, extra: object = {}) => ({
  id,
  type: 'Annotation',
  motivation: 'tagging',
  creator: { type: 'Person', id: 'urn:x-crux:person:ana', name: 'Ana' },
  body: [{ type: 'TextualBody', purpose: 'tagging', value: role, 'crux:role': true }, { type: 'TextualBody', purpose: 'commenting', value: `note on ${id}` }],
  target: { source: 'urn:x-crux:reading:x', selector: [{ type: 'TextQuoteSelector', exact, prefix: '', suffix: '' }] },
  ...extra,
});

const file = (value: unknown, name = 'notes.json') => ({ name, path: null, bytes: new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value)) });

const FILE = file([passage('p1', 'printed the letters', 'claim'), passage('p2', 'The envoy said no', 'counter'), passage('p3', 'words from another article', 'evidence')]);

function quotes(doc: Y.Doc) {
  const text = articleText(doc);
  return listAnnotations(doc).map((a) => {
    const where = resolveAnnotation(doc, a, text);
    return where.status === 'anchored' ? { role: a.role, quote: text.text.slice(where.start, where.end), start: where.start, note: a.note, author: a.author } : null;
  });
}

describe('importing W3C annotations in the app', () => {
  it('adds what anchors, keeps the orphans in the orphan list, lists the rest, and undoes as one step', () => {
    const s = session();
    const done = importAnnotationFile(s, FILE);
    expect(importSummary(done.result)).toBe('1 anchored, 1 need a look, 1 orphaned');
    expect(emptyImportReason(done.result)).toBeNull();
    expect(done.keptOrphans).toBe(1);
    expect(quotes(s.doc)).toEqual([{ role: 'claim', quote: 'printed the letters', start: expect.any(Number), note: 'note on p1', author: 'ana' }, null]);
    const orphan = listAnnotations(s.doc)[1]!;
    expect([orphan.role, orphan.author, orphan.anchor.quote.exact]).toEqual(['evidence', 'me', 'words from another article']);
    expect(resolveAnnotation(s.doc, orphan)).toEqual({ status: 'orphaned', quote: 'words from another article' });
    expect(getPerson(s.doc, 'ana')?.name).toBe('Ana');
    expect(done.result.uncertain[0]?.candidates).toHaveLength(2);
    expect(done.result.orphaned.map((o) => o.quote)).toEqual(['words from another article']);
    s.undo.undo();
    expect(listAnnotations(s.doc)).toEqual([]);
  });

  it('attaches an uncertain one where the user accepts it, keeping its role, note and author', () => {
    const s = session();
    const done = importAnnotationFile(s, FILE);
    const item = done.result.uncertain[0]!;
    const second = item.candidates.reduce((a, b) => (a.start > b.start ? a : b));
    const id = acceptCandidate(s, done, item, second);
    const added = quotes(s.doc).find((q, i) => listAnnotations(s.doc)[i]?.id === id);
    expect(added).toEqual({ role: 'counter', quote: 'The envoy said no', start: second.start, note: 'note on p2', author: 'ana' });
    expect(articleText(s.doc).text.indexOf('The envoy said no')).toBeLessThan(second.start);
    s.undo.undo();
    expect(listAnnotations(s.doc)).toHaveLength(2);
  });

  it('attaches an uncertain one without an id in the file as this user', () => {
    const s = session();
    const { id: _, ...anonymous } = passage('p', 'The envoy said no', 'evidence');
    const done = importAnnotationFile(s, file([anonymous]));
    const item = done.result.uncertain[0]!;
    acceptCandidate(s, done, item, item.candidates[0]!);
    expect(quotes(s.doc)).toEqual([expect.objectContaining({ role: 'evidence', quote: 'The envoy said no', author: 'me' })]);
  });

  it('keeps an orphan that the orphan list can re-attach once its words are there', () => {
    const s = session();
    const orphan = { ...passage('o', 'the courier rode home', 'claim'), target: { selector: [{ type: 'TextQuoteSelector', exact: 'the courier rode home', prefix: 'Then ', suffix: '.' }] } };
    const done = importAnnotationFile(s, file([passage('p1', 'printed the letters', 'claim'), orphan]));
    expect(done.keptOrphans).toBe(1);
    const kept = listAnnotations(s.doc)[1]!;
    expect(kept.anchor.quote).toEqual({ type: 'TextQuoteSelector', exact: 'the courier rode home', prefix: 'Then ', suffix: '.' });
    const end = articleText(s.doc).text.indexOf('in full.') + 'in full.'.length;
    replaceText(s.doc, end, end, ' Then the courier rode home.');
    const text = articleText(s.doc).text;
    const again = reanchor(text, kept.anchor);
    expect(again.status === 'anchored' && text.slice(again.start, again.end)).toBe('the courier rode home');
  });

  it('says why a file with nothing for this reading added nothing', () => {
    const s = session();
    const other = importAnnotationFile(s, file([passage('p', 'words from another article', 'claim')]));
    expect(importSummary(other.result)).toBe('0 anchored, 0 need a look, 1 orphaned');
    expect(emptyImportReason(other.result)).toBe('None of its passages are in this reading: the file may belong to another text. Nothing was changed.');
    expect(emptyImportReason(importAnnotationFile(s, file([])).result)).toBe('The file holds no annotations on passages of a text. Nothing was changed.');
    expect(listAnnotations(s.doc)).toEqual([]);
  });

  it('refuses a bad file with a message and changes nothing', () => {
    const s = session();
    const before = Y.encodeStateAsUpdate(s.doc);
    const message = (f: ReturnType<typeof file>, who = s) => {
      try {
        importAnnotationFile(who, f);
      } catch (e) {
        return (e as Error).message;
      }
      throw new Error('the file was accepted');
    };
    expect(message(file('this is not JSON'))).toMatch(/^The annotation file is not valid JSON \(/);
    expect(message(file({ nodes: [], edges: [] }))).toBe('The annotation file holds no annotations: expected an AnnotationCollection, an AnnotationPage, a list or one Annotation.');
    expect(message(file([{ type: 'Note', target: 'x' }]))).toBe('Annotation 1 is not a W3C Web Annotation: its "type" is not "Annotation" (at type).');
    expect(message({ name: 'photo.json', path: null, bytes: new Uint8Array([0xff, 0xfe, 0x00, 0xd8]) })).toBe('"photo.json" is not a text file, so it cannot be W3C annotation JSON.');
    expect(message(file(' '.repeat(20 * 1024 * 1024 + 1)))).toMatch(/^The annotation file is 20\.0 MB; Crux reads annotation files up to 20 MB\.$/);
    const viewer = session('viewer');
    expect(message(FILE, viewer)).toBe('Your link lets you read and comment, not add annotations.');
    expect(listAnnotations(viewer.doc)).toEqual([]);
    expect(Y.encodeStateAsUpdate(s.doc)).toEqual(before);
  });
});
