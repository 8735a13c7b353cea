// A project on the seed article made programmatically for interchange tests: the
// reading, the default hubs, two people, annotations of every role on passages picked
// from the text at run time (no sentence of the corpus is written here), links both
// ways, notes, tags and a comment thread with a reply.
import * as Y from 'yjs';
import { articleText, createAnchor } from '../anchoring';
import { importFile } from '../import';
import { addAnnotation, addComment, addLink, ensureDefaultHubs, createLocalOrigin, setPerson, type Role } from '../model';
import { writeArticle } from './article';
import { readSeed } from './corpus';

/** A new Y.Doc holding the seed article as `crux import` writes it, with the default hubs. */
export async function seedDoc(): Promise<Y.Doc> {
  const { doc: reading } = await importFile({ name: 'sino-soviet-split.txt', bytes: new TextEncoder().encode(readSeed()) });
  const doc = new Y.Doc();
  writeArticle(doc, reading);
  ensureDefaultHubs(doc);
  return doc;
}

/** The first `words` words of the `n`-th block of at least 200 characters. */
export function passageIn(text: string, n: number, words = 8): { start: number; end: number } {
  let at = 0;
  let seen = 0;
  for (const block of text.split('\n')) {
    if (block.length >= 200 && seen++ === n) {
      const match = block.match(new RegExp(`^(\\S+\\s+){${words - 1}}\\S+`));
      if (!match) break;
      return { start: at, end: at + match[0].length };
    }
    at += block.length + 1;
  }
  throw new Error(`no block ${n} of 200 characters`);
}

/** The seed project with 9 annotations (3 per role), 6 links, a note, tags and a thread. */
export async function seedProject(): Promise<Y.Doc> {
  const doc = await seedDoc();
  const origin = createLocalOrigin('ann');
  setPerson(doc, { id: 'ann', name: 'Ann <Lead> & co', colour: '#0072b2' }, origin);
  setPerson(doc, { id: 'bo', name: '=Bo', colour: '#b15928' }, origin);
  const text = articleText(doc).text;
  const roles: Role[] = ['evidence', 'claim', 'counter'];
  const ids: string[] = [];
  for (let i = 0; i < 9; i++) {
    const anchor = createAnchor(doc, passageIn(text, i * 3 + 1));
    ids.push(
      addAnnotation(
        doc,
        { role: roles[i % 3]!, anchor, author: i % 2 ? 'bo' : 'ann', ...(i === 0 ? { note: 'A "quoted", note\nover two lines' } : {}), ...(i === 1 ? { tags: ['=cmd', 'dates'] } : {}) },
        origin,
      ),
    );
  }
  addLink(doc, { source: ids[0]!, target: 'hub-realist', relation: 'supports', author: 'ann' }, origin);
  addLink(doc, { source: ids[0]!, target: 'hub-realist', relation: 'challenges', author: 'bo' }, origin);
  addLink(doc, { source: ids[1]!, target: 'hub-ideological', relation: 'supports', author: 'bo' }, origin);
  addLink(doc, { source: ids[2]!, target: 'hub-ideological', relation: 'challenges', author: 'ann' }, origin);
  addLink(doc, { source: ids[3]!, target: ids[1]!, relation: 'supports', author: 'ann' }, origin);
  addLink(doc, { source: ids[4]!, target: 'hub-structural', relation: 'supports', author: 'ann' }, origin);
  const first = addComment(doc, { target: ids[0]!, author: 'bo', text: 'Is this <b>really</b> realist?' }, origin);
  addComment(doc, { target: ids[0]!, parent: first, author: 'ann', text: 'Read the next paragraph & see.' }, origin);
  return doc;
}
