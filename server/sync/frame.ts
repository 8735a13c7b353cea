// Reads one WebSocket frame of the Hocuspocus sync protocol completely, before the
// server acts on it, so random bytes, truncated messages and undecodable updates are
// refused with a reason instead of reaching Yjs half-read.
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';

/** Message types of the Hocuspocus protocol (its MessageType enum). */
const Type = { Sync: 0, Awareness: 1, Auth: 2, QueryAwareness: 3, SyncReply: 4, Stateless: 5, Close: 7, Pong: 10 };

/** y-protocols sync sub-types. */
const SyncType = { Step1: 0, Step2: 1, Update: 2 };

/** One decoded frame. `doc` is the plain document name (any `\0session` suffix removed). */
export type Frame =
  | { kind: 'sync-step1'; doc: string }
  | { kind: 'sync-step2' | 'update'; doc: string; update: Uint8Array }
  | { kind: 'awareness'; doc: string }
  | { kind: 'auth'; doc: string }
  | { kind: 'query-awareness' | 'stateless' | 'close'; doc: string }
  | { kind: 'pong' };

/** A frame that is not a well-formed sync message; `message` says what is wrong. */
export class FrameError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FrameError';
  }
}

/**
 * Decodes a frame. With `deep`, also decodes the payload it carries (every struct of
 * an update, every awareness state) and requires that nothing trails it. Throws a
 * FrameError on anything malformed.
 */
export function readFrame(data: Uint8Array, deep = true): Frame {
  // A provider's application-level pong is a single byte with no document name.
  if (data.byteLength === 1 && data[0] === Type.Pong) return { kind: 'pong' };
  const decoder = decoding.createDecoder(data);
  const frame = step('document name', () => readBody(decoder, deep));
  if (deep && decoding.hasContent(decoder)) {
    throw new FrameError(`${decoder.arr.length - decoder.pos} unexpected bytes after a ${frame.kind} message`);
  }
  return frame;
}

function readBody(decoder: decoding.Decoder, deep: boolean): Frame {
  const address = decoding.readVarString(decoder);
  const doc = address.split('\0', 1)[0] ?? '';
  if (doc.length === 0) throw new FrameError('empty document name');
  const type = step('message type', () => decoding.readVarUint(decoder));
  switch (type) {
    case Type.Sync:
    case Type.SyncReply:
      return readSync(decoder, doc, deep);
    case Type.Awareness: {
      const update = step('awareness update', () => decoding.readVarUint8Array(decoder));
      if (deep) step('awareness update', () => checkAwareness(update));
      return { kind: 'awareness', doc };
    }
    case Type.Auth: {
      step('authentication message', () => {
        decoding.readVarUint(decoder);
        decoding.readVarString(decoder);
        if (decoding.hasContent(decoder)) decoding.readVarString(decoder);
      });
      return { kind: 'auth', doc };
    }
    case Type.QueryAwareness:
      return { kind: 'query-awareness', doc };
    case Type.Stateless:
      step('stateless message', () => decoding.readVarString(decoder));
      return { kind: 'stateless', doc };
    case Type.Close:
      return { kind: 'close', doc };
    default:
      throw new FrameError(`unknown message type ${type}`);
  }
}

function readSync(decoder: decoding.Decoder, doc: string, deep: boolean): Frame {
  const syncType = step('sync message type', () => decoding.readVarUint(decoder));
  switch (syncType) {
    case SyncType.Step1: {
      const vector = step('sync step 1', () => decoding.readVarUint8Array(decoder));
      if (deep) step('state vector', () => Y.decodeStateVector(vector));
      return { kind: 'sync-step1', doc };
    }
    case SyncType.Step2:
    case SyncType.Update: {
      const kind = syncType === SyncType.Step2 ? 'sync-step2' : 'update';
      const update = step(kind === 'update' ? 'update' : 'sync step 2', () => decoding.readVarUint8Array(decoder));
      if (deep) step('update content', () => checkUpdate(update));
      return { kind, doc, update };
    }
    default:
      throw new FrameError(`unknown sync message type ${syncType}`);
  }
}

/** Decodes every struct and the delete set of an update (Yjs v1 encoding). */
function checkUpdate(update: Uint8Array): void {
  // decodeUpdate reads the whole update; anything it cannot read throws.
  Y.decodeUpdate(update);
}

/** Decodes an awareness update: a count, then client id, clock and JSON state each. */
function checkAwareness(update: Uint8Array): void {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  for (let i = 0; i < count; i++) {
    decoding.readVarUint(decoder);
    decoding.readVarUint(decoder);
    const state: unknown = JSON.parse(decoding.readVarString(decoder));
    if (state !== null && (typeof state !== 'object' || Array.isArray(state))) {
      throw new Error('awareness state is not an object');
    }
  }
  if (decoding.hasContent(decoder)) throw new Error('unexpected bytes after the awareness states');
}

/** Runs one decoding step, turning any failure into a FrameError that names the step. */
function step<T>(what: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof FrameError) throw error;
    const detail = error instanceof Error ? error.message : String(error);
    throw new FrameError(`cannot read the ${what}: ${detail}`);
  }
}
