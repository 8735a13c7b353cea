// Where map nodes sit. POSITIONS holds only places someone chose (a hub's compass
// point, a node dragged by hand): they are shared and the layout keeps them fixed;
// every other node is placed by each peer's layout around what it links to.
import type * as Y from 'yjs';
import { z } from 'zod';
import type { Point } from './hubs';
import { nodeExists } from './nodes';
import type { ChangeOrigin } from './origin';
import { POSITIONS } from './roots';
import { id, InputError, parseInput } from './validation';

const NOT_A_POINT = 'position must be a point {x, y} of finite numbers';
const pointInput = z.strictObject({ x: z.number(NOT_A_POINT), y: z.number(NOT_A_POINT) }, NOT_A_POINT);
/** A position as stored. */
export const storedPoint = z.object({ x: z.number(), y: z.number() });

/** Pins node `nodeId` at `position` for everyone (a hand-set place the layout keeps). */
export function setPosition(doc: Y.Doc, nodeId: string, position: Point, origin: ChangeOrigin): void {
  const key = parseInput('setPosition', id('node id'), nodeId);
  if (!nodeExists(doc, key)) throw new InputError('setPosition', `no hub, claim or annotation with id ${JSON.stringify(key)}`);
  const at = parseInput('setPosition', pointInput, position);
  doc.transact(() => doc.getMap<Point>(POSITIONS).set(key, { x: at.x, y: at.y }), origin);
}

/** Unpins node `nodeId`: the layout places it again. Does nothing if it had no place. */
export function clearPosition(doc: Y.Doc, nodeId: string, origin: ChangeOrigin): void {
  const key = parseInput('clearPosition', id('node id'), nodeId);
  if (!doc.getMap(POSITIONS).has(key)) return;
  doc.transact(() => doc.getMap(POSITIONS).delete(key), origin);
}

/** Every node's chosen place, by node id (nodes that no longer exist are left out). */
export function getPositions(doc: Y.Doc): ReadonlyMap<string, Point> {
  const out = new Map<string, Point>();
  for (const [key, value] of doc.getMap<unknown>(POSITIONS)) {
    const parsed = storedPoint.safeParse(value);
    if (parsed.success && nodeExists(doc, key)) out.set(key, Object.freeze({ x: parsed.data.x, y: parsed.data.y }));
  }
  return out;
}
