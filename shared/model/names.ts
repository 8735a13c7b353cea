// Names in a seminar: one person per name, so "who said this" always has one answer.
// A name is taken when another person's entry holds it, compared without case and with
// runs of spaces as one; a taken name gets a numbered suggestion ("Ana 2"). Authors who
// never wrote a people entry (a commenter of an older version, an imported record) are
// called "Reader N" with a number no named person uses, the same on every peer.
import type * as Y from 'yjs';
import { listAnnotations } from './annotations';
import { listThreads } from './comments';
import { listLinks } from './links';
import type { ChangeOrigin } from './origin';
import { getPerson, listPeople, setPerson, type Person } from './people';
import { InputError, MAX_NAME_LENGTH } from './validation';

/** The form two names are compared in: trimmed, inner whitespace as one space, case folded. */
export function nameKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLocaleLowerCase();
}

/** The first of `wanted`, "`wanted` 2", "`wanted` 3", … that none of `taken` holds. */
export function freeName(wanted: string, taken: Iterable<string>): string {
  const keys = new Set([...taken].map(nameKey));
  const base = wanted.trim().replace(/\s+/g, ' ');
  if (!keys.has(nameKey(base))) return base;
  for (let n = 2; ; n++) {
    const suffix = ` ${n}`;
    const candidate = `${base.slice(0, MAX_NAME_LENGTH - suffix.length).trimEnd()}${suffix}`;
    if (!keys.has(nameKey(candidate))) return candidate;
  }
}

/** The names of everyone in `doc`'s people except `key`. */
export function namesOfOthers(doc: Y.Doc, key: string): string[] {
  return listPeople(doc)
    .filter((p) => p.id !== key)
    .map((p) => p.name);
}

/**
 * Sets a participant's name and colour as `setPerson` does, refusing a name someone else
 * already has: in the document's people, or in `alsoTaken` (names shown by people who
 * have no entry yet, such as viewers). The error suggests a free name. Nothing changes
 * when it throws.
 */
export function claimName(doc: Y.Doc, person: Person, origin: ChangeOrigin, alsoTaken: Iterable<string> = []): void {
  const taken = [...namesOfOthers(doc, person.id), ...alsoTaken];
  const name = typeof person.name === 'string' ? person.name : '';
  if (name.trim() !== '' && taken.some((t) => nameKey(t) === nameKey(name))) {
    throw new InputError('claimName', `“${name.trim()}” is already someone else's name here; try “${freeName(name, taken)}”`);
  }
  setPerson(doc, person, origin);
}

/**
 * Names for `authors` who have no people entry: "Reader N" for each, in id order, with
 * numbers that no person of `people` has as a name. Authors with an entry are left out.
 */
export function fallbackNames(people: readonly Person[], authors: Iterable<string>): Map<string, string> {
  const known = new Set(people.map((p) => p.id));
  const taken = new Set(people.map((p) => nameKey(p.name)));
  const out = new Map<string, string>();
  let n = 1;
  for (const id of [...new Set(authors)].filter((a) => !known.has(a)).sort()) {
    while (taken.has(nameKey(`Reader ${n}`))) n++;
    out.set(id, `Reader ${n}`);
    n++;
  }
  return out;
}

const unnamedCache = new WeakMap<Y.Doc, Map<string, string>>();

function unnamedAuthors(doc: Y.Doc): Map<string, string> {
  const cached = unnamedCache.get(doc);
  if (cached) return cached;
  const authors = [
    ...listThreads(doc).flatMap((t) => t.comments.map((c) => c.author)),
    ...listAnnotations(doc).map((a) => a.author),
    ...listLinks(doc).map((l) => l.author),
  ];
  const names = fallbackNames(listPeople(doc), authors);
  unnamedCache.set(doc, names);
  doc.once('afterTransaction', () => unnamedCache.delete(doc));
  return names;
}

/**
 * What to call the author `id` of something in `doc`: their people entry's name, or
 * their "Reader N" from `fallbackNames` when they have none.
 */
export function authorName(doc: Y.Doc, id: string): string {
  return getPerson(doc, id)?.name ?? unnamedAuthors(doc).get(id) ?? fallbackNames(listPeople(doc), [id]).get(id)!;
}
