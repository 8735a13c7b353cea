// What the server knows about each connection, carried through Hocuspocus's hooks as
// the connection context.
import type { CloseReason } from '../../shared/sync/close-codes';
import type { Role } from '../../shared/sync/roles';

/** One WebSocket, as the gate accepted it. */
export interface SocketSession {
  /** Short id for logs ("c12"). */
  readonly id: string;
  /** The peer's address (after X-Forwarded-For when the proxy is trusted). */
  readonly ip: string;
  /** Closes the socket with a code and reason the client can show. */
  close(reason: CloseReason): void;
}

/** The context of one document connection. */
export interface CruxContext {
  session: SocketSession;
  /** Set by authentication. */
  role?: Role;
  /** Id (not secret) of the token the connection authenticated with. */
  tokenId?: string;
  /** The person the connection proved to be (set by authentication), or null if it named none. */
  personId?: string | null;
  /** True while the current message is being refused (the connection is made read-only for it). */
  refusing?: boolean;
  /** Updates of this connection the guard refused so far. */
  refusedCount?: number;
}
