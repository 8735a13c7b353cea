// Forcing a write past the UI, as a tampered or outdated client would: the change is made
// on a copy of a participant's local document (their browser's IndexedDB copy, as
// y-indexeddb keeps it) and stored there, so the app loads it with the next page load
// and sends it to the sync server, which must refuse it.
import type { Page } from 'playwright-core';
import * as Y from 'yjs';
import { createLocalOrigin, type LocalOrigin } from '../../shared/model';

/** Who a forced write is made as: the participant's person id and their origin. */
export interface Writer {
  personId: string;
  origin: LocalOrigin;
}

/** The IndexedDB name of a project's local copy in browser mode (renderer/session/session.ts). */
function copyName(project: string): string {
  return `crux-project-${project}`;
}

/** The updates of `project`'s local copy in `page`'s profile. */
export async function localUpdates(page: Page, project: string): Promise<Uint8Array[]> {
  const updates = await page.evaluate(
    (name) =>
      new Promise<number[][]>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('updates')) {
            db.close();
            resolve([]);
            return;
          }
          const read = db.transaction('updates', 'readonly').objectStore('updates').getAll();
          read.onerror = () => reject(read.error);
          read.onsuccess = () => {
            db.close();
            resolve((read.result as Uint8Array[]).map((u) => [...u]));
          };
        };
      }),
    copyName(project),
  );
  return updates.map((u) => Uint8Array.from(u));
}

/**
 * Makes `write` on a copy of `page`'s local document of `project`, as the page's person,
 * and stores the change in that local copy. The page shows it after its next load.
 */
export async function forceLocalWrite(page: Page, project: string, write: (doc: Y.Doc, as: Writer) => void): Promise<void> {
  const updates = await localUpdates(page, project);
  if (updates.length === 0) throw new Error(`the page has no local copy of ${project}`);
  const doc = new Y.Doc({ gc: false });
  for (const update of updates) Y.applyUpdate(doc, update);
  const before = Y.encodeStateVector(doc);
  const personId = await page.evaluate(() => localStorage.getItem('crux.person-id') ?? 'nobody');
  write(doc, { personId, origin: createLocalOrigin(personId) });
  const change = [...Y.encodeStateAsUpdate(doc, before)];
  await page.evaluate(
    ({ name, bytes }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('updates', 'readwrite');
          tx.objectStore('updates').add(Uint8Array.from(bytes));
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { name: copyName(project), bytes: change },
  );
}

/** Records every text the connection status shows from the next page load on (read with `statusHistory`). */
export async function recordStatus(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cruxStatusHistory: string[] }).__cruxStatusHistory = seen;
    new MutationObserver(() => {
      const text = document.querySelector('.sync-status')?.textContent ?? '';
      if (text !== '' && seen[seen.length - 1] !== text) seen.push(text);
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
}

/** Texts the connection status showed since the page loaded, in order (see `recordStatus`). */
export function statusHistory(page: Page): Promise<string[]> {
  return page.evaluate(() => [...((window as unknown as { __cruxStatusHistory?: string[] }).__cruxStatusHistory ?? [])]);
}
