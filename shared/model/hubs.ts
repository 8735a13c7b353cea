// Explanation hubs: the competing explanations a reading weighs, drawn as fixed points
// of the argument map. A new map starts with the four schools the seed article weighs;
// users add, rename, recolour and remove hubs. Hub records live in HUBS, their places on
// the map in POSITIONS (with every other node's).
import * as Y from 'yjs';
import { z } from 'zod';
import { newId } from './ids';
import { freeze, oldestFirst, parseRecord, recordOf, type Dated } from './records';
import { SYSTEM_ORIGIN, type ChangeOrigin } from './origin';
import { removeNode } from './remove-node';
import { HUBS, POSITIONS } from './roots';
import { colour, MAX_NAME_LENGTH, parseInput, singleLine, strictInput } from './validation';

/** A point of the map. */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/** A hub as read from the document. */
export interface Hub {
  readonly id: string;
  readonly label: string;
  /** "#rrggbb" */
  readonly colour: string;
  /** Its place on the map, or null if it has none yet (the layout picks one). */
  readonly position: Point | null;
}

/** Distance of the default hubs from the map's centre. */
export const HUB_RADIUS = 400;

/**
 * The hubs every map starts with, at the four compass points. Colours are from the
 * Okabe–Ito palette (told apart with any common colour-vision deficiency), each at
 * least 3:1 against white as a graphic should be.
 */
export const DEFAULT_HUBS: readonly (Hub & { readonly position: Point })[] = freeze([
  { id: 'hub-realist', label: 'Realist', colour: '#0072b2', position: { x: 0, y: -HUB_RADIUS } },
  { id: 'hub-ideological', label: 'Ideological', colour: '#d55e00', position: { x: HUB_RADIUS, y: 0 } },
  { id: 'hub-structural', label: 'Structural', colour: '#009e73', position: { x: 0, y: HUB_RADIUS } },
  { id: 'hub-domestic-politics', label: 'Domestic politics', colour: '#cc79a7', position: { x: -HUB_RADIUS, y: 0 } },
]);

// The default hubs are written by a fixed, made-up Yjs client, so every peer that
// creates them produces the very same items: applying them twice, or on two peers at
// once, yields one copy, and a peer that joins before it has synced can't overwrite a
// hub someone already renamed. Never change what is written under this id: if the
// defaults ever change, give the new ones a new client id.
const DEFAULT_HUBS_CLIENT = 0x43525558; // "CRUX"

let defaultHubsUpdate: Uint8Array | null = null;

function defaultHubs(): Uint8Array {
  if (!defaultHubsUpdate) {
    const seed = new Y.Doc();
    seed.clientID = DEFAULT_HUBS_CLIENT;
    seed.transact(() => {
      DEFAULT_HUBS.forEach((hub, i) => {
        const record = new Y.Map<unknown>();
        seed.getMap<Y.Map<unknown>>(HUBS).set(hub.id, record);
        record.set('label', hub.label);
        record.set('colour', hub.colour);
        record.set('created', i);
        seed.getMap<Point>(POSITIONS).set(hub.id, { x: hub.position.x, y: hub.position.y });
      });
    });
    defaultHubsUpdate = Y.encodeStateAsUpdate(seed);
  }
  return defaultHubsUpdate;
}

/**
 * Gives `doc` the default hubs unless it has had them already: call it on every open.
 * Idempotent and safe on several peers at once (they converge to exactly the four), and
 * a default hub the users removed stays removed. Not undoable.
 */
export function ensureDefaultHubs(doc: Y.Doc): void {
  Y.applyUpdate(doc, defaultHubs(), SYSTEM_ORIGIN);
}

const point = z.object({ x: z.number(), y: z.number() });
const NOT_A_POINT = 'position must be a point {x, y} of finite numbers';
const pointInput = z.strictObject({ x: z.number(NOT_A_POINT), y: z.number(NOT_A_POINT) }, NOT_A_POINT);
const label = singleLine('label', MAX_NAME_LENGTH);
/** A hub record as stored. */
export const storedHub = z.object({ label: z.string(), colour: z.string(), created: z.number() });

function hubs(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>(HUBS);
}

function existing(doc: Y.Doc, action: string, key: unknown): Y.Map<unknown> {
  return recordOf(hubs(doc), action, key, 'hub');
}

/** Adds a hub and returns its id. Without a position, the map's layout places it. */
export function addHub(doc: Y.Doc, input: { label: string; colour: string; position?: Point }, origin: ChangeOrigin): string {
  const parsed = parseInput(
    'addHub',
    strictInput('a hub', { label, colour: colour('colour'), position: pointInput.optional() }),
    input,
  );
  const key = newId('hub');
  doc.transact(() => {
    const record = new Y.Map<unknown>();
    hubs(doc).set(key, record);
    record.set('label', parsed.label);
    record.set('colour', parsed.colour);
    record.set('created', Date.now());
    if (parsed.position) doc.getMap<Point>(POSITIONS).set(key, parsed.position);
  }, origin);
  return key;
}

/** Renames a hub. */
export function renameHub(doc: Y.Doc, key: string, newLabel: string, origin: ChangeOrigin): void {
  const record = existing(doc, 'renameHub', key);
  const value = parseInput('renameHub', label, newLabel);
  doc.transact(() => record.set('label', value), origin);
}

/** Changes a hub's colour. */
export function recolourHub(doc: Y.Doc, key: string, newColour: string, origin: ChangeOrigin): void {
  const record = existing(doc, 'recolourHub', key);
  const value = parseInput('recolourHub', colour('colour'), newColour);
  doc.transact(() => record.set('colour', value), origin);
}

/** Removes a hub with the links to it, its comment threads and its map position (one undoable step). */
export function removeHub(doc: Y.Doc, key: string, origin: ChangeOrigin): void {
  existing(doc, 'removeHub', key);
  doc.transact(() => removeNode(doc, hubs(doc), key), origin);
}

/** Every hub, in the order they were made (the defaults first). */
export function listHubs(doc: Y.Doc): readonly Hub[] {
  const positions = doc.getMap<unknown>(POSITIONS);
  const out: Dated<Hub>[] = [];
  for (const [key, record] of hubs(doc)) {
    const stored = parseRecord(doc, record, storedHub);
    if (!stored) continue;
    const position = point.safeParse(positions.get(key));
    const hub = { id: key, label: stored.label, colour: stored.colour, position: position.success ? position.data : null };
    out.push({ value: hub, created: stored.created, record });
  }
  return freeze(oldestFirst(out));
}
