// The sync server's store when documents live in `.crux` files (the desktop app's
// embedded server): each open project file is a document under a fresh name, every
// update a client sends is appended to the file before the server applies and
// acknowledges it, and the update log is compacted now and then. Tokens are kept in
// memory: they live as long as the file stays open in this app.
import { randomUUID } from 'node:crypto';
import { basename, resolve } from 'node:path';
import type { CompactionResult, DocStats, DocStore, StoredToken } from '../store/types';
import { CruxFile } from './crux-file';
import { CruxFileError } from './errors';
import type { CruxFileMeta, OpenOptions } from './types';

/** A project file open in the store. */
export interface OpenProject {
  /** The document name clients connect to (fresh for every open). */
  readonly name: string;
  /** Absolute path of the file. */
  readonly path: string;
  /** What the file says about the project. */
  readonly meta: CruxFileMeta;
}

/** How the store tidies. */
export interface CruxFileStoreOptions {
  /** Compact a file once this many updates are pending in it (default 1000). */
  compactAfter?: number;
}

interface Waiting {
  update: Uint8Array;
  done: () => void;
  failed: (error: unknown) => void;
}

interface Attached {
  name: string;
  file: CruxFile;
  queue: Waiting[];
  scheduled: boolean;
}

/**
 * A DocStore over `.crux` files. Open a file with `open` (which locks it: no other window
 * or process can open it meanwhile) and connect clients to the name it returns; `release`
 * closes it. The server never creates documents here: a name exists while its file is open.
 */
export class CruxFileStore implements DocStore {
  readonly kind = 'crux-file';
  private readonly attached = new Map<string, Attached>();
  private readonly tokens = new Map<string, StoredToken>();
  /** Person key hashes by document, then person: kept in memory like the tokens (the file's host mints both each time it hosts). */
  private readonly persons = new Map<string, Map<string, string>>();
  private readonly compactAfter: number;
  private closed = false;

  constructor(options: CruxFileStoreOptions = {}) {
    this.compactAfter = options.compactAfter ?? 1000;
    if (!Number.isInteger(this.compactAfter) || this.compactAfter < 1) {
      throw new Error(`compactAfter must be a positive integer, not ${options.compactAfter}`);
    }
  }

  /**
   * Opens (or with `create`, creates) the project file at `path` and makes it a document.
   * Throws the CruxFileError of `CruxFile.open` (`locked` naming the holder, `damaged`,
   * `not-crux`, …) and changes nothing then.
   */
  open(path: string, options: Pick<OpenOptions, 'create' | 'details'> = {}): OpenProject {
    this.ensureOpen();
    const target = resolve(path);
    const already = [...this.attached.values()].find((a) => a.file.path === target);
    if (already) {
      throw new CruxFileError('locked', `“${basename(target)}” is already open in this window.`);
    }
    const file = CruxFile.open(target, options);
    const name = `p${randomUUID().replace(/-/g, '')}`;
    this.attached.set(name, { name, file, queue: [], scheduled: false });
    return { name, path: file.path, meta: file.meta };
  }

  /** The open file of a document, for its details, original and versions (updates go through `append`). */
  file(name: string): CruxFile {
    return this.get(name).file;
  }

  /** The documents open now. */
  names(): string[] {
    return [...this.attached.keys()];
  }

  /**
   * Save As: writes a whole copy of the document's file to `path`, then goes on in the
   * copy (the document keeps its name, so connected clients stay connected) and closes
   * the old file. If the copy cannot be written or opened, the old file stays in use.
   */
  saveAs(name: string, path: string): OpenProject {
    const entry = this.get(name);
    this.flush(entry);
    entry.file.saveCopy(path);
    const next = CruxFile.open(path);
    const previous = entry.file;
    entry.file = next;
    previous.close();
    return { name, path: next.path, meta: next.meta };
  }

  /** Writes what is queued, closes the document's file (compacting it, unlocking it) and forgets its tokens. */
  release(name: string): void {
    const entry = this.attached.get(name);
    if (!entry) return;
    this.attached.delete(name);
    for (const [hash, token] of this.tokens) if (token.doc === name) this.tokens.delete(hash);
    this.persons.delete(name);
    try {
      this.flush(entry);
    } finally {
      entry.file.close();
    }
  }

  async createDocument(name: string): Promise<boolean> {
    // A document exists exactly while its file is open; the server cannot make one.
    this.get(name);
    return false;
  }

  async hasDocument(name: string): Promise<boolean> {
    return this.attached.has(name);
  }

  async load(name: string): Promise<Uint8Array | null> {
    const entry = this.get(name);
    this.flush(entry);
    return entry.file.loadState();
  }

  /**
   * Appends an update to the document's file. Updates arriving in the same turn of the
   * event loop are committed together (one transaction, one fsync); the promise
   * resolves once that commit is on disk, so an acknowledged update survives a crash.
   */
  append(name: string, update: Uint8Array): Promise<void> {
    let entry: Attached;
    try {
      entry = this.get(name);
    } catch (error) {
      return Promise.reject(error as Error);
    }
    return new Promise<void>((done, failed) => {
      entry.queue.push({ update, done, failed });
      if (entry.scheduled) return;
      entry.scheduled = true;
      setImmediate(() => this.flush(entry));
    });
  }

  /** Compacts the document's file once enough updates are pending (and always when its file is released). */
  async compact(name: string): Promise<CompactionResult> {
    const entry = this.attached.get(name);
    // Released meanwhile: closing the file compacted it.
    if (!entry) return { merged: 0, stateBytes: 0 };
    this.flush(entry);
    if (entry.file.pendingUpdates < this.compactAfter) {
      return { merged: 0, stateBytes: entry.file.stats().stateBytes };
    }
    const { merged, stateBytes } = entry.file.compact();
    return { merged, stateBytes };
  }

  async stats(name: string): Promise<DocStats | null> {
    const entry = this.attached.get(name);
    if (!entry) return null;
    this.flush(entry);
    return { updates: entry.file.pendingUpdates, stateBytes: entry.file.stats().stateBytes };
  }

  async insertToken(token: StoredToken): Promise<void> {
    this.get(token.doc);
    if (this.tokens.has(token.hash)) throw new Error('a token with this secret already exists');
    this.tokens.set(token.hash, { ...token });
  }

  async findTokenByHash(hash: string): Promise<StoredToken | null> {
    const token = this.tokens.get(hash);
    return token ? { ...token } : null;
  }

  async listTokens(doc: string): Promise<StoredToken[]> {
    return [...this.tokens.values()]
      .filter((t) => t.doc === doc)
      .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id))
      .map((t) => ({ ...t }));
  }

  async revokeToken(doc: string, id: string, at: number): Promise<StoredToken | null> {
    const token = [...this.tokens.values()].find((t) => t.doc === doc && t.id === id);
    if (!token) return null;
    token.revokedAt ??= at;
    return { ...token };
  }

  async bindPerson(doc: string, person: string, keyHash: string): Promise<boolean> {
    this.get(doc);
    let bound = this.persons.get(doc);
    if (!bound) this.persons.set(doc, (bound = new Map()));
    if (!bound.has(person)) bound.set(person, keyHash);
    return bound.get(person) === keyHash;
  }

  /** Releases every open file. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const errors: unknown[] = [];
    for (const name of this.names()) {
      try {
        this.release(name);
      } catch (error) {
        errors.push(error);
      }
    }
    if (errors.length > 0) throw errors[0];
  }

  /** Commits what is queued for a document now, settling each waiting append. */
  private flush(entry: Attached): void {
    entry.scheduled = false;
    const batch = entry.queue.splice(0);
    if (batch.length === 0) return;
    try {
      entry.file.appendUpdates(batch.map((w) => ({ update: w.update })));
      for (const waiting of batch) waiting.done();
    } catch (error) {
      if (!(error instanceof CruxFileError && error.code === 'invalid-input') || batch.length === 1) {
        for (const waiting of batch) waiting.failed(error);
        return;
      }
      // One update that does not decode must not take the others down with it.
      for (const waiting of batch) {
        try {
          entry.file.appendUpdate(waiting.update);
          waiting.done();
        } catch (single) {
          waiting.failed(single);
        }
      }
    }
  }

  private get(name: string): Attached {
    this.ensureOpen();
    const entry = this.attached.get(name);
    if (!entry) throw new Error(`No project file is open as “${name}”.`);
    return entry;
  }

  private ensureOpen(): void {
    if (this.closed) throw new Error('This project file store is closed.');
  }
}
