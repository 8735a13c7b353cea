// Folding a stored state and its appended updates into one update, shared by the stores.
// Loading merges without a document (cheap); compaction goes through a Y.Doc, which
// folds the updates into one but keeps deleted content: named versions (Yjs snapshots)
// need it to rebuild older states.
import * as Y from 'yjs';

/** Merges a state and later updates into one update, or null if there is nothing. */
export function mergeStored(state: Uint8Array | null, updates: Uint8Array[]): Uint8Array | null {
  const parts = state && state.byteLength > 0 ? [state, ...updates] : updates;
  if (parts.length === 0) return null;
  if (parts.length === 1) return parts[0] ?? null;
  return Y.mergeUpdates(parts);
}

/** Applies a state and updates to a fresh document and encodes it: the compacted state. */
export function compactStored(state: Uint8Array | null, updates: Uint8Array[]): Uint8Array {
  const doc = new Y.Doc({ gc: false });
  try {
    doc.transact(() => {
      if (state && state.byteLength > 0) Y.applyUpdate(doc, state);
      for (const update of updates) Y.applyUpdate(doc, update);
    });
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}

/** A plain Uint8Array view of bytes a database driver returned (Buffer or Uint8Array). */
export function bytes(value: Uint8Array): Uint8Array {
  return value.constructor === Uint8Array ? value : new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
}
