// Keeps a document in memory for a while after its last client leaves (a reconnect
// within that time finds it warm), then lets Hocuspocus unload it and free its memory.
import type { Document, Extension, Hocuspocus } from '@hocuspocus/server';
import type { Logger } from '../log';

/** The extension plus the switch that lets everything unload at shutdown. */
export interface IdleUnloadExtension extends Extension {
  /** Stops keeping documents: pending timers are cleared and unloads go through at once. */
  release(): void;
}

/** Builds the extension; `idleMs` 0 unloads a document as soon as its last client leaves. */
export function idleUnloadExtension(idleMs: number, logger: Logger): IdleUnloadExtension {
  const timers = new Map<Document, NodeJS.Timeout>();
  const expired = new WeakSet<Document>();
  let released = idleMs <= 0;

  return {
    extensionName: 'crux-idle-unload',

    release() {
      released = true;
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    },

    async connected({ connection }) {
      const document = connection.document;
      clearTimeout(timers.get(document));
      timers.delete(document);
      expired.delete(document);
    },

    async beforeUnloadDocument({ document, instance }: { document: Document; instance: Hocuspocus }) {
      if (released || expired.has(document)) return;
      if (!timers.has(document)) {
        const timer = setTimeout(() => {
          timers.delete(document);
          expired.add(document);
          void instance.unloadDocument(document);
        }, idleMs);
        timer.unref();
        timers.set(document, timer);
      }
      // Rejecting without a message cancels this unload quietly.
      throw { reason: 'kept in memory until idle' };
    },

    async afterUnloadDocument({ documentName }) {
      logger.log({ level: 'info', msg: 'document unloaded', doc: documentName });
    },
  };
}
