// The report names people, never their ids: a commenter who renamed appears under the
// new name, and one who never wrote a people entry under the "Reader N" the app shows.
import { expect, it } from 'vitest';
import { anchorOn, seminarDoc } from '../test-support/model';
import { addAnnotation, addComment, authorName, createLocalOrigin, setPerson } from '../model';
import { snapshotProject } from './project-snapshot';
import { toReportHtml, toReportMarkdown } from './report';

const HOST = '3f9c2d1e0b4a4c1d9e8f7a6b5c4d3e2f';
const KIM = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
const LEGACY = 'ffeeddccbbaa99887766554433221100';

it('names every author in the report as the app does, with no hex id', () => {
  const doc = seminarDoc();
  setPerson(doc, { id: HOST, name: 'Reader 1', colour: '#0072b2' }, createLocalOrigin(HOST));
  const passage = addAnnotation(doc, { role: 'evidence', anchor: anchorOn(doc, 'long letters'), author: HOST, links: [{ target: 'hub-realist', relation: 'supports' }] }, createLocalOrigin(HOST));
  addComment(doc, { target: passage, author: KIM, text: 'Before naming myself.' }, createLocalOrigin(KIM));
  setPerson(doc, { id: KIM, name: 'Kim Lee', colour: '#b15928' }, createLocalOrigin(KIM));
  addComment(doc, { target: passage, author: KIM, text: 'After naming myself.' }, createLocalOrigin(KIM));
  addComment(doc, { target: passage, author: LEGACY, text: 'From an older version.' }, createLocalOrigin(LEGACY));

  const snapshot = snapshotProject(doc);
  const md = toReportMarkdown(snapshot);
  const html = toReportHtml(snapshot);
  expect(md).toContain('Participants: Kim Lee, Reader 1, Reader 2');
  expect(md).toContain('- **Kim Lee**: Before naming myself\\.');
  expect(md).toContain('- **Kim Lee**: After naming myself\\.');
  expect(md).toContain('- **Reader 2**: From an older version\\.');
  expect(authorName(doc, LEGACY)).toBe('Reader 2');
  for (const out of [md, html]) {
    expect(out).not.toMatch(/[0-9a-f]{16}/);
    expect(out).not.toContain('Unknown reader');
  }
});
