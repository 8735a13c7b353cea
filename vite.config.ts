// Vite settings of the renderer, used by browser mode (`npm run web`), the e2e tests and
// the benchmarks. electron-vite's renderer section should reuse `rendererConfig` so the
// desktop app and the browser build the same page.
import { fileURLToPath } from 'node:url';
import { defineConfig, type UserConfig } from 'vite';

const rendererRoot = fileURLToPath(new URL('./renderer', import.meta.url));

/** The renderer's Vite settings: root `renderer/`, ES-module workers, output in `out/renderer`. */
export const rendererConfig: UserConfig = {
  root: rendererRoot,
  base: './',
  // The renderer imports shared/ from outside its root.
  server: { fs: { allow: [fileURLToPath(new URL('.', import.meta.url))] } },
  worker: { format: 'es' },
  // Crawl the worker too, so its dependencies are pre-bundled at start rather than
  // discovered on first use (which makes Vite reload the page mid-test).
  // The importers' libraries are named as well: the crawl misses some of what they pull
  // in, and a late discovery reloads the page.
  optimizeDeps: {
    entries: ['index.html', 'import/import.worker.ts'],
    include: ['pdfjs-dist/legacy/build/pdf.mjs', 'mammoth', 'sanitize-html', 'htmlparser2', 'domhandler', 'markdown-it', 'markdown-it-footnote'],
  },
  build: {
    outDir: fileURLToPath(new URL('./out/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
  },
};

export default defineConfig(rendererConfig);
