// Opening files through the UI: the open button and Ctrl+O, drag and drop, replacing the
// open reading, and the recent-files list that browser mode keeps across reloads.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { syntheticBook } from '../bench/support/synthetic-book';
import { launchBrowser, openApp, type TestBrowser } from './support/browser';
import { dropFile, openThroughChooser, sampleReading, waitForReading, type TestFile } from './support/files';

const second: TestFile = {
  name: 'lighthouse.txt',
  mimeType: 'text/plain',
  buffer: Buffer.from('The lighthouse keeper kept a log.\n\nEvery entry began with the weather.\n'),
};

describe('opening files', () => {
  let browser: TestBrowser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await openApp(browser, inject('webUrl'));
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('opens a file chosen after Ctrl+O and puts the caret at the start of the reading', async () => {
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Control+o')]);
    await chooser.setFiles(sampleReading());
    await waitForReading(page, 'breakwater');
    expect(await page.locator('.empty-state').isHidden()).toBe(true);
    expect(await page.locator('#doc-title').getAttribute('title')).toBe('harbour-notes.txt');
    expect(await page.title()).toMatch(/ — Crux$/);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('crux-reading'))).toBe(true);
    expect(await page.getByRole('button', { name: 'Find' }).isEnabled()).toBe(true);
  });

  it('replaces the open reading with a file dropped onto the window', async () => {
    await dropFile(page, second);
    await waitForReading(page, 'lighthouse keeper');
    expect(await page.locator('.crux-reading').innerText()).not.toContain('breakwater');
    expect(await page.locator('#doc-title').getAttribute('title')).toBe('lighthouse.txt');
    expect(await page.locator('.drop-overlay').isHidden()).toBe(true);
  });

  it('lets the reader correct the text and undo the correction', async () => {
    const reading = page.locator('.crux-reading');
    await reading.click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.type('Old ');
    await expect.poll(() => reading.innerText()).toMatch(/^Old The lighthouse keeper/);
    await page.keyboard.press('Control+z');
    await expect.poll(() => reading.innerText()).toMatch(/^The lighthouse keeper/);
  });

  it('types where the browser shows the caret, even before it has told the editor the caret moved', async () => {
    const reading = page.locator('.crux-reading');
    await reading.click();
    await page.keyboard.press('Control+End');
    await page.waitForTimeout(100);
    // Move the caret and type in the same task, before the browser's selectionchange event.
    await page.evaluate(() => {
      const first = document.querySelector('.crux-reading p')!;
      const text = document.createTreeWalker(first, NodeFilter.SHOW_TEXT).nextNode()!;
      window.getSelection()!.collapse(text, 0);
      document.querySelector('.crux-reading')!.dispatchEvent(new KeyboardEvent('keypress', { key: 'Q', charCode: 81, bubbles: true, cancelable: true }));
    });
    await expect.poll(() => reading.innerText()).toMatch(/^QThe lighthouse keeper/);
    await page.keyboard.press('Control+z');
    await expect.poll(() => reading.innerText()).toMatch(/^The lighthouse keeper/);
  });

  it('makes the reading text larger and smaller with Ctrl+= and Ctrl+-, and resets it with Ctrl+0', async () => {
    const size = () => page.locator('.crux-reading').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    await page.keyboard.press('Control+0');
    const normal = await size();
    const chrome = await page.locator('.toolbar').evaluate((el) => getComputedStyle(el).fontSize);
    await page.keyboard.press('Control+Equal');
    expect(await size()).toBeGreaterThan(normal);
    await page.keyboard.press('Control+Minus');
    await page.keyboard.press('Control+Minus');
    expect(await size()).toBeLessThan(normal);
    expect(await page.locator('.toolbar').evaluate((el) => getComputedStyle(el).fontSize)).toBe(chrome);
    await page.keyboard.press('Control+0');
    expect(await size()).toBe(normal);
  });

  it('brings back the reading that was open after a reload', async () => {
    await page.reload();
    await waitForReading(page, 'lighthouse');
    expect(await page.locator('#doc-title').getAttribute('title')).toBe('lighthouse.txt');
  });

  it('lists recently opened files on the start screen and reopens one from the list', async () => {
    // With no project to bring back, the app starts on its start screen.
    await page.evaluate(() => localStorage.removeItem('crux.last-project'));
    await page.reload();
    await page.getByRole('toolbar', { name: 'Document' }).waitFor();
    const recent = page.getByRole('list', { name: 'Recent files' });
    await expect.poll(() => recent.getByRole('button').allInnerTexts()).toEqual([
      expect.stringContaining('lighthouse.txt'),
      expect.stringContaining('harbour-notes.txt'),
    ]);
    await recent.getByRole('button', { name: /harbour-notes\.txt/ }).click();
    await waitForReading(page, 'breakwater');
    expect(await page.locator('#doc-title').getAttribute('title')).toBe('harbour-notes.txt');
  });

  it('shows a progress bar only when an import takes a noticeable time', async () => {
    // Record every progress bar that ever appears, however briefly, as the page saw it.
    await page.evaluate(() => {
      const seen: string[][] = [];
      (window as Window & { progressSeen?: string[][] }).progressSeen = seen;
      new MutationObserver(() => {
        const bar = document.querySelector('[role="progressbar"]');
        if (bar) seen.push(['aria-label', 'aria-valuemin', 'aria-valuemax', 'aria-valuenow', 'aria-valuetext'].map((a) => bar.getAttribute(a) ?? ''));
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    const seen = () => page.evaluate(() => (window as Window & { progressSeen?: string[][] }).progressSeen ?? []);
    await openThroughChooser(page, sampleReading('quick.txt'));
    await page.locator('#doc-title[title="quick.txt"]').waitFor();
    expect(await seen()).toEqual([]);

    // A 2 MB book on a CPU slowed down eightfold takes well over the 300 ms threshold.
    const dir = mkdtempSync(join(tmpdir(), 'crux-e2e-'));
    const path = join(dir, 'long-book.txt');
    writeFileSync(path, syntheticBook());
    const cdp = await browser.context.newCDPSession(page);
    try {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 8 });
      await openThroughChooser(page, path);
      await expect.poll(async () => (await seen()).length, { timeout: 20_000 }).toBeGreaterThan(0);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
      await page.locator('#doc-title[title="long-book.txt"]').waitFor({ timeout: 30_000 });
      expect(await page.getByRole('progressbar').count()).toBe(0);
      const [label, min, max, now, text] = (await seen())[0] ?? [];
      expect([label, min, max]).toEqual(['Opening long-book.txt', '0', '100']);
      expect(Number(now)).toBeGreaterThanOrEqual(0);
      expect(Number(now)).toBeLessThanOrEqual(100);
      expect(text).toMatch(/^[A-Z].*, \d+ %$/);
    } finally {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
      await cdp.detach();
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('stops an import when the reader chooses Cancel, keeping the open reading and Open… usable', async () => {
    await openThroughChooser(page, sampleReading('kept.txt'));
    await page.locator('#doc-title[title="kept.txt"]').waitFor();
    // 3,000 footnotes, the most Crux reads: markdown-it-footnote takes seconds over them.
    const parts = ['# Notes\n'];
    for (let i = 1; i <= 3000; i++) parts.push(`Claim ${i}[^${i}].\n`);
    for (let i = 1; i <= 3000; i++) parts.push(`[^${i}]: Source ${i}.\n`);
    await openThroughChooser(page, { name: 'slow-notes.md', mimeType: 'text/markdown', buffer: Buffer.from(parts.join('\n')) });
    const cancel = page.getByRole('button', { name: 'Cancel opening slow-notes.md' });
    await cancel.click({ timeout: 20_000 });
    await expect.poll(() => page.getByRole('progressbar').count()).toBe(0);
    await expect.poll(() => page.locator('.notice-alert ~ [role="status"]').textContent()).toBe('Stopped opening slow-notes.md.');
    // The reading that was open stays, unchanged, and no error is shown.
    expect(await page.locator('#doc-title').getAttribute('title')).toBe('kept.txt');
    expect(await page.locator('.crux-reading').innerText()).toContain('breakwater');
    expect(await page.locator('.notice-alert').innerText()).toBe('');
    // The stuck worker was replaced: the next file opens without waiting for it.
    await openThroughChooser(page, sampleReading('after-cancel.txt'));
    await page.locator('#doc-title[title="after-cancel.txt"]').waitFor();
  });
});
