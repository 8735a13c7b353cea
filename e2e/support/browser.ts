// Launches the system Chromium through playwright-core for tests and benchmarks, with a
// fresh profile each time and nothing that reaches the network.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The Chromium that ENVIRONMENT.md says is installed. */
export const CHROMIUM_PATH = process.env.CRUX_CHROMIUM ?? '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A browser with its own profile folder; `close` removes both. */
export interface TestBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Options of a test browser. */
export interface BrowserOptions {
  viewport?: { width: number; height: number };
  colorScheme?: 'light' | 'dark';
}

/** Launches Chromium with a fresh user-data dir. */
export async function launchBrowser(options: BrowserOptions = {}): Promise<TestBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'crux-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    args: ARGS,
    headless: true,
    viewport: options.viewport ?? { width: 1440, height: 900 },
    colorScheme: options.colorScheme ?? 'light',
    reducedMotion: 'reduce',
  });
  // Fail fast: nothing in this app should take seconds to appear — but the machines that
  // run these tests are shared, and a busy one makes a 5 s wait flaky.
  context.setDefaultTimeout(10_000);
  // Except the first page load, which waits for Vite to compile the modules.
  context.setDefaultNavigationTimeout(60_000);
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Opens `url` in a new page and waits until the app has started. */
export async function openApp(browser: TestBrowser, url: string): Promise<Page> {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  await page.getByRole('toolbar', { name: 'Document' }).waitFor();
  if (errors.length) throw new Error(`The page threw while starting: ${errors.join('; ')}`);
  return page;
}

export type { Browser, Page };
