// Build of the desktop app: the main process (ESM), the sandboxed preload (CommonJS,
// with its dependencies bundled in, since a sandboxed preload can require nothing but
// `electron`) and the renderer page.
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';

export default defineConfig({
  main: {
    build: {
      rolldownOptions: { input: { index: resolve('electron/main/index.ts') } },
    },
  },
  preload: {
    build: {
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    // ES-module workers: the import worker loads each format's reader on demand.
    worker: { format: 'es' },
    build: {
      rolldownOptions: { input: { index: resolve('renderer/index.html') } },
    },
  },
});
