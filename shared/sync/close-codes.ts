// WebSocket close codes the Crux sync server uses, so clients can tell the user why a
// connection ended (and whether reconnecting can help).

/** A close code with the reason text the server sends along. */
export interface CloseReason {
  readonly code: number;
  readonly reason: string;
}

/** Why the sync server closes a socket. Codes 4000–4999 are application-defined. */
export const CLOSE = {
  /** A frame was larger than the server's message size limit (standard code 1009). */
  tooBig: { code: 1009, reason: 'message too big' },
  /** A text frame arrived; the sync protocol is binary. */
  notBinary: { code: 1003, reason: 'binary frames only' },
  /** The store failed to persist an update; nothing was applied. */
  storageFailure: { code: 1011, reason: 'storage failure' },
  /** The server is shutting down. */
  shuttingDown: { code: 1001, reason: 'server shutting down' },
  /** A frame could not be decoded as a sync message. */
  malformed: { code: 4400, reason: 'malformed message' },
  /** The token used for this connection was revoked. */
  revoked: { code: 4401, reason: 'token revoked' },
  /** The client kept sending updates its role does not allow (each refusal costs the server a rebuild). */
  tooManyRefused: { code: 4403, reason: 'too many refused updates' },
  /** The client sent more messages than its rate limit allows. */
  rateLimited: { code: 4429, reason: 'rate limit exceeded' },
} as const satisfies Record<string, CloseReason>;
