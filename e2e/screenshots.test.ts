// Screenshots of the reader with the seed open, light and dark, 1440×900, for reviewing
// the typesetting by eye. Written to a temporary folder (its path is printed);
// CRUX_UPDATE_SCREENSHOTS=1 writes them to docs/screenshots/ for the README instead.
import { afterEach, expect, inject, it } from 'vitest';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeWithCorpus, seedPath } from '../shared/test-support/corpus';
import { launchBrowser, openApp, type TestBrowser } from './support/browser';
import { openThroughChooser } from './support/files';

// A test run must not rewrite tracked files: only an explicit request updates the README's images.
const folder = process.env.CRUX_UPDATE_SCREENSHOTS
  ? fileURLToPath(new URL('../docs/screenshots/', import.meta.url))
  : join(mkdtempSync(join(tmpdir(), 'crux-screenshots-')), '/');

describeWithCorpus('screenshots of the reader', () => {
  let browser: TestBrowser | undefined;

  afterEach(async () => {
    await browser?.close();
    browser = undefined;
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`shows the seed typeset in the ${scheme} theme`, async () => {
      browser = await launchBrowser({ viewport: { width: 1440, height: 900 }, colorScheme: scheme });
      const page = await openApp(browser, inject('webUrl'));
      await openThroughChooser(page, seedPath);
      await page.locator('.crux-reading').waitFor({ timeout: 60_000 });
      // The screenshot shows the page as a reader sees it: no caret focus rule, no hovered button.
      await page.locator('.crux-reading').evaluate((el) => (el as HTMLElement).blur());
      await page.mouse.move(2, 890);
      await page.evaluate(() => document.fonts.ready);
      const background = await page.locator('.reader').evaluate((el) => getComputedStyle(el).backgroundColor);
      const [r = 0, g = 0, b = 0] = background.match(/\d+/g)?.map(Number) ?? [];
      const luminance = (r + g + b) / 3;
      expect(scheme === 'dark' ? luminance < 80 : luminance > 200).toBe(true);
      mkdirSync(folder, { recursive: true });
      const path = `${folder}${scheme === 'light' ? 'reader.png' : 'reader-dark.png'}`;
      await page.screenshot({ path });
      console.log(`screenshot: ${path}`);
    });
  }
});
