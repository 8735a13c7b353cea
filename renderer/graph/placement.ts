// Where a node without a shared position goes when it appears after the first layout:
// beside what it links to, so one new node never reshuffles the rest. Pure.
import type { Point } from '../../shared/model';

/** Distance of a new node from its neighbours' centre. */
export const NEAR = 70;
/** Radius of the ring where unlinked new nodes go. */
export const LOOSE_RING = 160;

/** A stable angle (radians) for `id`, so every peer places the same node alike. */
export function angleOf(id: string): number {
  let hash = 2166136261;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 16777619);
  return ((hash >>> 0) / 2 ** 32) * 2 * Math.PI;
}

/**
 * The place of new node `id`: near the centroid of its placed neighbours (offset at a
 * stable angle so siblings fan out), or on a ring round the centre if it has none.
 */
export function placeNew(id: string, neighbours: readonly Point[]): Point {
  const angle = angleOf(id);
  if (neighbours.length === 0) return { x: Math.cos(angle) * LOOSE_RING, y: Math.sin(angle) * LOOSE_RING };
  const cx = neighbours.reduce((s, p) => s + p.x, 0) / neighbours.length;
  const cy = neighbours.reduce((s, p) => s + p.y, 0) / neighbours.length;
  return { x: cx + Math.cos(angle) * NEAR, y: cy + Math.sin(angle) * NEAR };
}
