import { describe, expect, it } from 'vitest';
import { buildSvg } from './map-export';

describe('the SVG export', () => {
  it('draws every node with its label as text and every edge by relation', () => {
    const svg = buildSvg(
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
  });
});
