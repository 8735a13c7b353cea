// A faulty or hostile peer's record of the wrong shape in any root (issue 11 item 2):
// every reader skips it and shows the rest; no list, lookup or export throws.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { EXPORT_FORMATS, exportProject } from '../export';
import { snapshotProject } from '../export/project-snapshot';
import { getAnnotation, listAnnotations } from './annotations';
import { listClaims } from './claims';
import { addComment, listThreads } from './comments';
import { addHub, listHubs } from './hubs';
import { listLinks } from './links';
import { createLocalOrigin } from './origin';
import { listPeople, setPerson } from './people';
import { getPositions } from './positions';
import { ANNOTATIONS, CLAIMS, COMMENTS, EDGES, HUBS, PEOPLE, POSITIONS, VERSIONS } from './roots';
import { listVersions } from './versions';

function poisoned(): Y.Doc {
  const doc = new Y.Doc();
  const origin = createLocalOrigin('ana');
  setPerson(doc, { id: 'ana', name: 'Ana', colour: '#0072b2' }, origin);
  const hub = addHub(doc, { label: 'Ideology', colour: '#117733' }, origin);
  addComment(doc, { target: hub, author: 'ana', text: 'Which ideology?' }, origin);
  for (const root of [ANNOTATIONS, CLAIMS, COMMENTS, EDGES, HUBS, PEOPLE, POSITIONS, VERSIONS]) {
    doc.getMap(root).set('poison', 'poison');
    const half = new Y.Map<unknown>();
    doc.getMap(root).set('half', half);
    half.set('author', 42);
  }
  return doc;
}

describe('records of the wrong shape', () => {
  it('are skipped by every list and lookup, which still show the good records', () => {
    const doc = poisoned();
    expect(listAnnotations(doc)).toEqual([]);
    expect(getAnnotation(doc, 'poison')).toBeUndefined();
    expect(listClaims(doc)).toEqual([]);
    expect(listLinks(doc)).toEqual([]);
    expect(listVersions(doc)).toEqual([]);
    expect(listHubs(doc).map((h) => h.label)).toEqual(['Ideology']);
    expect(listThreads(doc).map((t) => t.comments[0]!.text)).toEqual(['Which ideology?']);
    expect(listPeople(doc).map((p) => p.name)).toEqual(['Ana']);
    expect([...getPositions(doc).keys()]).toEqual([]);
  });

  it('do not stop any export', () => {
    const snapshot = snapshotProject(poisoned());
    for (const format of EXPORT_FORMATS) expect(exportProject(snapshot, format).length, format).toBeGreaterThan(0);
  });
});
