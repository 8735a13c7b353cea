// Bad files opened through the UI get an alert that names the file and says what is
// wrong, and the reading that was open stays exactly as it was (DESIGN.md §1).
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_IMPORT_BYTES } from '../shared/import/types';
import { launchBrowser, openApp, type TestBrowser } from './support/browser';
import { badInputs, dropFile, openThroughChooser, sampleReading, waitForReading } from './support/files';

describe('opening bad files', () => {
  let browser: TestBrowser;
  let page: Page;
  let before: { title: string | null; pageTitle: string; text: string; outline: string[] };

  const snapshot = async () => ({
    title: await page.locator('#doc-title').textContent(),
    pageTitle: await page.title(),
    text: await page.locator('.crux-reading').innerText(),
    outline: await page.getByRole('navigation', { name: 'Sections' }).getByRole('link').allTextContents(),
  });

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await openApp(browser, inject('webUrl'));
    await openThroughChooser(page, sampleReading());
    await waitForReading(page, 'breakwater');
    // The outline fills in right after the reading's first frame.
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link').first().waitFor();
    before = await snapshot();
  });

  afterAll(async () => {
    await browser?.close();
  });

  for (const { file, says } of badInputs()) {
    it(`refuses ${file.name} with a clear message and keeps the open reading`, async () => {
      await openThroughChooser(page, file);
      const alert = page.getByRole('alert');
      // The first PDF also loads pdf.js into the import worker: allow for a slow machine.
      await expect.poll(() => alert.textContent(), { timeout: 30_000 }).toContain(`Couldn’t open “${file.name}”.`);
      expect(await alert.textContent()).toMatch(says);
      expect(await snapshot()).toEqual(before);
      await alert.getByRole('button', { name: 'Dismiss this message' }).click();
      expect(await alert.textContent()).toBe('');
    });
  }

  it('refuses a dropped bad file the same way', async () => {
    const [, junk] = badInputs();
    if (!junk) throw new Error('no junk fixture');
    await dropFile(page, junk.file);
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/Couldn’t open “junk\.txt”\..*binary/);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a file over the size limit without reading it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crux-e2e-'));
    const huge = join(dir, 'huge.txt');
    writeFileSync(huge, '');
    truncateSync(huge, MAX_IMPORT_BYTES + 1);
    try {
      await openThroughChooser(page, huge);
      await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/Couldn’t open “huge\.txt”\..*up to 50 MB/);
      expect(await snapshot()).toEqual(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('leaves no project behind for a refused file: a reload brings back the reading that was open', async () => {
    const projects = () => page.evaluate(async () => (await indexedDB.databases()).map((db) => db.name ?? '').filter((name) => name.startsWith('crux-project-')));
    // Each refused file above had a project made ready while it imported; none was kept.
    await expect.poll(projects).toHaveLength(1);
    await page.reload();
    await waitForReading(page, 'breakwater');
    expect(await page.locator('#doc-title').getAttribute('title')).toBe('harbour-notes.txt');
  });

  it('clears the alert when a good file opens', async () => {
    await openThroughChooser(page, sampleReading('island-notes.txt'));
    await expect.poll(() => page.locator('#doc-title').getAttribute('title')).toBe('island-notes.txt');
    expect(await page.getByRole('alert').textContent()).toBe('');
  });
});
