// Authenticates every document connection with its token and sets its role: viewers
// become read-only connections; the role rides in the connection context for the
// update guard. Revoking a token closes the connections that used it.
import type { Extension, Hocuspocus, onAuthenticatePayload } from '@hocuspocus/server';
import { CLOSE } from '../../shared/sync/close-codes';
import type { Logger } from '../log';
import { TokenError, type TokenService } from '../tokens/token-service';
import type { CruxContext } from './context';

/** Builds the authentication extension over a token service. */
export function authExtension(tokens: TokenService, logger: Logger): Extension {
  return {
    extensionName: 'crux-auth',
    async onAuthenticate({ token, documentName, context, connectionConfig }: onAuthenticatePayload<CruxContext>) {
      const client = context.session.id;
      try {
        const grant = await tokens.verify(documentName, token);
        connectionConfig.readOnly = grant.role === 'viewer';
        logger.log({ level: 'info', msg: 'connection accepted', doc: documentName, client, role: grant.role, token: grant.tokenId });
        const additions: Partial<CruxContext> = { role: grant.role, tokenId: grant.tokenId };
        return additions;
      } catch (error) {
        const reason = error instanceof TokenError ? error.message : 'authentication failed';
        if (!(error instanceof TokenError)) {
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
