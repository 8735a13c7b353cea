// Decides, before the live document sees it, whether an incoming update may be applied:
// it must integrate cleanly, and a commenter's must change nothing but the comments.
// It does so on a shadow copy of the document that mirrors every change the live one
// makes, so each check costs the size of the update, not the size of the document.
import * as Y from 'yjs';
import { COMMENTS } from '../../shared/model/roots';
import { isLinkFormatKey, isSafeHref } from '../../shared/schema/safe-href';

/** The outcome of checking one update. */
export type Verdict =
  /** Apply it. `effective` is what it adds (null if nothing): the bytes to persist. */
  | { ok: true; effective: Uint8Array | null }
  /** Refuse it. `malformed`: it could not be applied at all (the client is broken or hostile). */
  | { ok: false; malformed: boolean; reason: string };

/** Who sent the update, as far as the guard cares. */
export type Writer = 'editor' | 'commenter';

const MIRROR = Symbol('mirror');

interface Observed {
  roots: Set<string>;
  /** Why the update's content may not be stored, whoever sent it (first reason found). */
  unsafe: string | null;
  clients: Set<number>;
  update: Uint8Array | null;
}

/** Guards one live document. Create it once the document is loaded; destroy it with the document. */
export class UpdateGuard {
  private shadow!: Y.Doc;
  /** Clients that have written outside the comments; a commenter may not write as them. */
  private readonly nonCommentClients = new Set<number>();
  private observed: Observed | null = null;
  private readonly onSourceUpdate = (update: Uint8Array, origin: unknown) => this.mirror(update, origin);

  constructor(private readonly source: Y.Doc) {
    this.rebuild();
    source.on('update', this.onSourceUpdate);
  }

  /** Checks `update` as sent by `writer`. On success the shadow already holds it. */
  check(update: Uint8Array, writer: Writer): Verdict {
    const pendingBefore = pendingOf(this.shadow);
    this.observed = { roots: new Set(), clients: new Set(), update: null, unsafe: null };
    let observed: Observed;
    try {
      Y.applyUpdate(this.shadow, update);
    } catch (error) {
      this.rebuild();
      return { ok: false, malformed: true, reason: `update does not apply: ${errorText(error)}` };
    } finally {
      observed = this.observed;
      this.observed = null;
    }
    if (observed.unsafe) {
      this.rebuild();
      return { ok: false, malformed: false, reason: observed.unsafe };
    }
    if (writer === 'commenter') {
      const refusal = this.commenterRefusal(observed, pendingBefore);
      if (refusal) {
        this.rebuild();
        return { ok: false, malformed: false, reason: refusal };
      }
    }
    return { ok: true, effective: observed.update };
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

  private commenterRefusal(observed: Observed, pendingBefore: string): string | null {
    const outside = [...observed.roots].filter((root) => root !== COMMENTS);
    if (outside.length > 0) return `commenters may only change comments (update touches ${outside.sort().join(', ')})`;
    for (const client of observed.clients) {
      if (this.nonCommentClients.has(client)) return `commenters may not write as client ${client}`;
    }
    if (pendingOf(this.shadow) !== pendingBefore) {
      return 'update depends on changes the server does not have';
    }
    return null;
  }

  private mirror(update: Uint8Array, origin: unknown): void {
    if (origin === MIRROR) return;
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
    Y.applyUpdate(shadow, Y.encodeStateAsUpdate(this.source), MIRROR);
    this.nonCommentClients.clear();
    shadow.store.clients.forEach((structs, client) => {
      for (const struct of structs) {
        if (struct instanceof Y.Item && rootName(shadow, struct) !== COMMENTS) {
          this.nonCommentClients.add(client);
          break;
        }
      }
    });
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
      if (root !== COMMENTS) this.nonCommentClients.add(client);
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
