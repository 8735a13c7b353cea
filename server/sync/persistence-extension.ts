// Loads documents from the store, persists changes that did not come from a client
// connection (the guard persists those before they are applied), and compacts a
// document's update log into one state: when Hocuspocus's debounced store hook fires and
// the log has grown long (or nobody is connected), and once more when it is unloaded.
import { isTransactionOrigin, type Extension } from '@hocuspocus/server';
import type { Logger } from '../log';
import type { DocStore } from '../store/types';

/**
 * Builds the persistence extension over a store. While clients are connected a document
 * is compacted only when its log holds `compactAfterUpdates` updates: compaction folds the
 * whole document at once and every message waits meanwhile (see docs/performance.md, Sync).
 */
export function persistenceExtension(store: DocStore, logger: Logger, compactAfterUpdates = 0): Extension {
  const compact = async (documentName: string) => {
    try {
      const result = await store.compact(documentName);
      if (result.merged > 0) {
        logger.log({ level: 'debug', msg: 'document compacted', doc: documentName, ...result });
      }
    } catch (error) {
      // Nothing is lost: the updates stay in the log and the next compaction retries.
      logger.log({ level: 'error', msg: 'compaction failed', doc: documentName, reason: String(error) });
    }
  };

  return {
    extensionName: 'crux-persistence',

    async onLoadDocument({ documentName }) {
      try {
        const state = await store.load(documentName);
        logger.log({ level: 'info', msg: 'document loaded', doc: documentName, bytes: state?.byteLength ?? 0 });
        return state ?? undefined;
      } catch (error) {
        logger.log({ level: 'error', msg: 'document not loaded', doc: documentName, reason: String(error) });
        throw { reason: 'the document could not be loaded' };
      }
    },

    async onChange({ documentName, update, transactionOrigin }) {
      // Client updates are already stored (see guard-extension); Redis-relayed ones are
      // stored by the instance their client is connected to.
      if (isTransactionOrigin(transactionOrigin) && transactionOrigin.source !== 'local') return;
      try {
        await store.append(documentName, update);
      } catch (error) {
        logger.log({ level: 'error', msg: 'update not stored', doc: documentName, reason: String(error) });
      }
    },

    async onStoreDocument({ documentName, document }) {
      if (compactAfterUpdates > 0 && document.getConnectionsCount() > 0) {
        const stats = await store.stats(documentName).catch(() => null);
        if (stats && stats.updates < compactAfterUpdates) return;
      }
      await compact(documentName);
    },

    async afterUnloadDocument({ documentName }) {
      // The last chance to fold what the threshold let pile up; nobody waits on it now.
      await compact(documentName);
    },
  };
}
