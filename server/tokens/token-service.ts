// Access tokens: per document, each carrying a role, stored only as SHA-256 hashes.
// This is the one place that mints, lists, revokes and checks them; the HTTP API, the
// WebSocket authentication and an embedding app (the desktop host) all call it.
import { createHash, randomBytes } from 'node:crypto';
import { DOCUMENT_NAME_RULE, isValidDocumentName } from '../../shared/sync/document-name';
import { GRANTABLE_ROLES, type Role } from '../../shared/sync/roles';
import type { DocStore, StoredToken } from '../store/types';

/** A token as shown to its owner: everything but the secret. */
export interface TokenInfo {
  id: string;
  doc: string;
  role: Role;
  label: string;
  createdAt: number;
  revokedAt: number | null;
}

/** A freshly minted token: the only time its secret is available. */
export interface IssuedToken extends TokenInfo {
  /** The secret to hand to the participant. It is not stored and cannot be shown again. */
  token: string;
}

/** Who a valid token lets in. */
export interface Grant {
  doc: string;
  role: Role;
  tokenId: string;
}

/** Why a token, a request or a document was refused; `status` is the HTTP status to answer. */
export class TokenError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 401 | 403 | 404 | 409,
  ) {
    super(message);
    this.name = 'TokenError';
  }
}

const TOKEN_PREFIX = 'crux_';
const MAX_LABEL = 200;

/** The SHA-256 hash (hex) under which a secret is stored. */
export function hashToken(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Mints, lists, revokes and verifies tokens over a DocStore. */
export class TokenService {
  private readonly revokeListeners = new Set<(token: TokenInfo) => void>();

  constructor(
    private readonly store: DocStore,
    private readonly now: () => number = Date.now,
  ) {}

  /** Creates a new, empty document and its first owner token. Fails if the name is taken. */
  async createDocument(doc: string, label = 'owner'): Promise<IssuedToken> {
    checkName(doc);
    if (!(await this.store.createDocument(doc, this.now()))) {
      throw new TokenError(`document "${doc}" already exists`, 409);
    }
    return this.mint(doc, 'owner', label);
  }

  /**
   * Issues a token of `role` for an existing document. Trusted callers only (the
   * embedding app); the HTTP API goes through `issueAsOwner`, which limits the roles.
   */
  async issue(doc: string, role: Role, label = ''): Promise<IssuedToken> {
    checkName(doc);
    if (!(await this.store.hasDocument(doc))) throw new TokenError(`no document named "${doc}"`, 404);
    return this.mint(doc, role, label);
  }

  /** Lists a document's tokens (without secrets), oldest first. */
  async list(doc: string): Promise<TokenInfo[]> {
    checkName(doc);
    return (await this.store.listTokens(doc)).map(info);
  }

  /** Revokes a token of a document; connections using it are closed by the listeners. */
  async revoke(doc: string, id: string): Promise<TokenInfo> {
    checkName(doc);
    const token = await this.store.revokeToken(doc, id, this.now());
    if (!token) throw new TokenError(`document "${doc}" has no token "${id}"`, 404);
    const shown = info(token);
    for (const listener of this.revokeListeners) listener(shown);
    return shown;
  }

  /** Calls `listener` after each revocation; returns the function that unsubscribes. */
  onRevoke(listener: (token: TokenInfo) => void): () => void {
    this.revokeListeners.add(listener);
    return () => this.revokeListeners.delete(listener);
  }

  /** Checks that `secret` opens `doc`; resolves to the grant or throws a TokenError (401). */
  async verify(doc: string, secret: string): Promise<Grant> {
    if (!secret) throw new TokenError('a token is required', 401);
    const token = await this.store.findTokenByHash(hashToken(secret));
    if (!token) throw new TokenError('unknown token', 401);
    if (token.revokedAt !== null) throw new TokenError('token revoked', 401);
    if (token.doc !== doc) throw new TokenError('token is for another document', 401);
    return { doc, role: token.role, tokenId: token.id };
  }

  /** Verifies that `secret` is an owner token of `doc` (401 if invalid, 403 if not an owner). */
  async verifyOwner(doc: string, secret: string): Promise<Grant> {
    const grant = await this.verify(doc, secret);
    if (grant.role !== 'owner') throw new TokenError(`owner role required (this token is ${grant.role})`, 403);
    return grant;
  }

  /** Issues a token on an owner's behalf: only roles below owner. */
  async issueAsOwner(doc: string, ownerSecret: string, role: Role, label = ''): Promise<IssuedToken> {
    await this.verifyOwner(doc, ownerSecret);
    if (!GRANTABLE_ROLES.includes(role)) {
      throw new TokenError(`owners can create ${GRANTABLE_ROLES.join(', ')} tokens, not ${role}`, 403);
    }
    return this.issue(doc, role, label);
  }

  /** Revokes a token on an owner's behalf: owner tokens are not revocable this way. */
  async revokeAsOwner(doc: string, ownerSecret: string, id: string): Promise<TokenInfo> {
    await this.verifyOwner(doc, ownerSecret);
    const target = (await this.store.listTokens(doc)).find((t) => t.id === id);
    if (!target) throw new TokenError(`document "${doc}" has no token "${id}"`, 404);
    if (target.role === 'owner') throw new TokenError('owner tokens cannot be revoked through the API', 403);
    return this.revoke(doc, id);
  }

  private async mint(doc: string, role: Role, label: string): Promise<IssuedToken> {
    if (label.length > MAX_LABEL) throw new TokenError(`label is longer than ${MAX_LABEL} characters`, 400);
    const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
    const stored: StoredToken = {
      id: 'tok_' + randomBytes(9).toString('base64url'),
      doc,
      role,
      hash: hashToken(token),
      label,
      createdAt: this.now(),
      revokedAt: null,
    };
    await this.store.insertToken(stored);
    return { ...info(stored), token };
  }
}

function checkName(doc: string): void {
  if (!isValidDocumentName(doc)) throw new TokenError(`invalid document name: ${DOCUMENT_NAME_RULE}`, 400);
}

function info(t: StoredToken): TokenInfo {
  return { id: t.id, doc: t.doc, role: t.role, label: t.label, createdAt: t.createdAt, revokedAt: t.revokedAt };
}
