// Keeps copies of recently opened files in the browser's IndexedDB, so browser mode can
// reopen them from the recent list (a web page cannot reopen a file by its path).
const DB_NAME = 'crux-browser';
const STORE = 'recent-files';

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB is unavailable'));
  });
}

function run<T>(mode: IDBTransactionMode, fn: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return openDb().then(
    (db) =>
      new Promise<T>((resolve, reject) => {
        const tx = db.transaction(STORE, mode);
        const request = fn(tx.objectStore(STORE));
        tx.oncomplete = () => {
          db.close();
          resolve(request.result);
        };
        tx.onerror = tx.onabort = () => {
          db.close();
          reject(tx.error ?? new Error('IndexedDB transaction failed'));
        };
      }),
  );
}

/** Stores a file's bytes under `key`. */
export async function putFileBytes(key: string, bytes: Uint8Array): Promise<void> {
  await run('readwrite', (store) => store.put(bytes, key));
}

/** The bytes stored under `key`, or null if the browser no longer has them. */
export async function getFileBytes(key: string): Promise<Uint8Array<ArrayBuffer> | null> {
  const value: unknown = await run('readonly', (store) => store.get(key));
  // Structured clone gives back a Uint8Array over a plain ArrayBuffer.
  return value instanceof Uint8Array ? (value as Uint8Array<ArrayBuffer>) : null;
}

/** Deletes every stored file whose key is not in `keep`. */
export async function pruneFiles(keep: ReadonlySet<string>): Promise<void> {
  const keys = await run('readonly', (store) => store.getAllKeys());
  const stale = keys.filter((k): k is string => typeof k === 'string' && !keep.has(k));
  if (stale.length === 0) return;
  await run('readwrite', (store) => {
    let last: IDBRequest<undefined> | undefined;
    for (const key of stale) last = store.delete(key);
    return last as IDBRequest<undefined>;
  });
}
