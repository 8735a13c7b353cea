// Roles a participant holds on a shared document, and what each may change. The sync
// server enforces them; the UI reads them to decide what to offer.

/** Every role, from most to least powerful. */
export const ROLES = ['owner', 'editor', 'commenter', 'viewer'] as const;

/** What a token lets its holder do with one document. */
export type Role = (typeof ROLES)[number];

/** Whether a string names a role. */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Whether a role may change anything in the document (owners and editors). */
export function canEdit(role: Role): boolean {
  return role === 'owner' || role === 'editor';
}

/** Whether a role may change comments (everyone but viewers). */
export function canComment(role: Role): boolean {
  return role !== 'viewer';
}

/** Roles an owner may hand out as new tokens: every role below owner. */
export const GRANTABLE_ROLES: readonly Role[] = ['editor', 'commenter', 'viewer'];
