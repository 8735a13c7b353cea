import { describe, expect, it } from 'vitest';
import { addAnnotation, addClaim, addLink, listHubs } from '../model';
import { createLocalOrigin } from '../model/origin';
import { anchorOn, seminarDoc } from '../test-support/model';
import { drawMapSvg, mapSvg } from './map-svg';
import { snapshotProject } from './project-snapshot';

describe('the map picture', () => {
  it('draws every node with its label as text and every link by relation', () => {
    const svg = drawMapSvg(
      [
        { id: 'h', label: 'Realist', kind: 'hub', colour: '#0072b2', role: null, x: 0, y: -400 },
        { id: 'c', label: 'Trade <mattered> & more', kind: 'claim', colour: null, role: null, x: 50, y: 10 },
      ],
      [{ source: 'c', target: 'h', relation: 'challenges', strength: 3 }],
    );
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('>Realist</text>');
    expect(svg).toContain('>Trade &lt;mattered&gt; &amp; more</text>');
    expect(svg).toContain('<line class="challenges" x1="50" y1="10" x2="0" y2="-400"');
    expect(svg).toContain('stroke-dasharray="6 4"');
    expect(svg).toContain('<circle class="hub" cx="0" cy="-400" r="32" fill="#0072b2"/>');
    expect(svg).toContain('<rect class="claim" x="36" y="-4" width="28" height="28"');
  });

  it('escapes a colour or detail that would break out of its attribute or element', () => {
    const svg = drawMapSvg([{ id: 'h', label: '', kind: 'hub', colour: '"/><script>x</script>', role: null, detail: '</title><script>', x: 0, y: 0 }], []);
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('fill="&quot;/&gt;&lt;script&gt;x&lt;/script&gt;"');
  });

  it("draws a project's hubs, passages, claims and links for a report, with each passage's quote on hover", () => {
    const doc = seminarDoc();
    const me = createLocalOrigin('ana');
    const hub = listHubs(doc)[0]!;
    addAnnotation(doc, { role: 'counter', anchor: anchorOn(doc, 'open polemics'), author: 'ana', links: [{ target: hub.id, relation: 'challenges' }] }, me);
    const claim = addClaim(doc, { text: 'Letters & strategy', author: 'ana' }, me);
    addLink(doc, { source: claim, target: hub.id, relation: 'supports', author: 'ana', strength: 2 }, me);
    const svg = mapSvg(snapshotProject(doc));
    expect(svg).toContain(`>${hub.label}</text>`);
    expect(svg.match(/<circle class="hub"/g)).toHaveLength(listHubs(doc).length);
    expect(svg).toContain('<title>counter: open polemics</title>');
    expect(svg).toContain('<title>Letters &amp; strategy</title>');
    expect(svg.match(/<line class="supports"[^>]*stroke-width="4"/g)).toHaveLength(1);
    expect(svg.match(/<line class="challenges"/g)).toHaveLength(1);
  });
});
