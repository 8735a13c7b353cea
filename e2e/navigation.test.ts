// Moving around the seed article: the outline scrolls the reader to a heading and marks
// the section being read; find (Ctrl+F) highlights and counts matches and steps through them.
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeWithCorpus, readSeed, seedPath } from '../shared/test-support/corpus';
import { launchBrowser, openApp, type TestBrowser } from './support/browser';
import { openThroughChooser } from './support/files';
import { expectedHeadings, occurrences } from './support/seed-expectations';

describeWithCorpus('moving around the seed article', () => {
  let browser: TestBrowser;
  let page: Page;
  let seed: string;

  beforeAll(async () => {
    seed = readSeed();
    browser = await launchBrowser();
    page = await openApp(browser, inject('webUrl'));
    await openThroughChooser(page, seedPath);
    await page.locator('.crux-reading').waitFor();
    // The outline fills in right after the reading's first frame.
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link').first().waitFor();
  });

  afterAll(async () => {
    await browser?.close();
  });

  /** The outline's link to `heading`, failing at once (not after a timeout) if there is none. */
  const outlineLink = async (heading: string) => {
    const nav = page.getByRole('navigation', { name: 'Sections' });
    expect(await nav.getByRole('link').allTextContents(), 'the outline lists the heading').toContain(heading);
    return nav.getByRole('link', { name: heading, exact: true });
  };

  /** Where the top of an element is, in pixels below the top of the reader's scroll area. */
  const offsetInReader = (selector: string) =>
    page.evaluate((sel) => {
      const el = document.querySelector(sel);
      const scroller = document.getElementById('reader-scroll');
      if (!el || !scroller) return null;
      return el.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
    }, selector);

  it('finds a word case-insensitively, counts the matches and steps through them', async () => {
    const word = 'Khrushchev';
    const total = occurrences(seed, word);
    await page.keyboard.press('Control+f');
    const input = page.getByRole('searchbox', { name: 'Find in text' });
    expect(await input.evaluate((el) => el === document.activeElement)).toBe(true);
    await input.fill(word.toLowerCase());
    const count = page.locator('#find-count');
    await expect.poll(() => count.textContent()).toBe(`1 of ${total}`);
    expect(await page.locator('.crux-reading .ProseMirror-search-match, .crux-reading .ProseMirror-active-search-match').count()).toBe(total);
    await input.press('Enter');
    expect(await count.textContent()).toBe(`2 of ${total}`);
    await input.press('Shift+Enter');
    expect(await count.textContent()).toBe(`1 of ${total}`);
    await input.press('Shift+Enter');
    expect(await count.textContent()).toBe(`${total} of ${total}`);
    await page.keyboard.press('F3');
    expect(await count.textContent()).toBe(`1 of ${total}`);
    const active = await offsetInReader('.ProseMirror-active-search-match');
    expect(active).not.toBeNull();
    await input.fill('zzqxj');
    await expect.poll(() => count.textContent()).toBe('No matches');
    await input.fill(word);
    await input.press('Escape');
    expect(await page.getByRole('search', { name: 'Find in text' }).isHidden()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('crux-reading'))).toBe(true);
    expect(await page.locator('.ProseMirror-search-match').count()).toBe(0);
  });

  it('scrolls to a heading chosen in the outline and moves the caret there', async () => {
    const headings = sectionHeadings(seed);
    const link = await outlineLink(headings[headings.length - 1] as string);
    const id = (await link.getAttribute('href'))?.slice(1) ?? '';
    await link.click();
    const top = await offsetInReader(`[id="${id}"]`);
    expect(top).not.toBeNull();
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(80);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('crux-reading'))).toBe(true);
    await expect.poll(() => link.getAttribute('aria-current')).toBe('location');
  });

  it('marks the section being read while the reader scrolls', async () => {
    const nav = page.getByRole('navigation', { name: 'Sections' });
    const second = sectionHeadings(seed)[1];
    const id = (await (await outlineLink(second)).getAttribute('href'))?.slice(1) ?? '';
    await page.evaluate((target) => {
      const scroller = document.getElementById('reader-scroll');
      const el = document.getElementById(target);
      if (scroller && el) scroller.scrollTop += el.getBoundingClientRect().top - scroller.getBoundingClientRect().top + 200;
    }, id);
    await expect.poll(() => nav.locator('[aria-current="location"]').textContent()).toBe(second);
    await page.evaluate(() => document.getElementById('reader-scroll')?.scrollTo(0, 0));
    await expect.poll(() => nav.locator('[aria-current="location"]').textContent()).toBe(await page.locator('h1.crux-title').textContent());
  });

  it('reaches the outline with the keyboard and follows a link with Enter', async () => {
    const link = await outlineLink(sectionHeadings(seed)[0]);
    await link.focus();
    await page.keyboard.press('Enter');
    const id = (await link.getAttribute('href'))?.slice(1) ?? '';
    const top = await offsetInReader(`[id="${id}"]`);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(80);
  });
});

/** The seed's section headings; the tests below need at least two. */
function sectionHeadings(seed: string): [string, string, ...string[]] {
  const list = expectedHeadings(seed);
  if (list.length < 2) throw new Error('the seed should have several section headings');
  return list as [string, string, ...string[]];
}
