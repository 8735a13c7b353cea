import { describe, expect, it } from 'vitest';
import { addAnnotation, addClaim, addLink, createLocalOrigin, deleteClaim, renameHub } from '../../shared/model';
import { setPosition } from '../../shared/model/positions';
import { anchorOn, seminarDoc } from '../../shared/test-support/model';
import { NO_FILTERS } from '../state/ui-store';
import { diffElements, mapElements, shorten, type MapElement } from './elements';
import { placeNew } from './placement';
import { visibleIds } from './visibility';

const me = createLocalOrigin('ana');
const byId = (elements: readonly MapElement[]) => new Map(elements.map((e) => [e.id, e]));

describe('the map projection', () => {
  it('draws hubs at their places, passages by their quote, claims by their text, and links', () => {
    const doc = seminarDoc();
    const p = addAnnotation(doc, { role: 'counter', anchor: anchorOn(doc, 'common cause'), author: 'ana' }, me);
    const c = addClaim(doc, { text: 'A made-up claim', author: 'ben' }, me);
    addLink(doc, { source: p, target: c, relation: 'challenges', author: 'ana', strength: 3 }, me);
    const elements = mapElements(doc);
    expect(elements.map((e) => (e.group === 'nodes' ? `${e.kind} ${e.label}` : `${e.source}>${e.target} ${e.relation} ${e.strength}`))).toEqual([
      'hub Realist',
      'hub Ideological',
      'hub Structural',
      'hub Domestic politics',
      'annotation common cause',
      'claim A made-up claim',
      `${p}>${c} challenges 3`,
    ]);
    const hub = elements.find((e) => e.id === 'hub-realist');
    expect(hub).toMatchObject({ position: { x: 0, y: -400 }, colour: '#0072b2' });
    expect(elements.find((e) => e.id === p)).toMatchObject({ role: 'counter', author: 'ana', position: null });
  });

  it('diffs by id: a rename changes one node, a deletion removes the claim and its link', () => {
    const doc = seminarDoc();
    const c = addClaim(doc, { text: 'A claim', author: 'ana' }, me);
    const link = addLink(doc, { source: c, target: 'hub-realist', relation: 'supports', author: 'ana' }, me);
    const before = byId(mapElements(doc));
    renameHub(doc, 'hub-realist', 'Power politics', me);
    setPosition(doc, c, { x: 3, y: 4 }, me);
    const renamed = diffElements(before, mapElements(doc));
    expect(renamed.added).toEqual([]);
    expect(renamed.removed).toEqual([]);
    expect(renamed.changed.map((e) => e.id).sort()).toEqual([c, 'hub-realist'].sort());
    const after = byId(mapElements(doc));
    deleteClaim(doc, c, me);
    expect(diffElements(after, mapElements(doc))).toEqual({ added: [], changed: [], removed: [c, link] });
    expect(diffElements(byId(mapElements(doc)), mapElements(doc))).toEqual({ added: [], changed: [], removed: [] });
  });

  it('cuts long labels with an ellipsis on one line', () => {
    expect(shorten('one\ntwo   three', 48)).toBe('one two three');
    expect(shorten('abcdefghij', 6)).toBe('abcde…');
  });
});

describe('filters and focus', () => {
  const doc = seminarDoc();
  const evidence = addAnnotation(doc, { role: 'evidence', anchor: anchorOn(doc, 'strategy'), author: 'ana' }, me);
  const counter = addAnnotation(doc, { role: 'counter', anchor: anchorOn(doc, 'polemics'), author: 'ben' }, me);
  const toRealist = addLink(doc, { source: evidence, target: 'hub-realist', relation: 'supports', author: 'ana' }, me);
  const toStructural = addLink(doc, { source: counter, target: 'hub-structural', relation: 'challenges', author: 'ben' }, me);
  const elements = mapElements(doc);
  const hubs = ['hub-realist', 'hub-ideological', 'hub-structural', 'hub-domestic-politics'];

  it('show everything without filters', () => {
    expect(visibleIds(elements, NO_FILTERS, null).size).toBe(elements.length);
  });

  it('filter passages by role and author, keeping hubs and the links between what shows', () => {
    const roles = visibleIds(elements, { ...NO_FILTERS, roles: new Set(['evidence']) }, null);
    expect([...roles].sort()).toEqual([...hubs, evidence, toRealist].sort());
    const authors = visibleIds(elements, { ...NO_FILTERS, authors: new Set(['ben']) }, null);
    expect([...authors].sort()).toEqual([...hubs, counter, toStructural].sort());
  });

  it('filter by hub (the hub and what links to it) and focus on a neighbourhood', () => {
    expect([...visibleIds(elements, { ...NO_FILTERS, hubs: new Set(['hub-structural']) }, null)].sort()).toEqual(['hub-structural', counter, toStructural].sort());
    expect([...visibleIds(elements, NO_FILTERS, evidence)].sort()).toEqual([evidence, 'hub-realist', toRealist].sort());
  });
});

describe('placing a new node', () => {
  it('puts it beside the centre of its neighbours, the same way on every peer', () => {
    const at = placeNew('claim-1', [
      { x: 0, y: 0 },
      { x: 200, y: 100 },
    ]);
    // Centroid (100, 50), then 70 units out at the id's stable angle.
    expect(Math.hypot(at.x - 100, at.y - 50)).toBeCloseTo(70, 6);
    expect(placeNew('claim-1', [{ x: 0, y: 0 }, { x: 200, y: 100 }])).toEqual(at);
    // Without neighbours: on a ring of radius 160 round the centre.
    const loose = placeNew('claim-2', []);
    expect(Math.hypot(loose.x, loose.y)).toBeCloseTo(160, 6);
  });
});

describe('placing a large map in one pass', () => {
  it('places every node, near what it links to, leaving placed nodes where they are', async () => {
    const { placeAll } = await import('./placement');
    const hub = { x: -400, y: 0 };
    const at = placeAll(
      ['h', 'a', 'b', 'lone'],
      new Map([['h', hub]]),
      new Map([
        ['h', ['a']],
        ['a', ['h', 'b']],
        ['b', ['a']],
      ]),
    );
    expect(at.get('h')).toEqual(hub);
    // a is 70 from the hub; b is 70 from a; "lone" is on the 160 ring round the centre.
    expect(Math.hypot(at.get('a')!.x - hub.x, at.get('a')!.y - hub.y)).toBeCloseTo(70, 6);
    expect(Math.hypot(at.get('b')!.x - at.get('a')!.x, at.get('b')!.y - at.get('a')!.y)).toBeCloseTo(70, 6);
    expect(Math.hypot(at.get('lone')!.x, at.get('lone')!.y)).toBeCloseTo(160, 6);
  });
});

describe('placing many nodes round one hub', () => {
  it('spreads 500 passages linked to the same hub so that no two overlap, the same way every time', async () => {
    const { placeAll } = await import('./placement');
    const hub = { x: 0, y: -400 };
    const ids = Array.from({ length: 500 }, (_, i) => `claim-${i}`);
    const neighbours = new Map<string, string[]>([['h', ids], ...ids.map((id) => [id, ['h']] as [string, string[]])]);
    const at = placeAll(['h', ...ids], new Map([['h', hub]]), neighbours);
    const points = ids.map((id) => at.get(id)!);
    // Passage nodes are 20 units wide: every pair keeps at least that much apart.
    let closest = Infinity;
    for (let i = 0; i < points.length; i++) for (let j = i + 1; j < points.length; j++) closest = Math.min(closest, Math.hypot(points[i]!.x - points[j]!.x, points[i]!.y - points[j]!.y));
    expect(closest).toBeGreaterThanOrEqual(20);
    expect(at.get('h')).toEqual(hub);
    expect(Math.min(...points.map((p) => Math.hypot(p.x - hub.x, p.y - hub.y)))).toBeCloseTo(70, 6);
    expect(placeAll(['h', ...ids], new Map([['h', hub]]), neighbours)).toEqual(at);
  });
});
