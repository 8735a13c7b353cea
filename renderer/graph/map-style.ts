// How the map looks: Cytoscape stylesheet for hubs, passages, claims and the two kinds
// of link. Role colours match the reading's highlights; challenges are dashed as well as
// red, so the two relations differ without colour too.
import type { StylesheetJson } from 'cytoscape';
import { LABELLED } from './map-labels';
import { CHALLENGES_COLOUR, CLAIM_COLOUR, ROLE_COLOURS, SUPPORTS_COLOUR } from '../../shared/model/role-colours';

/** The map's stylesheet. */
export function mapStyle(): StylesheetJson {
  return [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        'font-size': 11,
        'text-wrap': 'ellipsis',
        'text-max-width': '140px',
        'text-valign': 'bottom',
        'text-margin-y': 4,
        color: '#222',
        'text-background-color': '#fff',
        'text-background-opacity': 0.8,
        'text-background-padding': '2px',
        'min-zoomed-font-size': 7,
      },
    },
    { selector: 'node.hub', style: { width: 64, height: 64, 'background-color': 'data(colour)', 'font-size': 15, 'font-weight': 'bold', 'border-width': 3, 'border-color': '#fff' } },
    { selector: 'node.annotation', style: { width: 20, height: 20, shape: 'round-rectangle' } },
    { selector: 'node.role-evidence', style: { 'background-color': ROLE_COLOURS.evidence } },
    { selector: 'node.role-claim', style: { 'background-color': ROLE_COLOURS.claim } },
    { selector: 'node.role-counter', style: { 'background-color': ROLE_COLOURS.counter, shape: 'diamond' } },
    { selector: 'node.claim', style: { width: 28, height: 28, shape: 'hexagon', 'background-color': CLAIM_COLOUR } },
    {
      selector: 'edge',
      style: {
        width: 'data(width)',
        'curve-style': 'bezier',
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.8,
        'line-color': SUPPORTS_COLOUR,
        'target-arrow-color': SUPPORTS_COLOUR,
      },
    },
    { selector: 'edge.challenges', style: { 'line-style': 'dashed', 'line-dash-pattern': [6, 4], 'line-color': CHALLENGES_COLOUR, 'target-arrow-color': CHALLENGES_COLOUR, 'target-arrow-shape': 'tee' } },
    { selector: ':selected', style: { 'overlay-color': '#1a73e8', 'overlay-opacity': 0.25, 'overlay-padding': 6 } },
    { selector: 'node.cursor', style: { 'outline-width': 3, 'outline-color': '#1a73e8', 'outline-offset': 4 } },
    { selector: 'node.link-source', style: { 'border-width': 4, 'border-color': '#f0a500', 'border-style': 'double' } },
    // Their label is HTML over the map, readable at any zoom (map-labels.ts).
    { selector: `node.${LABELLED}`, style: { 'text-opacity': 0, 'text-background-opacity': 0 } },
    { selector: '.hidden', style: { display: 'none' } },
    { selector: '.eh-preview, .eh-ghost-edge', style: { 'line-color': '#888', 'target-arrow-color': '#888', 'line-style': 'dotted' } },
    { selector: '.eh-ghost-node', style: { opacity: 0 } },
  ];
}
