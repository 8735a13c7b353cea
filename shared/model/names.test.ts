import { describe, expect, it } from 'vitest';
import { refusal, seminarDoc } from '../test-support/model';
import { addComment } from './comments';
import { authorName, claimName, fallbackNames, freeName } from './names';
import { createLocalOrigin } from './origin';
import { ensurePerson, getPerson, setPerson } from './people';
import { MAX_NAME_LENGTH } from './validation';

const ana = createLocalOrigin('ana');
const ben = createLocalOrigin('ben');

describe('names in a seminar', () => {
  it('offers the wanted name when free, else the first free numbered one', () => {
    expect(freeName('Ana', [])).toBe('Ana');
    expect(freeName('  Ana  Lee ', ['Ben'])).toBe('Ana Lee');
    expect(freeName('ana', ['Ana', 'ANA 2'])).toBe('ana 3');
    const long = 'x'.repeat(MAX_NAME_LENGTH);
    expect(freeName(long, [long])).toHaveLength(MAX_NAME_LENGTH);
  });

  it("refuses a name someone else has (any case, any spacing), suggests one, and changes nothing", () => {
    const doc = seminarDoc();
    claimName(doc, { id: 'ana', name: 'Ana Lee', colour: '#0072b2' }, ana);
    const taken = refusal(doc, () => claimName(doc, { id: 'ben', name: ' ana  LEE', colour: '#b15928' }, ben));
    expect(taken).toBe('claimName: “ana  LEE” is already someone else\'s name here; try “ana LEE 2”');
    expect(getPerson(doc, 'ben')).toBeUndefined();
    // Keeping one's own name, and names only present elsewhere (a viewer's), count too.
    claimName(doc, { id: 'ana', name: 'Ana Lee', colour: '#117733' }, ana);
    expect(getPerson(doc, 'ana')?.colour).toBe('#117733');
    expect(refusal(doc, () => claimName(doc, { id: 'ben', name: 'Viv', colour: '#b15928' }, ben, ['Viv']))).toContain('try “Viv 2”');
    expect(refusal(doc, () => claimName(doc, { id: 'ben', name: ' ', colour: '#b15928' }, ben))).toBe('setPerson: name must not be empty');
  });

  it('calls authors without a people entry "Reader N", never a name someone has, the same way everywhere', () => {
    const people = [{ id: 'p1', name: 'Reader 1', colour: '#0072b2' }];
    expect([...fallbackNames(people, ['zed', 'p1', 'amy', 'zed'])]).toEqual([
      ['amy', 'Reader 2'],
      ['zed', 'Reader 3'],
    ]);
    const doc = seminarDoc();
    ensurePerson(doc, 'ana', ana);
    setPerson(doc, { id: 'ana', name: 'Reader 2', colour: '#0072b2' }, ana);
    addComment(doc, { target: 'hub-realist', author: 'kim', text: 'First' }, createLocalOrigin('kim'));
    addComment(doc, { target: 'hub-realist', author: 'bo', text: 'Second' }, createLocalOrigin('bo'));
    expect(authorName(doc, 'ana')).toBe('Reader 2');
    expect(authorName(doc, 'bo')).toBe('Reader 1');
    expect(authorName(doc, 'kim')).toBe('Reader 3');
    setPerson(doc, { id: 'kim', name: 'Kim', colour: '#117733' }, createLocalOrigin('kim'));
    expect(authorName(doc, 'kim')).toBe('Kim');
  });
});
