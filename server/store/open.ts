// Opens the store a server configuration names.
import { PostgresDocStore } from './postgres';
import { SqliteDocStore } from './sqlite';
import type { DocStore } from './types';

/** Where documents and tokens live. */
export type StoreConfig = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };

/** Opens the configured store, creating its tables if needed. */
export async function openStore(config: StoreConfig): Promise<DocStore> {
  return config.kind === 'sqlite' ? new SqliteDocStore(config.path) : PostgresDocStore.open(config.url);
}
