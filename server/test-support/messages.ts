// Builds raw sync-protocol frames, for tests that talk to the server without a provider
// (to send what no well-behaved provider would).
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';

/** Frame type numbers of the Hocuspocus protocol. */
export const MessageType = { Sync: 0, Awareness: 1, Auth: 2, QueryAwareness: 3, Stateless: 5, Close: 7 } as const;

function frame(doc: string, type: number, write: (e: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, doc);
  encoding.writeVarUint(encoder, type);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** The authentication frame a provider sends first. */
export function authFrame(doc: string, token: string): Uint8Array {
  return frame(doc, MessageType.Auth, (e) => {
    encoding.writeVarUint(e, 0);
    encoding.writeVarString(e, token);
    encoding.writeVarString(e, 'test');
  });
}

/** Sync step 1 for a document state. */
export function syncStep1Frame(doc: string, ydoc: Y.Doc): Uint8Array {
  return frame(doc, MessageType.Sync, (e) => syncProtocol.writeSyncStep1(e, ydoc));
}

/** Sync step 2 carrying `update` verbatim. */
export function syncStep2Frame(doc: string, update: Uint8Array): Uint8Array {
  return frame(doc, MessageType.Sync, (e) => {
    encoding.writeVarUint(e, syncProtocol.messageYjsSyncStep2);
    encoding.writeVarUint8Array(e, update);
  });
}

/** An update message carrying `update` verbatim. */
export function updateFrame(doc: string, update: Uint8Array): Uint8Array {
  return frame(doc, MessageType.Sync, (e) => {
    encoding.writeVarUint(e, syncProtocol.messageYjsUpdate);
    encoding.writeVarUint8Array(e, update);
  });
}

/** An awareness frame carrying `payload` verbatim. */
export function awarenessFrame(doc: string, payload: Uint8Array): Uint8Array {
  return frame(doc, MessageType.Awareness, (e) => encoding.writeVarUint8Array(e, payload));
}

/** An update that inserts `text` into the Y.Text `root` of a fresh document. */
export function textUpdate(root: string, text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText(root).insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

/**
 * An update whose one item claims a content type Yjs does not have (ref 31): it fails
 * to decode, like a corrupted or forged update.
 */
export function undecodableUpdate(): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1); // one client
  encoding.writeVarUint(e, 1); // one struct
  encoding.writeVarUint(e, 4242); // client id
  encoding.writeVarUint(e, 0); // clock
  encoding.writeUint8(e, 31); // no origins, content ref 31
  encoding.writeVarUint(e, 1); // parent is a root type, named:
  encoding.writeVarString(e, 'article');
  encoding.writeVarUint(e, 0); // empty delete set
  return encoding.toUint8Array(e);
}

/**
 * An update that decodes cleanly but cannot be integrated: its second item's origin is
 * a later clock of its own client, which Yjs rejects half-way through applying it.
 */
export function unintegrableUpdate(root = 'article'): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1); // one client
  encoding.writeVarUint(e, 2); // two structs
  encoding.writeVarUint(e, 4243); // client id
  encoding.writeVarUint(e, 0); // clock
  encoding.writeUint8(e, 4); // string content, no origins: parent info follows
  encoding.writeVarUint(e, 1);
  encoding.writeVarString(e, root);
  encoding.writeVarString(e, 'he');
  encoding.writeUint8(e, 0x80 | 4); // string content with a left origin:
  encoding.writeVarUint(e, 4243);
  encoding.writeVarUint(e, 102); // … its own client's future clock
  encoding.writeVarString(e, 'llo');
  encoding.writeVarUint(e, 0); // empty delete set
  return encoding.toUint8Array(e);
}

/** A deterministic pseudo-random byte source (mulberry32), so "random" tests repeat exactly. */
export function seededBytes(seed: number, length: number): Uint8Array {
  let a = seed >>> 0;
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[i] = ((t ^ (t >>> 14)) >>> 0) & 0xff;
  }
  return out;
}
