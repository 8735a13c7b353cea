// The sync server's word that it refused one of this user's writes (a stateless message
// `{type: 'crux.refused', reason, code}`, see server/sync/guard-extension.ts), read
// defensively, and what the user is told about it. Views never see the raw payload.

/** Why the server refused a write, as the client is told (server/sync/record-rules.ts). */
export type RefusalCode = 'role' | 'shape' | 'author' | 'quota' | 'malformed';

/** A refused write: its code and the server's reason. */
export interface Refusal {
  readonly code: RefusalCode;
  readonly reason: string;
}

const CODES: readonly string[] = ['role', 'shape', 'author', 'quota', 'malformed'];

/** Longest reason shown as the server sent it; a longer one is cut. */
const MAX_REASON = 300;

/** The refusal a stateless payload carries, or null if it carries none (other messages, garbage). */
export function parseRefusal(payload: string): Refusal | null {
  let message: unknown;
  try {
    message = JSON.parse(payload);
  } catch {
    return null;
  }
  if (typeof message !== 'object' || message === null) return null;
  const { type, reason, code } = message as Record<string, unknown>;
  if (type !== 'crux.refused') return null;
  const text = typeof reason === 'string' && reason.trim() !== '' ? reason.trim() : 'no reason given';
  return {
    code: typeof code === 'string' && CODES.includes(code) ? (code as RefusalCode) : 'malformed',
    reason: text.length > MAX_REASON ? `${text.slice(0, MAX_REASON - 1)}…` : text,
  };
}

/** What was refused, in words, by code. */
const WHAT: Readonly<Record<RefusalCode, string>> = {
  role: 'Your link does not allow that change',
  shape: 'The change was not in a form the seminar accepts',
  author: 'The change touched someone else’s work',
  quota: 'The change was too large for the seminar',
  malformed: 'The change could not be applied',
};

/** The notice shown while and after a refused write is undone. */
export function refusalNotice(refusal: Refusal): string {
  return `${WHAT[refusal.code]} (the server said: ${refusal.reason}). It was undone on this computer; you now see the seminar’s copy.`;
}
