// Builds the renderer for production (as the desktop app and a hosted browser session
// ship it) and serves the build on a free loopback port, for benchmarks.
import { build, preview, type Plugin } from 'vite';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { launchBrowser, type TestBrowser } from '../../e2e/support/browser';
import { rendererConfig } from '../../vite.config';
// @ts-expect-error -- a plain ES module of the project's scripts (no typings).
import { createPageSync } from '../../scripts/page-sync.js';

interface PageSync {
  plugin: Plugin;
  start(port: number): Promise<void>;
  close(): Promise<void>;
}

/** A served production build. */
export interface ServedBuild {
  url: string;
  close(): Promise<void>;
}

/** Builds `renderer/` into .tmp/bench-renderer and serves it. */
export async function serveBuiltRenderer(): Promise<ServedBuild> {
  const outDir = fileURLToPath(new URL('../../.tmp/bench-renderer', import.meta.url));
  const config = { ...rendererConfig, configFile: false as const, logLevel: 'warn' as const, build: { ...rendererConfig.build, outDir } };
  await build(config);
  // The page edits through a sync server, as in browser mode.
  const sync = createPageSync() as PageSync;
  const server = await preview({ ...config, plugins: [sync.plugin], preview: { host: '127.0.0.1', port: 0, strictPort: false } });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report its address');
  await sync.start(Number(new URL(url).port));
  return {
    url,
    close: async () => {
      await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
      await sync.close();
    },
  };
}

/**
 * Serves the production build, opens it in Chromium at 1440 × 900 and runs `bench` on the
 * page once the app's toolbar shows; closes both afterwards, also when the bench throws.
 */
export async function withBuiltApp(bench: (page: Page, browser: TestBrowser) => Promise<void>): Promise<void> {
  const served = await serveBuiltRenderer();
  const browser = await launchBrowser({ viewport: { width: 1440, height: 900 } });
  try {
    const page = await browser.context.newPage();
    await page.goto(served.url);
    await page.getByRole('toolbar', { name: 'Document' }).waitFor();
    await bench(page, browser);
  } finally {
    await browser.close();
    await served.close();
  }
}
