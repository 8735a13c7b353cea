// Join links: how a seminar's host hands a participant the way in. A link is the page
// address of the host (http or https, whose server also carries the sync socket at
// `/sync`) or a bare socket address (ws or wss), with the project and a token after `#`.
import { isRole, type Role } from './roles';
import { DOCUMENT_NAME_RULE, isValidDocumentName } from './document-name';

/** The path on a Crux host's HTTP server where the sync socket lives. */
export const SYNC_PATH = '/sync';

/** What a join link carries. */
export interface JoinLink {
  /** The sync socket's address (ws:// or wss://). */
  url: string;
  /** The project (sync document name). */
  project: string;
  /** The secret token. */
  token: string;
  /** The role the host gave the token, if the link says (the server decides anyway). */
  role: Role | null;
}

/** A join link that cannot be used, with the reason for the user. */
export class JoinLinkError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JoinLinkError';
  }
}

/** Builds the link for a host page at `base` (e.g. `http://192.168.1.5:4000`). */
export function formatJoinLink(base: string, project: string, token: string, role?: Role): string {
  const parts = [`join=${encodeURIComponent(project)}`, `token=${encodeURIComponent(token)}`];
  if (role) parts.push(`role=${role}`);
  return `${base.replace(/\/+$/, '')}/#${parts.join('&')}`;
}

/** Reads a join link; throws JoinLinkError saying what is wrong with it. */
export function parseJoinLink(text: string): JoinLink {
  const trimmed = text.trim();
  if (!trimmed) throw new JoinLinkError('Paste the join link the host gave you.');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed)?.[1]?.toLowerCase();
  if (!scheme) throw new JoinLinkError('That is not a link: it should start with http://, https://, ws:// or wss://.');
  if (!['http', 'https', 'ws', 'wss'].includes(scheme)) {
    throw new JoinLinkError(`A join link starts with http://, https://, ws:// or wss://, not ${scheme}://.`);
  }
  const match = /^[a-z]+:\/\/([^/?#\s@]+)([^?#\s]*)(\?[^#\s]*)?(#\S*)?$/i.exec(trimmed);
  if (!match) throw new JoinLinkError('That link is not well formed: it needs a host, like http://192.168.1.5:4000/#join=….');
  const host = match[1]!;
  const params = hashParams(match[4] ?? '');
  const project = params.get('join');
  const token = params.get('token');
  if (!project) throw new JoinLinkError('The link names no project (it has no #join=… part).');
  if (!isValidDocumentName(project)) throw new JoinLinkError(`The link's project name is not valid (${DOCUMENT_NAME_RULE}).`);
  if (!token) throw new JoinLinkError('The link has no token (its &token=… part is missing).');
  if (token.length > 512) throw new JoinLinkError('The link\'s token is too long to be a Crux token.');
  const role = params.get('role');
  const socketScheme = scheme === 'https' || scheme === 'wss' ? 'wss' : 'ws';
  const path = scheme.startsWith('http') ? SYNC_PATH : match[2]!.replace(/\/+$/, '');
  return { url: `${socketScheme}://${host.toLowerCase()}${path}`, project, token, role: isRole(role) ? role : null };
}

/** The `key=value&…` pairs after `#`, decoded; a badly encoded value reads as absent. */
function hashParams(hash: string): Map<string, string> {
  const params = new Map<string, string>();
  for (const pair of hash.replace(/^#/, '').split('&')) {
    const at = pair.indexOf('=');
    if (at <= 0) continue;
    try {
      params.set(pair.slice(0, at), decodeURIComponent(pair.slice(at + 1)));
    } catch {
      // A broken %-escape: treat the parameter as missing, which gives a clear message.
    }
  }
  return params;
}
