// Decides, before the live document sees it, whether an incoming update may be applied:
// it must integrate cleanly, fit the writer's quotas, leave every record it touches in
// its root's shape, keep authorship (record-rules.ts), and a commenter's must change
// nothing but comments and their own people entry.
// It does so on a shadow copy of the document that mirrors every change the live one
// makes, so each check costs the size of the update, not the size of the document.
import * as Y from 'yjs';
import { COMMENTS, PEOPLE } from '../../shared/model/roots';
import { RECORD_SHAPES } from '../../shared/model/stored-shapes';
import { isLinkFormatKey, isSafeHref } from '../../shared/schema/safe-href';
import { noteEvent, recordRefusal, type RecordChanges, type RefusalCode, type Writer } from './record-rules';

export type { Writer } from './record-rules';

/** Largest update each role may send, in bytes (a comment is at most 10,000 characters). */
export const MAX_UPDATE_BYTES = { commenter: 64 * 1024, editor: 16 * 1024 * 1024, owner: 16 * 1024 * 1024 } as const;
/**
 * Size a document may reach through each role's writes, in bytes of Yjs updates: past
 * it, that role's updates are refused. Commenters stop well before editors, so a room
 * of commenters cannot fill a document its editors still need to work in.
 */
export const MAX_DOCUMENT_BYTES = { commenter: 32 * 1024 * 1024, editor: 64 * 1024 * 1024, owner: 64 * 1024 * 1024 } as const;

/** Roots a commenter may write in. */
const COMMENTER_ROOTS = new Set([COMMENTS, PEOPLE]);

/** The outcome of checking one update. */
export type Verdict =
  /** Apply it. `effective` is what it adds (null if nothing): the bytes to persist. */
  | { ok: true; effective: Uint8Array | null }
  /** Refuse it, for `reason`. `malformed`: it could not be applied at all (the client is broken or hostile). */
  | { ok: false; malformed: boolean; code: RefusalCode; reason: string };

const MIRROR = Symbol('mirror');

interface Observed {
  roots: Set<string>;
  /** Why the update's content may not be stored, whoever sent it (first reason found). */
  unsafe: string | null;
  clients: Set<number>;
  update: Uint8Array | null;
  records: RecordChanges;
}

/** Guards one live document. Create it once the document is loaded; destroy it with the document. */
export class UpdateGuard {
  private shadow!: Y.Doc;
  /** Clients that have written outside what commenters may write; a commenter may not write as them. */
  private readonly nonCommentClients = new Set<number>();
  /** The document's size, as the sum of its encoded state and the updates since (an upper bound). */
  private bytes = 0;
  private observed: Observed | null = null;
  private readonly onSourceUpdate = (update: Uint8Array, origin: unknown) => this.mirror(update, origin);

  constructor(private readonly source: Y.Doc) {
    this.rebuild();
    source.on('update', this.onSourceUpdate);
  }

  /** Checks `update` as sent by `writer`. On success the shadow already holds it. */
  check(update: Uint8Array, writer: Writer): Verdict {
    const quota = this.quotaRefusal(update, writer);
    if (quota) return { ok: false, malformed: false, code: 'quota', reason: quota };
    const pendingBefore = pendingOf(this.shadow);
    this.observed = { roots: new Set(), clients: new Set(), update: null, unsafe: null, records: new Map() };
    let observed: Observed;
    try {
      Y.applyUpdate(this.shadow, update);
    } catch (error) {
      this.rebuild();
      return { ok: false, malformed: true, code: 'malformed', reason: `update does not apply: ${errorText(error)}` };
    } finally {
      observed = this.observed;
      this.observed = null;
    }
    if (observed.unsafe) {
      this.rebuild();
      return { ok: false, malformed: false, code: 'shape', reason: observed.unsafe };
    }
    const refusal = (writer.role === 'commenter' ? this.commenterRefusal(observed, pendingBefore) : null) ?? recordRefusal(this.shadow, observed.records, writer);
    if (refusal) {
      this.rebuild();
      return { ok: false, malformed: false, ...refusal };
    }
    // Not counted here: once the live document applies it, mirror() counts what it added.
    return { ok: true, effective: observed.update };
  }

  private quotaRefusal(update: Uint8Array, writer: Writer): string | null {
    const most = MAX_UPDATE_BYTES[writer.role];
    if (update.byteLength > most) return `a ${writer.role}'s change may be at most ${most} bytes (this one is ${update.byteLength})`;
    const full = MAX_DOCUMENT_BYTES[writer.role];
    if (this.bytes + update.byteLength > full) return `the document is full for a ${writer.role} (at most ${full} bytes)`;
    return null;
  }

  /** Drops what the shadow holds beyond the live document (after an accepted update could not be applied). */
  reset(): void {
    this.rebuild();
  }

  /** Stops mirroring and frees the shadow. */
  destroy(): void {
    this.source.off('update', this.onSourceUpdate);
    this.shadow.destroy();
  }

  private commenterRefusal(observed: Observed, pendingBefore: string): { code: RefusalCode; reason: string } | null {
    const outside = [...observed.roots].filter((root) => !COMMENTER_ROOTS.has(root));
    if (outside.length > 0) return { code: 'role', reason: `commenters may only change comments and their own name (update touches ${outside.sort().join(', ')})` };
    for (const client of observed.clients) {
      if (this.nonCommentClients.has(client)) return { code: 'role', reason: `commenters may not write as client ${client}` };
    }
    if (pendingOf(this.shadow) !== pendingBefore) {
      return { code: 'malformed', reason: 'update depends on changes the server does not have (an earlier one was refused)' };
    }
    return null;
  }

  private mirror(update: Uint8Array, origin: unknown): void {
    if (origin === MIRROR) return;
    this.bytes += update.byteLength;
    try {
      Y.applyUpdate(this.shadow, update, MIRROR);
    } catch {
      // The live document accepted this update, so the shadow must hold it too.
      this.rebuild();
    }
  }

  /** Replaces the shadow with a fresh copy of the live document. */
  private rebuild(): void {
    this.shadow?.destroy();
    const shadow = new Y.Doc({ gc: this.source.gc });
    const state = Y.encodeStateAsUpdate(this.source);
    Y.applyUpdate(shadow, state, MIRROR);
    this.bytes = state.byteLength;
    this.nonCommentClients.clear();
    shadow.store.clients.forEach((structs, client) => {
      for (const struct of structs) {
        if (struct instanceof Y.Item && !COMMENTER_ROOTS.has(rootName(shadow, struct) ?? '')) {
          this.nonCommentClients.add(client);
          break;
        }
      }
    });
    for (const name of RECORD_SHAPES.keys()) {
      const root = shadow.getMap<unknown>(name);
      root.observeDeep((events) => {
        if (!this.observed) return;
        for (const event of events) noteEvent(this.observed.records, name, root, event);
      });
    }
    shadow.on('afterTransaction', (tr: Y.Transaction) => this.observe(shadow, tr));
    shadow.on('update', (bytes: Uint8Array, origin: unknown) => {
      if (origin !== MIRROR && this.observed) this.observed.update = bytes;
    });
    this.shadow = shadow;
  }

  /** Records which roots a transaction touched and which clients it added structs for. */
  private observe(shadow: Y.Doc, tr: Y.Transaction): void {
    const note = (struct: Y.Item | Y.GC, client: number) => {
      if (!(struct instanceof Y.Item)) return;
      const root = rootName(shadow, struct) ?? '(unknown)';
      this.observed?.roots.add(root);
      if (!COMMENTER_ROOTS.has(root)) this.nonCommentClients.add(client);
    };
    tr.afterState.forEach((after, client) => {
      const before = tr.beforeState.get(client) ?? 0;
      if (after <= before) return;
      this.observed?.clients.add(client);
      const structs = shadow.store.clients.get(client) ?? [];
      for (let i = Y.findIndexSS(structs, before); i < structs.length; i++) {
        const struct = structs[i]!;
        if (struct.id.clock >= after) break;
        note(struct, client);
        // Only new content is checked: removing a bad format written before this rule is welcome.
        if (struct instanceof Y.Item && this.observed && !this.observed.unsafe) this.observed.unsafe = unsafeContent(struct);
      }
    });
    Y.iterateDeletedStructs(tr, tr.deleteSet, (struct) => note(struct as Y.Item | Y.GC, struct.id.client));
  }
}

/** Why an item's content may not be stored (a link to a script, say), or null. */
function unsafeContent(item: Y.Item): string | null {
  const content = item.content;
  if (content instanceof Y.ContentFormat && isLinkFormatKey(content.key) && content.value !== null) {
    const href = (content.value as { href?: unknown }).href;
    if (!isSafeHref(href)) return `a link may only point to http(s), mailto or #fragment targets (got ${describeHref(href)})`;
  }
  return null;
}

function describeHref(href: unknown): string {
  if (typeof href !== 'string') return typeof href;
  const scheme = /^[^:]{0,20}:/.exec(href.trim());
  return scheme ? `"${scheme[0]}…"` : 'a relative target';
}

/** The name of the root type an item lives under, or null if it has none. */
function rootName(doc: Y.Doc, item: Y.Item): string | null {
  let type = item.parent as Y.AbstractType<unknown> | null;
  while (type?._item) type = type._item.parent as Y.AbstractType<unknown> | null;
  if (!type) return null;
  for (const [name, root] of doc.share) if (root === type) return name;
  return null;
}

/** A fingerprint of the updates a document holds but cannot integrate yet. */
function pendingOf(doc: Y.Doc): string {
  const structs = doc.store.pendingStructs?.update;
  const ds = doc.store.pendingDs;
  return `${structs ? Buffer.from(structs).toString('base64') : ''}|${ds ? Buffer.from(ds).toString('base64') : ''}`;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
