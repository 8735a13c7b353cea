import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { contrastOnWhite } from '../test-support/colour';
import { refusal } from '../test-support/model';
import { createLocalOrigin } from './origin';
import { defaultPerson, ensurePerson, getPerson, listPeople, PERSON_COLOURS, setPerson } from './people';

const me = createLocalOrigin('ana');

describe('people', () => {
  it('names newcomers "Reader N" and gives each a colour nobody has yet', () => {
    const doc = new Y.Doc();
    expect(ensurePerson(doc, 'ana', me)).toEqual({ id: 'ana', name: 'Reader 1', colour: PERSON_COLOURS[0] });
    expect(ensurePerson(doc, 'ben', me)).toEqual({ id: 'ben', name: 'Reader 2', colour: PERSON_COLOURS[1] });
    setPerson(doc, { id: 'ana', name: 'Ana', colour: '#C2185B' }, me);
    expect(defaultPerson(doc, 'cy')).toEqual({ id: 'cy', name: 'Reader 1', colour: PERSON_COLOURS[0] });
    expect(ensurePerson(doc, 'ana', me)).toEqual({ id: 'ana', name: 'Ana', colour: '#c2185b' });
    expect(listPeople(doc).map((p) => p.name)).toEqual(['Ana', 'Reader 2']);
    expect(getPerson(doc, 'nobody')).toBeUndefined();
  });

  it('hands out colours again once all are taken', () => {
    const doc = new Y.Doc();
    for (let i = 0; i < PERSON_COLOURS.length; i++) ensurePerson(doc, `p${i}`, me);
    expect(PERSON_COLOURS).toContain(ensurePerson(doc, 'late', me).colour);
  });

  it('has distinct colours, each readable as text on white (WCAG AA)', () => {
    expect(new Set(PERSON_COLOURS).size).toBe(PERSON_COLOURS.length);
    for (const c of PERSON_COLOURS) expect(contrastOnWhite(c), c).toBeGreaterThanOrEqual(4.5);
  });

  it('refuses bad input and changes nothing', () => {
    const doc = new Y.Doc();
    const set = (p: object) => refusal(doc, () => setPerson(doc, p as never, me));
    expect(set({ id: 'ana', name: '  ', colour: '#000000' })).toBe('setPerson: name must not be empty');
    expect(set({ id: 'ana', name: 'A'.repeat(81), colour: '#000000' })).toBe('setPerson: name is too long (at most 80 characters)');
    expect(set({ id: 'ana', name: 'Ana\nB', colour: '#000000' })).toBe('setPerson: name must be a single line without control characters');
    expect(set({ id: 'ana', name: 'Ana', colour: 'red' })).toBe('setPerson: colour must be a colour like #1f77b4');
    expect(set({ id: '', name: 'Ana', colour: '#000000' })).toBe("setPerson: person id must be an id: 1–128 letters, digits, '-', '_', '.' or ':'");
    expect(set({ id: 'ana', name: 'Ana' })).toBe('setPerson: colour is missing');
    expect(refusal(doc, () => ensurePerson(doc, 'a b', me))).toBe("ensurePerson: person id must be an id: 1–128 letters, digits, '-', '_', '.' or ':'");
  });
});
