// The map as a picture: an SVG of the laid-out nodes and edges (drawn by the reports' writer,
// shared/export/map-svg.ts, with labels as real text), and Cytoscape's own PNG.
import type { Core } from 'cytoscape';
import { LABELLED } from './map-labels';
import { drawMapSvg, type SvgEdge, type SvgNode } from '../../shared/export/map-svg';

/** The map in `cy` as SVG text (visible elements only). */
export function exportSvg(cy: Core): string {
  const nodes = cy
    .nodes(':visible')
    .map((n): SvgNode => ({ id: n.id(), label: String(n.data('label')), kind: n.data('kind'), colour: n.data('colour'), role: n.data('role'), x: Math.round(n.position('x')), y: Math.round(n.position('y')) }));
  const edges = cy.edges(':visible').map((e): SvgEdge => ({ source: e.data('source'), target: e.data('target'), relation: e.data('relation'), strength: Number(e.data('strength')) }));
  return drawMapSvg(nodes, edges);
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
