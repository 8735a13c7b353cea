// The seed article opened through the UI reads as DESIGN.md §1 requires: front matter,
// section outline, whole paragraphs, rejoined words, real hyphens and footnote markers.
// Expectations come from the corpus file at run time.
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeWithCorpus, readSeed, seedPath } from '../shared/test-support/corpus';
import { launchBrowser, openApp, type TestBrowser } from './support/browser';
import { openThroughChooser } from './support/files';
import {
  brokenWords,
  expectedByline,
  expectedHeadings,
  expectedTitle,
  gluedWords,
  sinoSovietCount,
} from './support/seed-expectations';

describeWithCorpus('the seed article opened through the UI', () => {
  let browser: TestBrowser;
  let page: Page;
  let seed: string;
  let reading: string;

  beforeAll(async () => {
    seed = readSeed();
    browser = await launchBrowser();
    page = await openApp(browser, inject('webUrl'));
    await openThroughChooser(page, seedPath);
    // The first open in a fresh browser also loads the import worker and its dictionary.
    await page.locator('.crux-reading').waitFor({ timeout: 60_000 });
    reading = await page.locator('.crux-reading').innerText();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('shows the title and the byline as front matter', async () => {
    expect(await page.locator('h1.crux-title').allTextContents()).toEqual([expectedTitle(seed)]);
    const bylines = await page.locator('p.crux-byline').allTextContents();
    expect(bylines.join(' ').replace(/\s+/g, ' ').trim()).toBe(expectedByline(seed));
    expect(await page.locator('#doc-title').textContent()).toBe(expectedTitle(seed));
  });

  it('lists the title and every section heading in the outline', async () => {
    // The outline fills in right after the reading's first frame.
    await expect.poll(() => page.getByRole('navigation', { name: 'Sections' }).getByRole('link').allTextContents()).toEqual([expectedTitle(seed), ...expectedHeadings(seed)]);
    const headings = await page.locator('.crux-reading h2').allTextContents();
    expect(headings).toEqual(expectedHeadings(seed));
  });

  it('ends every paragraph at the end of a sentence, at a footnote, or where a block quote follows', async () => {
    const broken = await page.locator('.crux-reading').evaluate((root) => {
      const problems: string[] = [];
      for (const p of root.querySelectorAll('p:not(.crux-byline)')) {
        const text = (p.textContent ?? '').trim();
        // ProseMirror ends a paragraph whose last node is not text with a hidden <img><br> pair.
        let last = p.lastChild;
        while (last instanceof Element && last.matches('.ProseMirror-separator, .ProseMirror-trailingBreak')) last = last.previousSibling;
        const endsWithFootnote = last instanceof Element && last.matches('sup.crux-footnote');
        if (endsWithFootnote || /[.?!’'”)]$/.test(text)) continue;
        // A lead-in to a quotation ("…Mao said,") may end with ':' or ',' or a word.
        const block = p.parentElement === root ? p : p.closest('blockquote');
        const next = block?.nextElementSibling;
        if (next?.tagName === 'BLOCKQUOTE' && /[:,\p{L}]$/u.test(text)) continue;
        problems.push(`…${text.slice(-40)}`);
      }
      return problems;
    });
    expect(broken).toEqual([]);
  });

  it('rejoins a word hyphenated across a line end and keeps real hyphens', () => {
    const split = brokenWords(seed).find((w) => w.head === 'reconstruc');
    expect(split, 'the seed breaks "reconstruc-/tion" across lines').toBeDefined();
    // (Assertions on small values, so a failure never prints the whole article.)
    expect(reading.includes(split?.whole ?? '?'), `the reading has "${split?.whole}"`).toBe(true);
    expect(reading.match(/reconstruc-\s*tion/g) ?? []).toEqual([]);
    // No word anywhere is left as "half- half".
    expect(reading.match(/\p{L}+- \p{Ll}+/gu) ?? []).toEqual([]);
    const sino = sinoSovietCount(seed);
    expect(sino.acrossLines).toBeGreaterThan(0);
    expect(reading.match(/Sino-Soviet/g)?.length).toBe(sino.total);
    expect(reading.match(/SinoSoviet|Sino- Soviet/g) ?? []).toEqual([]);
  });

  it('splits words the extraction glued together', () => {
    const glued = gluedWords(seed);
    expect(glued.length).toBeGreaterThan(0);
    expect(glued.filter(({ glued: token }) => reading.includes(token))).toEqual([]);
  });

  it('shows footnote references as superscript markers', async () => {
    const labels = await page.locator('sup.crux-footnote').allTextContents();
    expect(labels.length).toBeGreaterThan(100);
    expect(labels.every((l) => /^\d+$/.test(l))).toBe(true);
  });
});
