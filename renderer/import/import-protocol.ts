// Messages between the page and the import worker, one type per direction.
import type { ImportErrorCode, ImportFormat } from '../../shared/import/types';

/** Page → worker: import this file. */
export interface ImportRequest {
  id: number;
  name: string;
  bytes: Uint8Array;
}

/** Worker → page: how an import is going, how it ended. */
export type ImportReply =
  | { id: number; type: 'progress'; fraction: number; stage: string }
  | { id: number; type: 'done'; doc: unknown; format: ImportFormat; warnings: string[] }
  | { id: number; type: 'failed'; code: ImportErrorCode | null; message: string };
