// What a participant's presence (Yjs awareness state) may hold. Presence comes straight
// from other people's clients and ends up in the page (names as text, colours in styles),
// so the server drops states that break these rules and every client checks again.
import { z } from 'zod';
import { colour, id, MAX_NAME_LENGTH, singleLine } from '../model/validation';

/** Largest presence state, as JSON, in bytes: a name, a colour, a cursor and a node id fit many times over. */
export const MAX_PRESENCE_BYTES = 4096;

/** Longest map node id a presence may name. */
const MAX_NODE_ID = 160;

const user = z
  .object({
    id: id('person id'),
    name: singleLine('name', MAX_NAME_LENGTH),
    colour: colour('colour'),
    // y-prosemirror's cursor plugin reads the American spelling.
    color: colour('color').optional(),
  })
  .strict();

/** A Yjs relative position as y-prosemirror's cursor plugin publishes it (JSON of Y.RelativePosition). */
const relativePosition = z.record(z.string().max(16), z.unknown());

const presence = z
  .object({
    user: user.optional(),
    node: z.string().max(MAX_NODE_ID).nullable().optional(),
    cursor: z.object({ anchor: relativePosition, head: relativePosition }).strict().nullable().optional(),
  })
  .strict();

/** A participant's presence, checked. */
export type PresenceState = z.output<typeof presence>;

/**
 * Checks one presence state: the result says why it was refused, or gives the state with
 * names trimmed and colours lower-cased. Size is measured on the JSON the state would be sent as.
 */
export function checkPresence(state: unknown): { ok: true; state: PresenceState } | { ok: false; reason: string } {
  let json: string;
  try {
    json = JSON.stringify(state) ?? '';
  } catch {
    return { ok: false, reason: 'presence is not plain data' };
  }
  if (json.length > MAX_PRESENCE_BYTES) return { ok: false, reason: `presence is larger than ${MAX_PRESENCE_BYTES} bytes` };
  const parsed = presence.safeParse(state);
  if (!parsed.success) return { ok: false, reason: `presence is malformed: ${parsed.error.issues[0]?.message ?? 'unknown shape'}` };
  return { ok: true, state: parsed.data };
}
