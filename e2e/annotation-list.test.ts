// The annotation panel with thousands of annotations: a reading of our own and a W3C file
// tagging 2,000 passages in it, imported through "Import annotations…". The list draws only
// the rows near its visible part, End goes to the last annotation, a highlight selected in
// the reader scrolls the list to its row, and the selected annotation's comments show
// below the list without scrolling the pane.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, openApp, type TestBrowser } from './support/browser';
import { importAnnotationsThroughChooser, openThroughChooser } from './support/files';

const PARAGRAPHS = 500;
const PARTS = ['A', 'B', 'C', 'D'] as const;
const COUNT = PARAGRAPHS * PARTS.length;
const ROLES = ['evidence', 'claim', 'counter'] as const;

/** The quote of passage `i`'s part `part`: unique in the reading. */
const quote = (i: number, part: string) => `Passage ${i}, part ${part}`;

/** A Markdown reading of PARAGRAPHS paragraphs of four parts each. */
function reading(): { name: string; mimeType: string; buffer: Buffer } {
  const paragraphs = [...Array(PARAGRAPHS).keys()].map((i) => PARTS.map((p) => `${quote(i, p)}, weighs the river and the hill.`).join(' '));
  return { name: 'many-passages.md', mimeType: 'text/markdown', buffer: Buffer.from(`# Many passages\n\n${paragraphs.join('\n\n')}\n`) };
}

/** W3C annotations tagging every part of every paragraph; some with a note, some with a tag (rows of other heights). */
function annotationFile(): { name: string; mimeType: string; buffer: Buffer } {
  const items = [...Array(PARAGRAPHS).keys()].flatMap((i) =>
    PARTS.map((part, j) => {
      const n = i * PARTS.length + j;
      const body: object[] = [{ type: 'TextualBody', purpose: 'tagging', value: ROLES[n % 3] }];
      if (n % 5 === 0) body.push({ type: 'TextualBody', purpose: 'commenting', value: `A note on passage ${i}, part ${part}, long enough to wrap onto a second line in the side pane.` });
      if (n % 7 === 0) body.push({ type: 'TextualBody', purpose: 'tagging', value: 'river' });
      return {
        id: `urn:x-test:${n}`,
        type: 'Annotation',
        motivation: 'tagging',
        body,
        target: { source: 'urn:x-test:many', selector: [{ type: 'TextQuoteSelector', exact: quote(i, part), prefix: '', suffix: '' }] },
      };
    }),
  );
  return { name: 'many.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(items)) };
}

/** Where `selector`'s box is within the list's visible box: 'inside', or why not. */
function placeInList(page: Page, selector: string): Promise<string> {
  return page.evaluate((selector) => {
    const row = document.querySelector(selector);
    const list = document.querySelector('.ann-list');
    if (!row || !list) return 'not drawn';
    const r = row.getBoundingClientRect();
    const l = list.getBoundingClientRect();
    return r.top >= l.top - 1 && r.bottom <= l.bottom + 1 ? 'inside' : `outside (${Math.round(r.top)}–${Math.round(r.bottom)} vs ${Math.round(l.top)}–${Math.round(l.bottom)})`;
  }, selector);
}

describe('the annotation list with 2,000 annotations', () => {
  let browser: TestBrowser;
  let page: Page;
  const list = () => page.getByRole('listbox', { name: 'Annotations' });

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await openApp(browser, inject('webUrl'));
    page.setDefaultTimeout(20_000);
    await openThroughChooser(page, reading());
    await page.locator('.crux-reading', { hasText: quote(PARAGRAPHS - 1, 'D') }).waitFor({ timeout: 60_000 });
    await importAnnotationsThroughChooser(page, annotationFile());
    await page.locator('.notice-info', { hasText: `${COUNT} anchored, 0 need a look, 0 orphaned` }).waitFor({ timeout: 60_000 });
    await page.getByRole('tab', { name: 'Annotations' }).click();
    const perRole = Math.ceil(COUNT / 3);
    await page.locator('.ann-counts', { hasText: `${perRole} evidence · ${perRole} claim · ${COUNT - 2 * perRole} counter-argument` }).waitFor({ timeout: 30_000 });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('draws far fewer rows than there are annotations, numbered within all of them', async () => {
    const options = list().getByRole('option');
    const drawn = await options.count();
    expect(drawn).toBeGreaterThan(3);
    expect(drawn).toBeLessThan(80);
    expect(await options.first().getAttribute('aria-setsize')).toBe(String(COUNT));
    expect(await options.first().getAttribute('aria-posinset')).toBe('1');
    expect(await options.first().locator('.ann-quote').textContent()).toBe(quote(0, 'A'));
    // Search, filters and counts stay above the list, in view.
    expect(await page.getByRole('searchbox', { name: 'Search annotations' }).isVisible()).toBe(true);
  });

  it('goes to the last annotation with End: its row is drawn, in view and active', async () => {
    await list().focus();
    await page.keyboard.press('End');
    const last = quote(PARAGRAPHS - 1, 'D');
    const row = list().getByRole('option', { name: new RegExp(last) });
    await expect.poll(() => row.getAttribute('aria-posinset')).toBe(String(COUNT));
    const id = await row.getAttribute('id');
    expect(await list().getAttribute('aria-activedescendant')).toBe(id);
    await expect.poll(() => placeInList(page, `#${id}`)).toBe('inside');
    expect(await row.getAttribute('class')).toContain('is-active');
    expect(await list().getByRole('option').count()).toBeLessThan(80);

    await page.keyboard.press('ArrowUp');
    const before = list().getByRole('option', { name: new RegExp(quote(PARAGRAPHS - 1, 'C')) });
    await expect.poll(() => list().getAttribute('aria-activedescendant')).toBe(await before.getAttribute('id'));
    await page.keyboard.press('Home');
    const first = list().getByRole('option', { name: new RegExp(quote(0, 'A')) });
    await expect.poll(async () => list().getAttribute('aria-activedescendant')).toBe(await first.getAttribute('id'));
    await expect.poll(async () => placeInList(page, `#${await first.getAttribute('id')}`)).toBe('inside');
  });

  it('scrolls the list to the row of a highlight selected in the reader, and shows its comments without scrolling the pane', async () => {
    const target = quote(321, 'B');
    // A reading this dense draws highlights around the screen only: scroll to the passage first, as a reader would.
    await page.evaluate((target) => {
      for (const p of document.querySelectorAll('.crux-reading > p')) if (p.textContent?.includes(target)) p.scrollIntoView({ block: 'center' });
    }, target);
    const idOnScreen = () =>
      page.evaluate((target) => {
        for (const span of document.querySelectorAll<HTMLElement>('.crux-reading .crux-hl')) if (span.textContent === target) return span.dataset.annotationId ?? null;
        return null;
      }, target);
    await expect.poll(idOnScreen).not.toBeNull();
    const id = await idOnScreen();
    await page.locator(`.crux-reading .crux-hl[data-annotation-id="${id}"]`).first().click();
    await expect.poll(() => placeInList(page, `#ann-${id}`)).toBe('inside');
    const row = page.locator(`#ann-${id}`);
    expect(await row.getAttribute('aria-selected')).toBe('true');
    expect(await row.locator('.ann-quote').textContent()).toBe(target);

    const pane = page.locator('#outline-pane');
    const comment = page.getByRole('textbox', { name: 'New comment' });
    await comment.waitFor();
    expect(await pane.evaluate((el) => el.scrollTop)).toBe(0);
    const box = await comment.boundingBox();
    const paneBox = await pane.boundingBox();
    expect(box && paneBox && box.y >= paneBox.y && box.y + box.height <= paneBox.y + paneBox.height).toBe(true);
    await comment.fill('Far down the list, and still in reach.');
    await page.getByRole('button', { name: 'Post' }).click();
    await expect.poll(() => row.locator('.ann-comment-count').textContent()).toBe('1 comment');
    await expect.poll(() => placeInList(page, `#ann-${id}`)).toBe('inside');
  });

  it('selects a row on click and narrows the list by search, counting what matches', async () => {
    const row = list().getByRole('option').nth(2);
    const id = await row.getAttribute('data-annotation-id');
    await row.click();
    await expect.poll(() => page.locator(`.crux-reading .crux-hl--selected[data-annotation-id="${id}"]`).count()).toBeGreaterThan(0);
    await page.getByRole('searchbox', { name: 'Search annotations' }).fill('Passage 42,');
    await expect.poll(() => page.locator('.ann-counts').textContent()).toMatch(new RegExp(`\\(of ${COUNT}\\)$`));
    expect(await list().getByRole('option').locator('.ann-quote').allTextContents()).toEqual(PARTS.map((p) => quote(42, p)));
    expect(await list().getByRole('option').first().getAttribute('aria-setsize')).toBe('4');
    await page.getByRole('searchbox', { name: 'Search annotations' }).fill('');
    await expect.poll(() => list().getByRole('option').first().getAttribute('aria-setsize')).toBe(String(COUNT));
  });
});
