// A seminar's reading with hundreds of annotations, in browser mode on the seed: 600
// passages come in through "Import annotations…" (W3C JSON made from the reading's own
// words at run time); the reading then draws only the highlights around the screen, and
// scrolling to its end or back to its start shows every highlight there.
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeWithCorpus, seedPath } from '../shared/test-support/corpus';
import { launchBrowser, openApp, type TestBrowser } from './support/browser';
import { importAnnotationsThroughChooser, openThroughChooser } from './support/files';
import { DENSE_HIGHLIGHTS } from '../renderer/editor/highlights/highlight-plugin';

const COUNT = 600;

/** Quotes of COUNT passages spread over the reading's blocks, with their context, in reading order. */
function passages(page: Page): Promise<{ exact: string; prefix: string; suffix: string; block: number }[]> {
  return page.evaluate((count) => {
    const blocks = [...document.querySelectorAll<HTMLElement>('.crux-reading > p')].map((p) => p.textContent ?? '').filter((t) => t.split(' ').length > 30);
    const out: { exact: string; prefix: string; suffix: string; block: number }[] = [];
    const words = blocks.map((text) => [...text.matchAll(/\S+/g)].map((m) => m.index));
    for (let k = 0; k < count; k++) {
      // Passage k in block k·B/count, at its share of that block's words.
      const block = Math.floor((k * blocks.length) / count);
      const first = Math.ceil((block * count) / blocks.length);
      const share = Math.ceil(((block + 1) * count) / blocks.length) - first;
      const text = blocks[block]!;
      const starts = words[block]!;
      const i = Math.floor(((k - first + 0.5) * (starts.length - 2)) / share);
      const start = starts[i]!;
      const end = starts[i + 2]! - 1;
      out.push({ exact: text.slice(start, end), prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32), block });
    }
    return out;
  }, COUNT);
}

/** The annotation ids whose highlights are in the page now (only those on screen, with `onScreen`). */
function drawnIds(page: Page, onScreen = false): Promise<Set<string>> {
  return page
    .evaluate(
      (onScreen) =>
        [...document.querySelectorAll<HTMLElement>('.crux-reading .crux-hl')]
          .filter((s) => !onScreen || (s.getBoundingClientRect().bottom > 0 && s.getBoundingClientRect().top < window.innerHeight))
          .flatMap((s) => (s.dataset.annotationIds ?? '').split(' ')),
      onScreen,
    )
    .then((ids) => new Set(ids));
}

describeWithCorpus('a reading with hundreds of annotations', () => {
  let browser: TestBrowser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await openApp(browser, inject('webUrl'));
    page.setDefaultTimeout(30_000);
    await openThroughChooser(page, seedPath);
    await page.locator('.crux-reading').waitFor({ timeout: 60_000 });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('takes 600 imported passages and draws only those around the screen', async () => {
    const quotes = await passages(page);
    expect(quotes).toHaveLength(COUNT);
    const json = JSON.stringify(
      quotes.map((q, i) => ({
        id: `urn:x-test:${i}`,
        type: 'Annotation',
        motivation: 'tagging',
        body: [{ type: 'TextualBody', purpose: 'tagging', value: ['evidence', 'claim', 'counter'][i % 3] }],
        target: { source: 'urn:x-test:seed', selector: [{ type: 'TextQuoteSelector', ...q }] },
      })),
    );
    await importAnnotationsThroughChooser(page, { name: 'seminar.json', mimeType: 'application/json', buffer: Buffer.from(json) });
    // A quote that runs into a footnote mark can be placed less surely; the rest land as they are.
    await expect.poll(() => page.locator('.notice-info').first().textContent()).toMatch(/Imported seminar\.json: \d+ anchored/);
    const anchored = Number((await page.locator('.notice-info').first().textContent())!.match(/(\d+) anchored/)![1]);
    expect(anchored).toBeGreaterThan(DENSE_HIGHLIGHTS);
    const triage = page.getByRole('dialog', { name: 'Imported annotations from seminar.json' });
    if (await triage.count()) await triage.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => page.locator('.crux-reading').getAttribute('class')).toContain('crux-reading--dense');
    await page.locator('#reader-scroll').evaluate((el) => (el.scrollTop = 0));
    await expect.poll(async () => (await drawnIds(page)).size).toBeGreaterThan(0);
    const top = await drawnIds(page);
    expect(top.size, 'fewer highlights in the page than annotations').toBeLessThan(anchored / 2);
  });

  it('shows the highlights at the end when scrolled there, and those at the start again when scrolled back', async () => {
    const top = await drawnIds(page, true);
    expect(top.size).toBeGreaterThan(0);
    const scroller = page.locator('#reader-scroll');
    await scroller.evaluate((el) => (el.scrollTop = el.scrollHeight));
    // Every paragraph on screen that had passages imported shows its highlights.
    const onScreenHighlighted = () =>
      page.evaluate(() => {
        const shown = [...document.querySelectorAll('.crux-reading > p')].filter((p) => {
          const r = p.getBoundingClientRect();
          return r.bottom > 0 && r.top < window.innerHeight && (p.textContent ?? '').split(' ').length > 30;
        });
        return shown.length > 0 && shown.every((p) => p.querySelector('.crux-hl') !== null);
      });
    await expect.poll(onScreenHighlighted).toBe(true);
    const bottom = await drawnIds(page);
    expect([...bottom].some((id) => top.has(id)), 'the highlights of the start are gone from the page').toBe(false);
    await scroller.evaluate((el) => (el.scrollTop = 0));
    await expect.poll(async () => [...(await drawnIds(page, true))].sort()).toEqual([...top].sort());
    expect(await onScreenHighlighted()).toBe(true);
  });
});
