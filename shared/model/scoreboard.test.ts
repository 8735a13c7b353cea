import { describe, expect, it } from 'vitest';
import { anchorOn, seminarDoc } from '../test-support/model';
import { addAnnotation } from './annotations';
import { addClaim } from './claims';
import { addLink } from './links';
import { createLocalOrigin } from './origin';
import { computeScoreboard, readScoreboard, type ScoreboardInput } from './scoreboard';

const hubs = [
  { id: 'R', label: 'Realist', colour: '#0072b2' },
  { id: 'I', label: 'Ideological', colour: '#d55e00' },
  { id: 'D', label: 'Domestic', colour: '#cc79a7' },
];

// Three passages p1–p3 and one claim c1, linked by ana and ben.
const map: ScoreboardInput = {
  hubs,
  passages: ['p1', 'p2', 'p3'],
  links: [
    { source: 'p1', target: 'R', relation: 'supports', author: 'ana', strength: 3 },
    { source: 'p1', target: 'R', relation: 'challenges', author: 'ben', strength: 1 },
    { source: 'p1', target: 'I', relation: 'challenges', author: 'ana', strength: 2 },
    { source: 'p2', target: 'R', relation: 'supports', author: 'ben', strength: 2 },
    { source: 'p2', target: 'D', relation: 'supports', author: 'ana', strength: 1 },
    { source: 'p3', target: 'D', relation: 'challenges', author: 'ana', strength: 3 },
    { source: 'c1', target: 'D', relation: 'supports', author: 'ana', strength: 2 },
    { source: 'p3', target: 'c1', relation: 'challenges', author: 'ben', strength: 2 },
    { source: 'p3', target: 'c1', relation: 'supports', author: 'ana', strength: 1 },
  ],
};

describe('scoreboard', () => {
  const board = computeScoreboard(map);

  it('weighs each hub’s support and challenge by strength and counts passages', () => {
    expect(board.hubs.map(({ hub, support, challenge, supportingPassages, challengingPassages }) => ({ hub, support, challenge, supportingPassages, challengingPassages }))).toEqual([
      // R: support 3 (p1, ana) + 2 (p2, ben) = 5; challenge 1 (p1, ben); passages {p1, p2} for, {p1} against.
      { hub: 'R', support: 5, challenge: 1, supportingPassages: 2, challengingPassages: 1 },
      // I: nothing supports it; challenge 2 (p1, ana); one passage against.
      { hub: 'I', support: 0, challenge: 2, supportingPassages: 0, challengingPassages: 1 },
      // D: support 1 (p2) + 2 (claim c1) = 3, but only p2 is a passage; challenge 3 (p3).
      { hub: 'D', support: 3, challenge: 3, supportingPassages: 1, challengingPassages: 1 },
    ]);
  });

  it('lists passages linked in opposite ways to the same target as contested', () => {
    expect(board.contested).toEqual([
      // ana: p1 supports R; ben: p1 challenges R.
      { passage: 'p1', target: 'R', supportedBy: ['ana'], challengedBy: ['ben'] },
      // ana: p3 supports c1; ben: p3 challenges c1 (a claim can be contested too).
      { passage: 'p3', target: 'c1', supportedBy: ['ana'], challengedBy: ['ben'] },
    ]);
  });

  it('finds passages that support one hub while challenging a rival', () => {
    // p1 supports R and challenges I (R is challenged too, but R is no rival of itself);
    // p2 supports two hubs and challenges none; p3 challenges D and supports no hub.
    expect(board.discriminating).toEqual([{ passage: 'p1', supports: ['R'], challenges: ['I'] }]);
  });

  it('gives an empty map zero scores and empty lists', () => {
    const empty = computeScoreboard({ hubs, passages: [], links: [] });
    expect(empty.hubs.map((h) => [h.support, h.challenge])).toEqual([
      [0, 0],
      [0, 0],
      [0, 0],
    ]);
    expect(empty.contested).toEqual([]);
    expect(empty.discriminating).toEqual([]);
  });

  it('reads a document, counting unweighed links as ordinary (2)', () => {
    const doc = seminarDoc();
    const me = createLocalOrigin('ana');
    const p = addAnnotation(doc, { role: 'evidence', anchor: anchorOn(doc, 'strategy'), author: 'ana' }, me);
    addLink(doc, { source: p, target: 'hub-realist', relation: 'supports', author: 'ana' }, me);
    addLink(doc, { source: p, target: 'hub-realist', relation: 'challenges', author: 'ben' }, me);
    const claim = addClaim(doc, { text: 'Made-up claim', author: 'ana' }, me);
    addLink(doc, { source: claim, target: 'hub-realist', relation: 'supports', author: 'ana', strength: 3 }, me);
    const realist = readScoreboard(doc).hubs.find((h) => h.hub === 'hub-realist')!;
    // support 2 (p, unweighed) + 3 (claim) = 5; challenge 2 (p, unweighed).
    expect([realist.support, realist.challenge, realist.supportingPassages, realist.challengingPassages]).toEqual([5, 2, 1, 1]);
    expect(readScoreboard(doc).contested).toEqual([{ passage: p, target: 'hub-realist', supportedBy: ['ana'], challengedBy: ['ben'] }]);
  });
});
