// Opens the store a server configuration names. Each backend is loaded only when used
// (node:sqlite prints an experimental-feature warning as soon as it is imported).
import type { DocStore } from './types';

/**
 * Where documents and tokens live. `provided`: a store the caller opened and owns (the
 * desktop app's `.crux` file store); the server uses it and never closes it, so it
 * outlives a server that is stopped and started again (hosting a seminar).
 */
export type StoreConfig =
  | { kind: 'sqlite'; path: string }
  | { kind: 'postgres'; url: string }
  | { kind: 'provided'; store: DocStore };

/** Opens the configured store, creating its tables if needed. */
export async function openStore(config: StoreConfig): Promise<DocStore> {
  if (config.kind === 'provided') return config.store;
  if (config.kind === 'sqlite') {
    const { SqliteDocStore } = await import('./sqlite');
    return new SqliteDocStore(config.path);
  }
  const { PostgresDocStore } = await import('./postgres');
  return PostgresDocStore.open(config.url);
}
