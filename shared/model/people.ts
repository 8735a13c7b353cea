// The participants of a project: a name and a colour per client-stable person id, used
// to show who made what and whose cursor is where. Each person writes only their own
// entry, so a plain value per person is enough.
import { z } from 'zod';
import type * as Y from 'yjs';
import type { ChangeOrigin } from './origin';
import { PEOPLE } from './roots';
import { freeze } from './records';
import { colour, id, MAX_NAME_LENGTH, parseInput, singleLine, strictInput } from './validation';

/** A participant. */
export interface Person {
  /** Client-stable id (the same on every launch of this user's app). */
  readonly id: string;
  readonly name: string;
  /** "#rrggbb" */
  readonly colour: string;
}

/**
 * Colours given to participants, in the order they are handed out: clearly apart from
 * one another, and each readable as text on white (contrast at least 4.5:1, WCAG AA).
 */
export const PERSON_COLOURS: readonly string[] = Object.freeze([
  '#0072b2', // blue
  '#b15928', // rust
  '#117733', // green
  '#6a3d9a', // purple
  '#c2185b', // crimson
  '#00838f', // teal
  '#8f6a00', // ochre
  '#666666', // grey
]);

const personInput = strictInput('a person', { id: id('person id'), name: singleLine('name', MAX_NAME_LENGTH), colour: colour('colour') });
/** A people entry as stored. */
export const storedPerson = z.object({ name: z.string(), colour: z.string() });

function people(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(PEOPLE);
}

/** Sets a participant's name and colour. */
export function setPerson(doc: Y.Doc, person: Person, origin: ChangeOrigin): void {
  const { id: key, name, colour: c } = parseInput('setPerson', personInput, person);
  doc.transact(() => people(doc).set(key, { name, colour: c }), origin);
}

/** One participant, or undefined. */
export function getPerson(doc: Y.Doc, key: string): Person | undefined {
  const parsed = storedPerson.safeParse(people(doc).get(key));
  return parsed.success ? freeze({ id: key, ...parsed.data }) : undefined;
}

/** Every participant, by name. */
export function listPeople(doc: Y.Doc): readonly Person[] {
  const out: Person[] = [];
  for (const key of people(doc).keys()) {
    const person = getPerson(doc, key);
    if (person) out.push(person);
  }
  return freeze(out.sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1)));
}

/**
 * What to call a newcomer: "Reader N" with the smallest N nobody uses, and the first
 * palette colour nobody has (or, when all are taken, one picked by the id).
 */
export function defaultPerson(doc: Y.Doc, key: string): Person {
  const others = listPeople(doc).filter((p) => p.id !== key);
  const names = new Set(others.map((p) => p.name));
  let n = 1;
  while (names.has(`Reader ${n}`)) n++;
  const taken = new Set(others.map((p) => p.colour));
  const free = PERSON_COLOURS.find((c) => !taken.has(c));
  return { id: key, name: `Reader ${n}`, colour: free ?? PERSON_COLOURS[hash(key) % PERSON_COLOURS.length]! };
}

/** Makes sure `key` has an entry (a default one if new) and returns it. */
export function ensurePerson(doc: Y.Doc, key: string, origin: ChangeOrigin): Person {
  const known = getPerson(doc, key);
  if (known) return known;
  const person = defaultPerson(doc, parseInput('ensurePerson', id('person id'), key));
  setPerson(doc, person, origin);
  return freeze(person);
}

function hash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) >>> 0;
  return h;
}
