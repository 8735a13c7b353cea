// The desktop app's sync server (DESIGN.md §4): one embedded Crux server the renderer
// always edits through. Alone, it listens on loopback on a random port and admits only
// the app's own page; hosting reopens it on the local network, where it also serves the
// renderer to browser participants. The local user holds an owner token per project.
import { networkInterfaces } from 'node:os';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createCruxServer, silentLogger, type CruxServer, type StoreConfig } from '../../../server';
import type { CruxFileStore } from '../../../server/project-file';
import type { Hosting, RendererToMainChannel, SyncConnection, TokenInfoView } from '../../../shared/ipc/contract';
import { SYNC_PATH } from '../../../shared/sync/join-link';
import type { Role } from '../../../shared/sync/roles';
import type { RequestHandlers } from '../ipc/request-dispatcher';
import type { Logger, Service } from '../service';

/**
 * Where the embedded server keeps documents: in the project files open in `files` (the
 * project service opens and releases them). The store outlives the server, which is
 * restarted when hosting starts or stops.
 */
export function embeddedStore(files: CruxFileStore): StoreConfig {
  return { kind: 'provided', store: files };
}

/** What the sync service needs. */
export interface SyncServiceOptions {
  /** The store documents live in (see `embeddedStore`). */
  store: StoreConfig;
  /** Origins of the app's own page (`app://crux`, and the dev server's in development). */
  appOrigins: readonly string[];
  /** Serves the built renderer to browser participants while hosting (see renderer-over-http.ts). */
  serveRenderer?: (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;
  /** This machine's network addresses (default: from `os.networkInterfaces`). */
  lanAddresses?: () => string[];
  log: Logger;
}

/** The label of the owner token the app mints for the person at this computer. */
const LOCAL_LABEL = 'this computer';

/** Runs the embedded sync server and hands the renderer its connections. */
export class SyncService implements Service {
  private server: CruxServer | null = null;
  private hosting: { port: number; project: string } | null = null;
  private readonly owners = new Map<string, string>();
  private switching: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: SyncServiceOptions) {}

  /** Starts the server on loopback. */
  async start(): Promise<void> {
    await this.listen('127.0.0.1', 0);
  }

  /** Stops the server (connections closed, documents written). */
  async dispose(): Promise<void> {
    const server = this.server;
    this.server = null;
    this.hosting = null;
    this.owners.clear();
    await server?.close();
  }

  /** The local user's connection to `project` (created with an owner token if new). */
  async connection(project: string): Promise<SyncConnection> {
    const server = this.running();
    return { url: this.localUrl(server), token: await this.ownerToken(server, project), role: 'owner' };
  }

  /**
   * Reopens the server on the local network on `port` (0: any free port) and serves the
   * renderer there too; the app reconnects with the returned connection.
   */
  host(project: string, port: number): Promise<Hosting> {
    return this.serialise(async () => {
      await this.reopen('0.0.0.0', port, project);
      const server = this.running();
      const addresses = this.lanAddresses();
      const base = `http://${addresses[0] ?? '127.0.0.1'}:${server.port}`;
      return { base, addresses, port: server.port, connection: await this.connection(project) };
    });
  }

  /** Goes back to loopback only; the app reconnects with the returned connection. */
  stopHosting(project: string): Promise<SyncConnection> {
    return this.serialise(async () => {
      if (this.hosting) await this.reopen('127.0.0.1', 0, null);
      return this.connection(project);
    });
  }

  /**
   * Disconnects everyone from a project about to be closed (the local user and any
   * participants: their tokens are revoked) and forgets its owner token.
   */
  async closeProject(project: string): Promise<void> {
    this.owners.delete(project);
    const server = this.server;
    if (!server || !(await server.store.hasDocument(project))) return;
    for (const token of await server.tokens.list(project)) {
      if (token.revokedAt === null) await server.tokens.revoke(project, token.id);
    }
  }

  /** The project's tokens (no secrets). */
  async listTokens(project: string): Promise<TokenInfoView[]> {
    const server = this.running();
    await this.ownerToken(server, project);
    return (await server.tokens.list(project)).map(({ id, role, label, createdAt, revokedAt }) => ({ id, role, label, createdAt, revokedAt }));
  }

  /** Issues a token of a role below owner, for a join link. */
  async issueToken(project: string, role: Exclude<Role, 'owner'>, label: string): Promise<TokenInfoView & { token: string }> {
    const server = this.running();
    await this.ownerToken(server, project);
    const { id, createdAt, revokedAt, token } = await server.tokens.issue(project, role, label);
    return { id, role, label, createdAt, revokedAt, token };
  }

  /** Revokes a token; its participants are disconnected. The app's own token cannot be revoked here. */
  async revokeToken(project: string, id: string): Promise<void> {
    const server = this.running();
    const token = (await server.tokens.list(project)).find((t) => t.id === id);
    if (!token) throw new Error(`Project ${project} has no token ${id}.`);
    if (token.role === 'owner') throw new Error('The owner token of this computer cannot be revoked.');
    await server.tokens.revoke(project, id);
  }

  private running(): CruxServer {
    if (!this.server) throw new Error('The sync server is not running.');
    return this.server;
  }

  private localUrl(server: CruxServer): string {
    return `ws://127.0.0.1:${server.port}${SYNC_PATH}`;
  }

  private async ownerToken(server: CruxServer, project: string): Promise<string> {
    const known = this.owners.get(project);
    if (known) return known;
    let secret: string;
    if (await server.store.hasDocument(project)) {
      // Secrets are stored only hashed: mint a fresh one for this run, retire the last run's.
      const old = (await server.tokens.list(project)).filter((t) => t.label === LOCAL_LABEL && t.revokedAt === null);
      secret = (await server.tokens.issue(project, 'owner', LOCAL_LABEL)).token;
      for (const token of old) await server.tokens.revoke(project, token.id);
    } else {
      secret = (await server.tokens.createDocument(project, LOCAL_LABEL)).token;
    }
    this.owners.set(project, secret);
    return secret;
  }

  private async reopen(host: string, port: number, project: string | null): Promise<void> {
    await this.server?.close();
    this.server = null;
    await this.listen(host, port);
    this.hosting = project ? { port: this.running().port, project } : null;
  }

  private async listen(host: string, port: number): Promise<void> {
    const lan = host !== '127.0.0.1';
    const server = await createCruxServer({
      host,
      port,
      store: this.options.store,
      idleUnloadSeconds: 5,
      logger: silentLogger,
      allowedOrigins: lan ? [...this.options.appOrigins, ...this.pageOrigins(port)] : this.options.appOrigins,
      ...(lan && this.options.serveRenderer ? { requestHandler: this.options.serveRenderer } : {}),
    });
    if (lan && port === 0) {
      // The origins depend on the port picked: reopen on it with the right list.
      await server.close();
      return this.listen(host, server.port);
    }
    this.server = server;
    this.options.log.info(`Sync server listening on ${server.url}`);
  }

  private pageOrigins(port: number): string[] {
    return ['127.0.0.1', 'localhost', ...this.lanAddresses()].map((a) => `http://${a.includes(':') ? `[${a}]` : a}:${port}`);
  }

  private lanAddresses(): string[] {
    if (this.options.lanAddresses) return this.options.lanAddresses();
    return Object.values(networkInterfaces())
      .flat()
      .filter((i) => i !== undefined && i.family === 'IPv4' && !i.internal)
      .map((i) => i!.address);
  }

  private serialise<T>(run: () => Promise<T>): Promise<T> {
    const next = this.switching.then(run, run);
    this.switching = next.catch(() => {});
    return next;
  }
}

/** The IPC handlers of the `sync:*` channels, over a running service. */
export function syncHandlers(sync: SyncService): Pick<RequestHandlers, SyncChannel> {
  return {
    'sync:connection': (project) => sync.connection(project),
    'sync:host': (project, port) => sync.host(project, port),
    'sync:stop-hosting': (project) => sync.stopHosting(project),
    'sync:tokens:list': (project) => sync.listTokens(project),
    'sync:tokens:issue': (project, role, label) => sync.issueToken(project, role, label),
    'sync:tokens:revoke': (project, id) => sync.revokeToken(project, id),
  };
}

/** The renderer → main channels the sync service answers. */
export type SyncChannel = Extract<RendererToMainChannel, `sync:${string}`>;
