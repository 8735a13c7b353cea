// The Hocuspocus extension that stands between a client's update and the live document:
// viewers' edits are refused, others' are refused unless the update guard allows them
// (role, shape, authorship, quotas); the writer is told why in a stateless message;
// updates that do not integrate are refused and their socket closed, and every update
// that passes is written to the store BEFORE Hocuspocus applies and acknowledges it.
// Presence (awareness) is checked too: its shape and size, and nobody may speak for another
// connection's client.
import type { Connection, Document, Extension, beforeHandleMessagePayload } from '@hocuspocus/server';
import * as Y from 'yjs';
import { CLOSE } from '../../shared/sync/close-codes';
import { checkPresence } from '../../shared/sync/presence-state';
import type { Logger } from '../log';
import type { DocStore } from '../store/types';
import type { CruxContext } from './context';
import { readFrame } from './frame';
import type { RefusalCode } from './record-rules';
import { UpdateGuard } from './update-guard';

/** The stateless message a connection receives when one of its updates is refused (see docs/security.md). */
export interface RefusedMessage {
  readonly type: 'crux.refused';
  readonly reason: string;
  readonly code: RefusalCode;
}

/** Tells the writer its update was refused and why, so it can roll back and say so. */
function tellRefused(connection: Connection, code: RefusalCode, reason: string): void {
  const message: RefusedMessage = { type: 'crux.refused', reason, code };
  connection.sendStateless(JSON.stringify(message));
}

/**
 * Refused updates a connection may send before its socket is closed. A well-behaved
 * client sends none; each refusal makes the guard rebuild its shadow copy, so an
 * unlimited stream of them would be a cheap way to load the server.
 */
export const MAX_REFUSED_UPDATES = 10;

/** The guard extension plus a view of its live guards (for tests and shutdown). */
export interface GuardExtension extends Extension {
  /** Documents currently guarded (each has a shadow copy). */
  readonly guardedCount: () => number;
}

/** Builds the update guard extension. */
export function guardExtension(store: DocStore, logger: Logger): GuardExtension {
  const guards = new Map<Document, UpdateGuard>();

  /** Makes Hocuspocus treat the current message as from a read-only connection: not applied, acknowledged as refused. */
  const refuse = (connection: Connection, context: CruxContext) => {
    context.refusing = true;
    connection.readOnly = true;
  };

  return {
    extensionName: 'crux-guard',
    guardedCount: () => guards.size,

    async afterLoadDocument({ document }) {
      guards.set(document, new UpdateGuard(document));
      document.on('destroy', () => {
        guards.get(document)?.destroy();
        guards.delete(document);
      });
    },

    async beforeHandleMessage({ connection, document, documentName, update: raw }: beforeHandleMessagePayload<CruxContext>) {
      // The gate decoded this frame fully already; a shallow read only finds its kind.
      const frame = readFrame(raw, false);
      if (frame.kind !== 'sync-step2' && frame.kind !== 'update') return;
      const context = connection.context as CruxContext;
      const base = { doc: documentName, client: context.session.id, role: context.role };
      if (context.role === 'viewer') {
        // Hocuspocus refuses writes on read-only connections itself. Say so when it is
        // a change (every update message is; a sync step 2 when it brings new structs).
        if (frame.kind === 'update' || bringsNewStructs(document, frame.update)) {
          const reason = 'viewers cannot change the document';
          logger.log({ level: 'warn', msg: 'update refused', ...base, reason });
          tellRefused(connection, 'role', reason);
        }
        return;
      }
      const guard = guards.get(document);
      if (!guard || !context.role) {
        // Cannot happen (roles are set at authentication, guards at load); fail closed.
        refuse(connection, context);
        logger.log({ level: 'error', msg: 'update refused', ...base, reason: guard ? 'connection has no role' : 'document is not guarded' });
        return;
      }
      const verdict = guard.check(frame.update, { role: context.role, person: context.personId ?? null });
      if (!verdict.ok) {
        refuse(connection, context);
        logger.log({ level: 'warn', msg: 'update refused', ...base, reason: verdict.reason, code: verdict.code });
        tellRefused(connection, verdict.code, verdict.reason);
        context.refusedCount = (context.refusedCount ?? 0) + 1;
        if (verdict.malformed) context.session.close(CLOSE.malformed);
        else if (context.refusedCount >= MAX_REFUSED_UPDATES) {
          const { code, reason } = CLOSE.tooManyRefused;
          logger.log({ level: 'warn', msg: 'socket closed', ...base, reason, code });
          context.session.close(CLOSE.tooManyRefused);
        }
        return;
      }
      if (!verdict.effective) return;
      try {
        await store.append(documentName, verdict.effective);
      } catch (error) {
        refuse(connection, context);
        guard.reset();
        logger.log({ level: 'error', msg: 'update not stored', ...base, reason: String(error) });
        context.session.close(CLOSE.storageFailure);
      }
    },

    async beforeHandleAwareness({ connection, document, documentName, states }) {
      // A participant may publish presence (name, cursor) only for its own client ids:
      // ids another connection of this document has announced are not theirs to set.
      if (!connection) return;
      const context = connection.context as CruxContext;
      // Presence ends up in everyone's page (names as text, colours in styles): a state that
      // breaks the rules is dropped here, so it is neither kept nor relayed.
      for (const [clientId, state] of [...states]) {
        const verdict = checkPresence(state);
        if (verdict.ok) continue;
        states.delete(clientId);
        logger.log({ level: 'warn', msg: 'awareness refused', doc: documentName, client: context.session.id, reason: verdict.reason });
      }
      for (const clientId of [...states.keys()]) {
        for (const [other, entry] of document.connections) {
          if (other === connection || !entry.clients.has(clientId)) continue;
          states.delete(clientId);
          logger.log({
            level: 'warn',
            msg: 'awareness refused',
            doc: documentName,
            client: context.session.id,
            reason: `client id ${clientId} belongs to another connection`,
          });
          break;
        }
      }
    },

    async afterHandleMessage({ connection }) {
      const context = connection.context as CruxContext;
      if (!context.refusing) return;
      context.refusing = false;
      connection.readOnly = context.role === 'viewer';
    },
  };
}

/** Whether an update holds structs the document does not have (read from the update alone, not the document). */
function bringsNewStructs(document: Document, update: Uint8Array): boolean {
  for (const [client, end] of Y.parseUpdateMeta(update).to) {
    if (end > Y.getState(document.store, client)) return true;
  }
  return false;
}
