// Opens the store a server configuration names. Each backend is loaded only when used
// (node:sqlite prints an experimental-feature warning as soon as it is imported).
import type { DocStore } from './types';

/** Where documents and tokens live. */
export type StoreConfig = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };

/** Opens the configured store, creating its tables if needed. */
export async function openStore(config: StoreConfig): Promise<DocStore> {
  if (config.kind === 'sqlite') {
    const { SqliteDocStore } = await import('./sqlite');
    return new SqliteDocStore(config.path);
  }
  const { PostgresDocStore } = await import('./postgres');
  return PostgresDocStore.open(config.url);
}
