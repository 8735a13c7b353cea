// The colour of each annotation role, link relation and claim: the reading's highlight
// underlines, the map's nodes and edges and the exported SVG maps use these. The stylesheet's --hl-*-solid
// custom properties (renderer/styles/annotations.css) repeat them for CSS, and
// role-colours.test.ts keeps the two equal.
import type { Role } from './annotations';

/** Solid colour of each role, readable on white. */
export const ROLE_COLOURS: Readonly<Record<Role, string>> = Object.freeze({ evidence: '#1f7a45', claim: '#1f5fbf', counter: '#b8381c' });

/** Colour of "supports" links. */
export const SUPPORTS_COLOUR = '#2e8540';
/** Colour of "challenges" links (drawn dashed as well, so the two differ without colour). */
export const CHALLENGES_COLOUR = '#c0392b';
/** Colour of free-standing claims. */
export const CLAIM_COLOUR = '#5b4a8b';
