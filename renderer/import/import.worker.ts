// The import worker: runs the importer off the page's main thread, so reading and
// reflowing a large book never freezes the window, and reports progress as it goes.
import { ImportError } from '../../shared/import/types';
import type { ImportReply, ImportRequest } from './import-protocol';
import { runImport, warmUpImport } from './run-import';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ImportRequest>) => void) | null;
  postMessage(message: ImportReply): void;
};

setTimeout(warmUpImport, 0);

scope.onmessage = async (event) => {
  const { id, name, bytes } = event.data;
  try {
    const result = await runImport(
      { name, bytes },
      { onProgress: (fraction, stage) => scope.postMessage({ id, type: 'progress', fraction, stage }) },
    );
    scope.postMessage({ id, type: 'done', doc: result.doc.toJSON(), format: result.format, warnings: result.warnings });
  } catch (error) {
    const code = error instanceof ImportError ? error.code : null;
    const message = error instanceof Error ? error.message : String(error);
    scope.postMessage({ id, type: 'failed', code, message });
  }
};
