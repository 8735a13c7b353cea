// Tagging the seed article: keyboard tags make highlights that keep their words through
// typing and a reload; a comment thread in the panel (reply, resolve, reopen); undo of
// the last tag; an over-long note refused with the model's message, changing nothing.
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { MAX_NOTE_LENGTH } from '../shared/model';
import { describeWithCorpus, seedPath } from '../shared/test-support/corpus';
import { launchBrowser, openApp, type TestBrowser } from './support/browser';
import { openThroughChooser } from './support/files';
import { caretAtParagraphStart, highlightTexts, selectWords } from './support/highlights';

describeWithCorpus('tagging passages of the seed article', () => {
  let browser: TestBrowser;
  let page: Page;
  let tagged: Record<string, string> = {};

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await openApp(browser, inject('webUrl'));
    // This machine is shared and often loaded: allow for slow steps, not for wrong ones.
    page.setDefaultTimeout(20_000);
    await openThroughChooser(page, seedPath);
    await page.locator('.crux-reading').waitFor({ timeout: 60_000 });
  });

  afterAll(async () => {
    await browser?.close();
  });

  /** Tags words of a paragraph with `key` and closes the popover; returns the selected text. */
  async function tag(paragraph: number, first: number, count: number, key: string): Promise<string> {
    const words = await selectWords(page, paragraph, first, count);
    await page.keyboard.press(key);
    const popover = page.getByRole('dialog', { name: 'Note, tags and links' });
    await popover.waitFor();
    await page.keyboard.press('Escape');
    await popover.waitFor({ state: 'detached' });
    return words;
  }

  it('tags three passages with Alt+1, Alt+2 and Alt+3, each highlighted by role', async () => {
    const words = [await tag(3, 2, 6, 'Alt+1'), await tag(5, 0, 4, 'Alt+2'), await tag(7, 5, 9, 'Alt+3')];
    tagged = await highlightTexts(page);
    expect(Object.values(tagged).sort()).toEqual([...words].sort());
    for (const role of ['evidence', 'claim', 'counter']) expect(await page.locator(`.crux-reading .crux-hl--${role}`).count()).toBeGreaterThan(0);
    const span = page.locator('.crux-reading .crux-hl').first();
    expect(await span.getAttribute('data-author')).toMatch(/\S/);
    expect(await span.getAttribute('title')).toMatch(/— Reader \d+$/);
    expect(await span.evaluate((el) => getComputedStyle(el).getPropertyValue('--author-colour').trim())).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('keeps every highlight on the same words after typing before them', async () => {
    // Typed text starting with a character no paragraph starts with: y-prosemirror
    // diffs a text edit by common prefix, so "In…" typed before "In…" would reuse the
    // old "I" and move the typed text inside (see the report on this branch).
    for (const paragraph of [3, 5, 7]) {
      await caretAtParagraphStart(page, paragraph);
      await page.keyboard.type('¶ added words ');
    }
    expect(await page.locator('.crux-reading').innerText()).toContain('¶ added words ');
    expect(await highlightTexts(page)).toEqual(tagged);
  });

  it('types inside a highlight in order, the typed text joining it, and one Ctrl+Z takes it out', async () => {
    const [id, words] = Object.entries(tagged)[0]!;
    // Past the undo manager's grouping window, so the earlier typing is a step of its own.
    await page.waitForTimeout(700);
    await page.evaluate((id) => {
      const span = document.querySelector(`.crux-reading .crux-hl[data-annotation-id="${id}"]`)!;
      const text = document.createTreeWalker(span, NodeFilter.SHOW_TEXT).nextNode()!;
      (span.closest('.crux-reading') as HTMLElement).focus();
      window.getSelection()!.collapse(text, 1);
    }, id);
    await page.keyboard.type('QZQ');
    await expect.poll(() => highlightTexts(page).then((t) => t[id])).toBe(`${words.slice(0, 1)}QZQ${words.slice(1)}`);
    await page.keyboard.press('Control+z');
    await expect.poll(() => highlightTexts(page)).toEqual(tagged);
    const text = await page.locator('.crux-reading').innerText();
    expect(text).not.toContain('QZQ');
    expect(text).toContain('¶ added words ');
  });

  it('shows the same highlights after a reload', async () => {
    // y-indexeddb writes on its own schedule; let it settle before reloading.
    await page.waitForTimeout(500);
    await page.reload();
    await page.locator('.crux-reading .crux-hl').first().waitFor();
    expect(await highlightTexts(page)).toEqual(tagged);
  });

  it('lists the annotations in the panel, and a comment thread there takes a reply, resolves and reopens', async () => {
    await page.getByRole('tab', { name: 'Annotations' }).click();
    const list = page.getByRole('listbox', { name: 'Annotations' });
    expect(await list.getByRole('option').count()).toBe(3);
    expect(await page.locator('.ann-counts').textContent()).toBe('1 evidence · 1 claim · 1 counter-argument');
    const [first] = Object.keys(tagged);
    await page.locator(`.ann-item[data-annotation-id="${first}"]`).click();
    expect(await page.locator(`.crux-reading .crux-hl--selected[data-annotation-id="${first}"]`).count()).toBeGreaterThan(0);

    await page.getByRole('textbox', { name: 'New comment' }).fill('Is this <b>really</b> evidence?');
    await page.getByRole('button', { name: 'Post' }).click();
    const thread = page.locator('.thread');
    await expect.poll(() => thread.locator('.comment-text').first().textContent()).toBe('Is this <b>really</b> evidence?');
    expect(await thread.locator('b').count()).toBe(0);
    await thread.getByRole('button', { name: 'Reply' }).click();
    await page.getByRole('textbox', { name: 'Reply' }).fill('It names its source.');
    await page.getByRole('textbox', { name: 'Reply' }).press('Control+Enter');
    await expect.poll(() => thread.locator('.comment-replies .comment-text').allTextContents()).toEqual(['It names its source.']);
    expect(await page.locator(`.ann-item[data-annotation-id="${first}"] .ann-comment-count`).textContent()).toBe('2 comments');

    await thread.getByRole('button', { name: 'Resolve' }).click();
    await expect.poll(() => thread.locator('.thread-status').textContent()).toMatch(/^Resolved by Reader \d+/);
    await thread.getByRole('button', { name: 'Reopen' }).click();
    await expect.poll(() => thread.locator('.thread-status').textContent()).toMatch(/^Open/);
  });

  it('moves through the list with the arrow keys and Enter selects in the reader', async () => {
    const list = page.getByRole('listbox', { name: 'Annotations' });
    await list.focus();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    const last = await list.getByRole('option').last().getAttribute('data-annotation-id');
    await expect.poll(() => page.locator(`.crux-reading .crux-hl--selected`).first().getAttribute('data-annotation-id')).toBe(last);
  });

  it('undoes my last tag with Ctrl+Z', async () => {
    await tag(9, 0, 3, 'Alt+1');
    expect(Object.keys(await highlightTexts(page))).toHaveLength(4);
    await page.locator('.crux-reading').focus();
    await page.keyboard.press('Control+z');
    await expect.poll(async () => highlightTexts(page)).toEqual(tagged);
  });

  it('refuses an over-long note with the model’s message and changes nothing', async () => {
    await selectWords(page, 11, 0, 3);
    await page.keyboard.press('Alt+2');
    const popover = page.getByRole('dialog', { name: 'Note, tags and links' });
    const note = popover.getByRole('textbox', { name: 'Note' });
    await note.fill('x'.repeat(MAX_NOTE_LENGTH + 1));
    await note.press('Enter');
    expect(await popover.getByRole('alert').textContent()).toBe(`updateAnnotation: note is too long (at most ${MAX_NOTE_LENGTH} characters)`);
    const id = await page.locator('.crux-reading .crux-hl--selected').first().getAttribute('data-annotation-id');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator(`.ann-item[data-annotation-id="${id}"]`).count()).toBe(1);
    expect(await page.locator(`.ann-item[data-annotation-id="${id}"] .ann-note`).count()).toBe(0);
  });
});
