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

/** Spacing of the spiral that nodes placed around the same neighbours follow. */
export const SPIRAL_SPACING = 22;
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/**
 * The k-th node placed round `centre` (counting from 0) on a sunflower spiral that
 * starts `radius` out: the first lands at `radius`, later ones fill the disc outwards
 * about SPIRAL_SPACING apart, so hundreds of passages linked to one hub do not land
 * on top of each other.
 */
export function spiralAt(centre: Point, radius: number, k: number, turn: number): Point {
  const r = Math.sqrt(radius * radius + SPIRAL_SPACING * SPIRAL_SPACING * k);
  const angle = turn + k * GOLDEN_ANGLE;
  return { x: centre.x + Math.cos(angle) * r, y: centre.y + Math.sin(angle) * r };
}

/**
 * Places every node of a large map in one pass, O(nodes + edges): breadth-first from
 * the nodes already placed (hubs, hand-set places), each beside the centroid of its
 * placed neighbours, on a spiral shared by the nodes placed round the same neighbours;
 * nodes linked to nothing placed spiral out from the ring round the centre. The same
 * input gives the same places on every peer. Used instead of fcose where a force
 * layout would take seconds (see cy-projection.ts).
 */
export function placeAll(nodes: readonly string[], placed: ReadonlyMap<string, Point>, neighbours: ReadonlyMap<string, readonly string[]>): Map<string, Point> {
  const out = new Map(placed);
  const queue = [...placed.keys()];
  const queued = new Set(queue);
  const crowd = new Map<string, number>();
  const visit = (id: string) => {
    if (!out.has(id)) {
      const near = (neighbours.get(id) ?? []).filter((n) => out.has(n)).sort();
      const key = near.join('\n');
      const k = crowd.get(key) ?? 0;
      crowd.set(key, k + 1);
      if (near.length === 0) {
        out.set(id, spiralAt({ x: 0, y: 0 }, LOOSE_RING, k, angleOf(id)));
      } else {
        const points = near.map((n) => out.get(n)!);
        const centre = { x: points.reduce((s, p) => s + p.x, 0) / points.length, y: points.reduce((s, p) => s + p.y, 0) / points.length };
        out.set(id, spiralAt(centre, NEAR, k, angleOf(key)));
      }
    }
    for (const next of neighbours.get(id) ?? []) {
      if (!queued.has(next)) {
        queued.add(next);
        queue.push(next);
      }
    }
  };
  for (let i = 0; i < queue.length; i++) visit(queue[i]!);
  for (const id of nodes) if (!queued.has(id)) {
    queued.add(id);
    queue.push(id);
    for (let i = queue.length - 1; i < queue.length; i++) visit(queue[i]!);
  }
  return out;
}
