// The argument map in real Chromium, driven only through what a user (or a screen
// reader) meets: the seed opened in browser mode, a claim added and linked to a hub from
// the keyboard, the link read back from the map's list view, a hub moved and kept over
// a reload, the scoreboard's chart, and the SVG export.
// Last, a passage of the seed is tagged as evidence in the reading and linked to
// "Domestic politics" in the same flow; its node appears, and choosing it scrolls the
// reading back to the passage.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeWithCorpus, seedPath } from '../shared/test-support/corpus';
import { launchBrowser, openApp, type TestBrowser } from './support/browser';
import { openThroughChooser } from './support/files';
import { selectWords } from './support/highlights';

const CLAIM = 'Purges at home drove the quarrel';

describeWithCorpus('the argument map', () => {
  let browser: TestBrowser;
  let page: Page;

  const graph = () => page.getByRole('application', { name: 'Argument map' });
  const links = () => page.getByRole('list', { name: 'Map links' }).getByRole('button');

  async function exportedSvg(): Promise<string> {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export SVG' }).click();
    const file = await (await download).path();
    return readFileSync(file, 'utf8');
  }

  function circleOf(svg: string, label: string): { x: number; y: number } {
    // Each node is a <circle> followed by its <text> label.
    const at = svg.indexOf(`>${label}</text>`);
    const circle = svg.slice(0, at).match(/<circle class="\w+" cx="(-?[\d.]+)" cy="(-?[\d.]+)"[^>]*\/>\s*<text[^>]*$/);
    if (!circle) throw new Error(`no node labelled ${label} in the SVG`);
    return { x: Number(circle[1]), y: Number(circle[2]) };
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await openApp(browser, inject('webUrl'));
    await openThroughChooser(page, seedPath);
    // The first open waits for the dev server to compile the import worker.
    await page.locator('.crux-reading').waitFor({ timeout: 30_000 });
    await graph().waitFor();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('starts with the four explanation hubs and no links', async () => {
    const nodes = await page.getByRole('list', { name: 'Map nodes' }).getByRole('button').allTextContents();
    expect(nodes).toEqual(['Hub: Realist', 'Hub: Ideological', 'Hub: Structural', 'Hub: Domestic politics']);
    expect(await links().count()).toBe(0);
  });

  it('adds a claim and links it to "Domestic politics" from the keyboard', async () => {
    await page.getByRole('button', { name: 'Add claim' }).click();
    await page.getByRole('textbox', { name: 'New claim' }).fill(CLAIM);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('list', { name: 'Map nodes' }).getByRole('button').allTextContents()).toContain(`Claim: ${CLAIM}`);

    // The new claim is selected; in the map, L starts a link from it, the left arrow
    // reaches the hub at the west compass point, Enter picks it, and the menu asks how.
    await graph().focus();
    await page.keyboard.press('l');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Enter');
    const menu = page.getByRole('menu');
    await expect.poll(() => menu.getAttribute('aria-label')).toBe(`${CLAIM} → Domestic politics`);
    await page.getByRole('menuitem', { name: 'Supports' }).click();

    await expect.poll(() => links().allTextContents()).toEqual([expect.stringMatching(new RegExp(`^${CLAIM} supports Domestic politics \\(strength 2, by .+\\)$`))]);
    expect(await links().first().getAttribute('data-relation')).toBe('supports');
  });

  it('changes the link’s strength and relation from its menu', async () => {
    await page.getByRole('button', { name: 'List view' }).click();
    await links().first().click();
    await page.getByRole('menuitem', { name: 'Strength 3' }).click();
    await expect.poll(() => links().first().textContent()).toContain('(strength 3,');
    await page.getByRole('button', { name: 'List view' }).click();
  });

  it('shows the new support on the scoreboard chart', async () => {
    await page.getByRole('tab', { name: 'Scoreboard' }).click();
    const chart = page.getByRole('img', { name: /Support and challenge per explanation/ });
    await chart.waitFor();
    const summary = await page.locator('.scoreboard-summary li').allTextContents();
    expect(summary).toContain('Domestic politics: support 3 (0 passages), challenge 0 (0 passages).');
    expect(summary).toContain('Realist: support 0 (0 passages), challenge 0 (0 passages).');
    // The support bar of the hub has width; the others' are empty.
    const width = (hub: string) => page.locator(`[data-hub="${hub}"] .bar-support`).getAttribute('width');
    expect(Number(await width('hub-domestic-politics'))).toBeGreaterThan(0);
    expect(Number(await width('hub-realist'))).toBe(0);
    await page.getByRole('tab', { name: 'Map' }).click();
  });

  it('exports an SVG holding every node label', async () => {
    const svg = await exportedSvg();
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    for (const label of ['Realist', 'Ideological', 'Structural', 'Domestic politics', CLAIM]) expect(svg).toContain(`>${label}</text>`);
    expect(svg).toContain('<line class="supports"');
  });

  it('keeps a hub where it was moved, after a reload', async () => {
    expect(circleOf(await exportedSvg(), 'Domestic politics')).toEqual({ x: -400, y: 0 });
    // Choose the hub in the list view, then move it with Shift+arrows in the graph.
    await page.getByRole('button', { name: 'List view' }).click();
    await page.getByRole('list', { name: 'Map nodes' }).getByRole('button', { name: 'Hub: Domestic politics' }).click();
    await page.getByRole('button', { name: 'List view' }).click();
    await graph().focus();
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowLeft');
    await expect.poll(async () => circleOf(await exportedSvg(), 'Domestic politics')).toEqual({ x: -420, y: 40 });

    await page.reload();
    await page.locator('.crux-reading').waitFor({ timeout: 30_000 });
    await graph().waitFor();
    await expect.poll(() => links().allTextContents()).toHaveLength(1);
    expect(circleOf(await exportedSvg(), 'Domestic politics')).toEqual({ x: -420, y: 40 });
  });
  it('links a passage tagged in the reading to a hub, and choosing its node scrolls the reading to it', async () => {
    const quote = await selectWords(page, 30, 0, 6);
    await page.keyboard.press('Alt+1');
    const popover = page.getByRole('dialog', { name: 'Note, tags and links' });
    await popover.getByLabel('Bears on Domestic politics').selectOption('supports');
    // Enter in the note saves (the popover's documented key).
    await popover.getByLabel('Note').press('Enter');
    await expect
      .poll(() => links().allTextContents())
      .toContainEqual(expect.stringMatching(/^“.+” supports Domestic politics \(strength 2, by .+\)$/));

    // Read from the top again, then choose the passage's node in the map's list view.
    await page.locator('#reader-scroll').evaluate((el) => el.scrollTo(0, 0));
    const highlight = page.locator('.crux-reading .crux-hl--evidence').first();
    expect(await highlight.innerText()).toBe(quote);
    const inView = () =>
      highlight.evaluate((el) => {
        const box = el.getBoundingClientRect();
        const port = document.getElementById('reader-scroll')!.getBoundingClientRect();
        return box.top >= port.top && box.bottom <= port.bottom;
      });
    expect(await inView()).toBe(false);
    await page.getByRole('button', { name: 'List view' }).click();
    await page.getByRole('list', { name: 'Map nodes' }).getByRole('button', { name: /^Evidence: / }).click();
    await page.getByRole('button', { name: 'List view' }).click();
    await expect.poll(inView).toBe(true);
  });
});
