// Working together in real Chromium: a host page (browser mode) hands out join links; two
// more people (separate browser profiles) join with them. Text typed by one appears at the
// other, each sees the other in the people strip and their caret, a participant who goes
// offline keeps working and merges on reconnect, and a viewer cannot edit and is told why.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, openApp, type TestBrowser } from './support/browser';
import { openThroughChooser, sampleReading, waitForReading } from './support/files';
import { selectWords } from './support/highlights';
import { answerNamePrompt, createJoinLink as createLink } from './support/seminar';

async function typeAtEnd(page: Page, text: string): Promise<void> {
  await page.locator('.crux-reading p').last().click();
  await page.keyboard.press('End');
  await page.keyboard.type(text);
}

async function readingText(page: Page): Promise<string> {
  return page.locator('.crux-reading').innerText();
}

describe('working together', () => {
  const browsers: TestBrowser[] = [];
  let host: Page;
  let guest: Page;

  beforeAll(async () => {
    const [a, b] = await Promise.all([launchBrowser(), launchBrowser()]);
    browsers.push(a, b);
    host = await openApp(a, inject('webUrl'));
    await openThroughChooser(host, sampleReading());
    // The first import in a run waits for Vite to compile the import worker.
    await host.locator('.crux-reading', { hasText: 'breakwater' }).waitFor({ timeout: 60_000 });
    await host.locator('.sync-status').filter({ hasText: 'Connected' }).waitFor();
    const link = await createLink(host, 'editor');
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#join=[A-Za-z0-9]+&token=crux_[^&]+&role=editor$/);
    await host.getByRole('dialog', { name: 'Host seminar' }).getByRole('button', { name: 'Close' }).click();
    guest = await openApp(b, link);
    await waitForReading(guest, 'breakwater');
    await answerNamePrompt(guest);
  });

  afterAll(async () => {
    for (const browser of browsers) await browser.close();
  });

  it('shows text typed by one person to the other, both ways', async () => {
    await typeAtEnd(host, ' Typed by the host.');
    await guest.waitForFunction(() => document.querySelector('.crux-reading')?.textContent?.includes('Typed by the host.'));
    await typeAtEnd(guest, ' Typed by the guest.');
    await host.waitForFunction(() => document.querySelector('.crux-reading')?.textContent?.includes('Typed by the guest.'));
  });

  it('shows each person the other in the people strip and their caret in the text', async () => {
    for (const page of [host, guest]) {
      const strip = page.getByRole('list', { name: 'People here' });
      await expect.poll(() => strip.getByRole('listitem').count()).toBe(1);
      expect(await strip.getByRole('listitem').getAttribute('title')).toMatch(/^Reader \d/);
      expect(await page.locator('.sync-status').getAttribute('aria-label')).toBe('Connection: Connected');
    }
    await host.locator('.crux-reading p').first().click();
    await guest.locator('.crux-caret').first().waitFor();
    expect(await guest.locator('.crux-caret-label').first().innerText()).toMatch(/^Reader \d/);
  });

  it('shows a passage tagged by one person highlighted at the other, in the tagger’s colour', async () => {
    const quote = await selectWords(host, 1, 0, 3);
    await host.keyboard.press('Alt+1');
    await host.keyboard.press('Escape');
    const span = guest.locator('.crux-reading .crux-hl.crux-hl--evidence').first();
    await span.waitFor({ timeout: 20_000 });
    expect(await span.innerText()).toBe(quote);
    // The guest's people strip lists the host: the highlight carries the host's colour.
    const hostColour = await guest.getByRole('list', { name: 'People here' }).getByRole('listitem').first().getAttribute('style');
    const spanColour = await span.getAttribute('style');
    expect(hostColour).toMatch(/--author-colour:\s*#[0-9a-f]{6}/i);
    expect(spanColour?.replace(/\s/g, '')).toContain(hostColour!.replace(/\s/g, ''));
    expect(await span.getAttribute('title')).toMatch(/Evidence — Reader \d/);
  });

  it('keeps the work of a person who drops out and merges it when they are back', async () => {
    await browsers[1]!.context.setOffline(true);
    await guest.locator('.sync-status').filter({ hasText: 'Offline — changes kept on this computer' }).waitFor();
    await typeAtEnd(guest, ' Written offline.');
    await typeAtEnd(host, ' Written meanwhile.');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await readingText(host)).not.toContain('Written offline.');
    await browsers[1]!.context.setOffline(false);
    await guest.locator('.sync-status').filter({ hasText: /^Connected$/ }).waitFor({ timeout: 20_000 });
    for (const page of [host, guest]) {
      await page.waitForFunction(() => {
        const text = document.querySelector('.crux-reading')?.textContent ?? '';
        return text.includes('Written offline.') && text.includes('Written meanwhile.');
      }, undefined, { timeout: 20_000 });
    }
  });

  it('does not let a viewer edit, and tells them why', async () => {
    const link = await createLink(host, 'viewer');
    await host.getByRole('dialog', { name: 'Host seminar' }).getByRole('button', { name: 'Close' }).click();
    const viewerBrowser = await launchBrowser();
    browsers.push(viewerBrowser);
    const viewer = await openApp(viewerBrowser, link);
    await waitForReading(viewer, 'breakwater');
    await answerNamePrompt(viewer);
    expect(await viewer.locator('.crux-reading').getAttribute('contenteditable')).toBe('false');
    expect(await viewer.locator('.role-notice').innerText()).toMatch(/^View only/);
    await viewer.locator('.crux-reading p').first().click();
    await viewer.keyboard.type('viewer was here');
    expect(await readingText(viewer)).not.toContain('viewer was here');
    expect(await viewer.getByRole('button', { name: 'Host seminar' }).isDisabled()).toBe(true);
  });

  it('refuses a bad join link with a clear message', async () => {
    await guest.getByRole('button', { name: 'Join…' }).click();
    const dialog = guest.getByRole('dialog', { name: 'Join a seminar' });
    await dialog.getByLabel('Join link').fill('http://127.0.0.1:1/#join=abc');
    await dialog.getByRole('button', { name: 'Join' }).click();
    expect(await dialog.getByRole('alert').innerText()).toBe('The link has no token (its &token=… part is missing).');
  });
});
