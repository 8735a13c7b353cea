// The map as a picture: an SVG built from the laid-out nodes and edges (labels as real
// text, so it stays searchable and editable), and Cytoscape's own PNG.
import type { Core } from 'cytoscape';
import { LABELLED } from './map-labels';
import { CHALLENGES_COLOUR, CLAIM_COLOUR, ROLE_COLOURS, SUPPORTS_COLOUR } from '../../shared/model/role-colours';
import { edgeWidth } from './map-style';
import { xmlEscape } from '../../shared/export/xml-escape';

/** A node to draw in the SVG. */
export interface SvgNode {
  readonly id: string;
  readonly label: string;
  readonly kind: 'hub' | 'annotation' | 'claim';
  readonly colour: string | null;
  readonly role: string | null;
  readonly x: number;
  readonly y: number;
}

/** An edge to draw in the SVG. */
export interface SvgEdge {
  readonly source: string;
  readonly target: string;
  readonly relation: 'supports' | 'challenges';
  readonly strength: number;
}

function radius(node: SvgNode): number {
  return node.kind === 'hub' ? 32 : node.kind === 'claim' ? 14 : 10;
}

/** Role colours by the role names Cytoscape's node data carry. */
const colourOfRole: Readonly<Record<string, string | undefined>> = ROLE_COLOURS;

/** A standalone SVG document of the map. Pure. */
export function buildSvg(nodes: readonly SvgNode[], edges: readonly SvgEdge[]): string {
  const at = new Map(nodes.map((n) => [n.id, n]));
  const pad = 80;
  const xs = nodes.map((n) => n.x);
  const ys = nodes.map((n) => n.y);
  const minX = Math.min(0, ...xs) - pad;
  const minY = Math.min(0, ...ys) - pad;
  const width = Math.max(0, ...xs) + pad - minX;
  const height = Math.max(0, ...ys) + pad - minY;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${minX} ${minY} ${width} ${height}" width="${Math.round(width)}" height="${Math.round(height)}" font-family="sans-serif">`,
    '<title>Argument map</title>',
    `<rect x="${minX}" y="${minY}" width="${width}" height="${height}" fill="#fff"/>`,
  ];
  for (const e of edges) {
    const s = at.get(e.source);
    const t = at.get(e.target);
    if (!s || !t) continue;
    const colour = e.relation === 'supports' ? SUPPORTS_COLOUR : CHALLENGES_COLOUR;
    const dash = e.relation === 'challenges' ? ' stroke-dasharray="6 4"' : '';
    out.push(`<line class="${e.relation}" x1="${s.x}" y1="${s.y}" x2="${t.x}" y2="${t.y}" stroke="${colour}" stroke-width="${edgeWidth(e.strength)}"${dash}/>`);
  }
  for (const n of nodes) {
    const fill = n.kind === 'hub' ? (n.colour ?? '#888') : n.kind === 'claim' ? CLAIM_COLOUR : (colourOfRole[n.role ?? ''] ?? '#888');
    const r = radius(n);
    out.push(`<circle class="${n.kind}" cx="${n.x}" cy="${n.y}" r="${r}" fill="${fill}"/>`);
    const size = n.kind === 'hub' ? 15 : 11;
    out.push(`<text x="${n.x}" y="${n.y + r + size + 2}" font-size="${size}" text-anchor="middle" fill="#222">${xmlEscape(n.label)}</text>`);
  }
  out.push('</svg>');
  return out.join('\n');
}

/** The map in `cy` as SVG text (visible elements only). */
export function exportSvg(cy: Core): string {
  const nodes = cy
    .nodes(':visible')
    .map((n) => ({ id: n.id(), label: String(n.data('label')), kind: n.data('kind'), colour: n.data('colour'), role: n.data('role'), x: Math.round(n.position('x')), y: Math.round(n.position('y')) }));
  const edges = cy.edges(':visible').map((e) => ({ source: e.data('source'), target: e.data('target'), relation: e.data('relation'), strength: Number(e.data('strength')) }));
  return buildSvg(nodes, edges);
}

/** The whole map in `cy` as a PNG, at twice the screen's resolution. */
export async function exportPng(cy: Core): Promise<Blob> {
  // The picture has no HTML layer: the canvas draws every label while it is taken.
  const labelled = cy.nodes(`.${LABELLED}`);
  labelled.removeClass(LABELLED);
  try {
    return await cy.png({ output: 'blob-promise', full: true, bg: '#ffffff', scale: 2 });
  } finally {
    if (!cy.destroyed()) labelled.addClass(LABELLED);
  }
}
