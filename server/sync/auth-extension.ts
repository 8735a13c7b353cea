// Authenticates every document connection with its token and sets its role and person:
// viewers become read-only connections; role and person ride in the connection context
// for the update guard. A person id is bound to the first key it is claimed with.
// Revoking a token closes the connections that used it.
import { createHash } from 'node:crypto';
import type { Extension, Hocuspocus, onAuthenticatePayload } from '@hocuspocus/server';
import { CLOSE } from '../../shared/sync/close-codes';
import { AuthTokenError, parseAuthToken } from '../../shared/sync/auth-token';
import type { Logger } from '../log';
import type { DocStore } from '../store/types';
import { TokenError, type TokenService } from '../tokens/token-service';
import type { CruxContext } from './context';

/** Why a connection is refused when its person id is bound to another key. */
export const PERSON_TAKEN = 'this name belongs to someone else on this seminar';

/** Builds the authentication extension over a token service and the store holding person bindings. */
export function authExtension(tokens: TokenService, store: DocStore, logger: Logger): Extension {
  return {
    extensionName: 'crux-auth',
    async onAuthenticate({ token, documentName, context, connectionConfig }: onAuthenticatePayload<CruxContext>) {
      const client = context.session.id;
      try {
        const claim = parseAuthToken(token);
        const grant = await tokens.verify(documentName, claim.token);
        const person = claim.person?.id ?? null;
        if (claim.person) {
          const keyHash = createHash('sha256').update(claim.person.key).digest('hex');
          if (!(await store.bindPerson(documentName, claim.person.id, keyHash, Date.now()))) throw new TokenError(PERSON_TAKEN, 403);
        }
        connectionConfig.readOnly = grant.role === 'viewer';
        logger.log({ level: 'info', msg: 'connection accepted', doc: documentName, client, role: grant.role, token: grant.tokenId, person: person ?? undefined });
        const additions: Partial<CruxContext> = { role: grant.role, tokenId: grant.tokenId, personId: person };
        return additions;
      } catch (error) {
        const known = error instanceof TokenError || error instanceof AuthTokenError;
        const reason = known ? error.message : 'authentication failed';
        if (!known) {
          logger.log({ level: 'error', msg: 'authentication error', doc: documentName, client, reason: String(error) });
        }
        logger.log({ level: 'warn', msg: 'connection refused', doc: documentName, client, reason, ip: context.session.ip });
        // A plain object (no `message`): Hocuspocus sends `reason` to the client as
        // the permission-denied reason and does not print it to the console.
        throw { reason };
      }
    },
  };
}

/** Closes every live connection that authenticated with the token `tokenId` of `doc`. */
export function closeConnectionsOfToken(instance: Hocuspocus, doc: string, tokenId: string, logger: Logger): void {
  const document = instance.documents.get(doc);
  if (!document) return;
  for (const connection of document.getConnections()) {
    const context = connection.context as CruxContext;
    if (context.tokenId !== tokenId) continue;
    logger.log({ level: 'info', msg: 'connection closed', doc, client: context.session.id, reason: CLOSE.revoked.reason });
    // The whole socket goes: the provider reconnects, presents the revoked token again
    // and is told why it is refused.
    context.session.close(CLOSE.revoked);
  }
}
