// The frame without a reading: the empty state, keyboard access (skip link, splitters,
// shortcuts) and the side panes, whose sizes survive a reload.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, openApp, type TestBrowser } from './support/browser';
import { openThroughChooser, sampleReading, waitForReading } from './support/files';

describe('the application frame', () => {
  let browser: TestBrowser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await openApp(browser, inject('webUrl'));
  });

  afterAll(async () => {
    await browser?.close();
  });

  const splitter = (name: 'outline' | 'map') => page.getByRole('separator', { name: `Resize the ${name} pane` });
  const width = async (selector: string) => (await page.locator(selector).boundingBox())?.width ?? 0;

  it('starts with an empty state that says how to open a file and what Crux reads', async () => {
    const empty = page.locator('.empty-state');
    await expect.poll(() => empty.getByRole('heading', { level: 1 }).isVisible()).toBe(true);
    expect(await empty.getByRole('button', { name: 'Open a file…' }).isVisible()).toBe(true);
    expect(await empty.locator('kbd').textContent()).toBe('Ctrl+O');
    expect(await empty.textContent()).toMatch(/drop a file anywhere/);
    expect(await empty.textContent()).toMatch(/\.txt.*PDF.*\.docx/);
    const map = page.getByRole('complementary', { name: 'Argument map' });
    expect(await map.getByRole('heading', { name: 'Argument map' }).isVisible()).toBe(true);
    expect(await map.textContent()).toMatch(/Tag passages to build the map/);
  });

  it('offers "Skip to reader" first in the tab order', async () => {
    await page.locator('body').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to reader');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Open a file…');
  });

  it('moves between toolbar buttons with the arrow keys, one Tab stop for the whole toolbar', async () => {
    const toolbar = page.getByRole('toolbar', { name: 'Document' });
    await toolbar.getByRole('button', { name: 'Open…' }).focus();
    const focused = () => page.evaluate(() => document.activeElement?.textContent);
    // Find is disabled while nothing is open, so the arrows skip it.
    await page.keyboard.press('ArrowRight');
    expect(await focused()).toBe('Outline');
    await page.keyboard.press('End');
    expect(await focused()).toBe('Map');
    await page.keyboard.press('ArrowRight');
    expect(await focused()).toBe('Open…');
    await page.keyboard.press('ArrowLeft');
    expect(await focused()).toBe('Map');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Map');
    expect(await toolbar.locator('button[tabindex="0"]').count()).toBe(1);
  });

  it('gives every control an accessible name', async () => {
    const unnamed = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('button, a[href], input, [role="separator"]')]
        .filter((el) => !el.hidden && el.getAttribute('aria-hidden') !== 'true' && el.offsetParent !== null)
        .filter((el) => !(el.getAttribute('aria-label') || el.textContent?.trim() || el.getAttribute('aria-labelledby')))
        .map((el) => el.outerHTML.slice(0, 80)),
    );
    expect(unnamed).toEqual([]);
  });

  it('moves a splitter with the arrow keys, Home and End, and collapses its pane with Enter', async () => {
    const outline = splitter('outline');
    await outline.focus();
    const start = Number(await outline.getAttribute('aria-valuenow'));
    const startWidth = await width('#outline-pane');
    await page.keyboard.press('ArrowRight');
    expect(Number(await outline.getAttribute('aria-valuenow'))).toBe(start + 16);
    expect(await width('#outline-pane')).toBeCloseTo(startWidth + 16, 0);
    await page.keyboard.press('Shift+ArrowLeft');
    expect(Number(await outline.getAttribute('aria-valuenow'))).toBe(start + 16 - 64);
    await page.keyboard.press('Home');
    expect(await outline.getAttribute('aria-valuenow')).toBe(await outline.getAttribute('aria-valuemin'));
    await page.keyboard.press('End');
    expect(await outline.getAttribute('aria-valuenow')).toBe(await outline.getAttribute('aria-valuemax'));

    await page.keyboard.press('Enter');
    expect(await page.locator('#outline-pane').isHidden()).toBe(true);
    expect(await page.getByRole('button', { name: 'Outline' }).getAttribute('aria-expanded')).toBe('false');
    expect(await outline.getAttribute('aria-valuetext')).toBe('Outline pane collapsed');
    await page.keyboard.press('Enter');
    expect(await page.locator('#outline-pane').isVisible()).toBe(true);
    await page.keyboard.press('Home');
  });

  it('resizes a pane by dragging its splitter', async () => {
    const box = await splitter('map').boundingBox();
    if (!box) throw new Error('the map splitter is not on screen');
    const before = await width('#map-pane');
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x - 60, y, { steps: 4 });
    await page.mouse.move(x - 100, y, { steps: 4 });
    await page.mouse.up();
    expect(await width('#map-pane')).toBeCloseTo(before + 100, 0);
  });

  it('shows and hides the side panes from the toolbar and with shortcuts', async () => {
    const mapButton = page.getByRole('button', { name: 'Map', exact: true });
    await mapButton.click();
    expect(await page.locator('#map-pane').isHidden()).toBe(true);
    expect(await mapButton.getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.press('Control+Alt+Digit2');
    expect(await page.locator('#map-pane').isVisible()).toBe(true);
    await page.keyboard.press('Control+Alt+Digit1');
    expect(await page.locator('#outline-pane').isHidden()).toBe(true);
    await page.getByRole('button', { name: 'Hide argument map' }).click();
    expect(await page.locator('#map-pane').isHidden()).toBe(true);
  });

  it('remembers pane sizes and which panes are hidden after a reload', async () => {
    await page.getByRole('button', { name: 'Outline' }).click();
    await splitter('outline').focus();
    await page.keyboard.press('ArrowRight');
    const remembered = await splitter('outline').getAttribute('aria-valuenow');
    await page.reload();
    await page.getByRole('toolbar', { name: 'Document' }).waitFor();
    expect(await splitter('outline').getAttribute('aria-valuenow')).toBe(remembered);
    expect(await page.locator('#outline-pane').isVisible()).toBe(true);
    expect(await page.locator('#map-pane').isHidden()).toBe(true);
  });

  // Last: it opens a reading, which the tests above expect not to be there.
  it('offers History and Export, by button and by key, only once a reading is open', async () => {
    const toolbar = page.getByRole('toolbar', { name: 'Document' });
    const history = toolbar.getByRole('button', { name: 'History' });
    const exporting = toolbar.getByRole('button', { name: 'Export…' });
    expect([await history.isDisabled(), await exporting.isDisabled()]).toEqual([true, true]);
    await page.locator('body').focus();
    await page.keyboard.press('Control+Shift+H');
    await page.keyboard.press('Control+Shift+E');
    expect(await page.locator('dialog[open]').count()).toBe(0);

    await openThroughChooser(page, sampleReading());
    await waitForReading(page, 'Harbour notes');
    expect([await history.isDisabled(), await exporting.isDisabled()]).toEqual([false, false]);
    await page.keyboard.press('Control+Shift+H');
    await page.getByRole('dialog', { name: 'History' }).waitFor();
  });
});
