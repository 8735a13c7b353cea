// Issue 12, item 6: margin markers in a five-profile seminar. The host tags a passage; a
// commenter comments on it, and every one of the five (the viewer too) sees a marker with
// the count appear in the margin beside the passage; a second commenter's comment raises
// the count live; choosing the marker (mouse or keyboard) opens the passage's thread.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hostTagsPassage, openSeminar, type Seminar } from './support/seminar';

/** Where the marker of `id` is against its passage's first highlight span and the reading column. */
function markerPlace(page: Page, id: string) {
  return page.evaluate((id) => {
    const marker = document.querySelector<HTMLElement>(`.crux-margin-marker[data-annotation-id="${id}"]`);
    const span = document.querySelector<HTMLElement>(`.crux-reading .crux-hl[data-annotation-id~="${id}"]`);
    const reading = document.querySelector<HTMLElement>('.crux-reading');
    if (!marker || !span || !reading) return null;
    const m = marker.getBoundingClientRect();
    const s = span.getBoundingClientRect();
    const r = reading.getBoundingClientRect();
    return { count: marker.textContent, besideLine: Math.abs(m.top + m.height / 2 - (s.top + s.height / 2)) < s.height, inMargin: m.left >= r.right && m.right <= innerWidth };
  }, id);
}

async function comment(page: Page, id: string, text: string): Promise<void> {
  await page.getByRole('tab', { name: 'Annotations' }).click();
  await page.locator(`.crux-reading .crux-hl[data-annotation-id~="${id}"]`).first().click();
  const box = page.getByRole('textbox', { name: 'New comment' });
  await box.fill(text);
  await page.getByRole('button', { name: 'Post' }).click();
  await expect.poll(() => page.locator('.thread .comment-text').allTextContents()).toContain(text);
}

describe('margin markers beside commented passages', () => {
  let seminar: Seminar;
  let id: string;

  beforeAll(async () => {
    seminar = await openSeminar();
    id = await hostTagsPassage(seminar, 0, 2, 4);
  });

  afterAll(async () => {
    await seminar?.close();
  });

  it('shows no marker beside a passage nobody has commented on', async () => {
    for (const member of seminar.members) expect(await member.page.locator('.crux-margin-marker').count(), member.seat).toBe(0);
  });

  it('shows everyone a marker beside the passage when a commenter comments on it', async () => {
    await comment(seminar.commenters[0].page, id, 'Which harbour is this?');
    for (const member of seminar.members) {
      await expect.poll(() => markerPlace(member.page, id), { message: `${member.seat}'s marker` }).toEqual({ count: '1', besideLine: true, inMargin: true });
      expect(await member.page.locator(`.crux-margin-marker[data-annotation-id="${id}"]`).getAttribute('aria-label')).toMatch(/^1 comment on “/);
    }
  });

  it('raises the count live when a second commenter comments', async () => {
    await comment(seminar.commenters[1].page, id, 'The one on the island, I think.');
    for (const member of seminar.members) {
      await expect.poll(() => member.page.locator(`.crux-margin-marker[data-annotation-id="${id}"]`).textContent(), { message: member.seat }).toBe('2');
    }
  });

  it('opens the thread when the viewer clicks the marker', async () => {
    const { page } = seminar.viewer;
    await page.getByRole('tab', { name: 'Outline' }).click();
    await page.locator(`.crux-margin-marker[data-annotation-id="${id}"]`).click();
    expect(await page.getByRole('tab', { name: 'Annotations' }).getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => page.locator('.thread .comment-text').allTextContents()).toEqual(['Which harbour is this?', 'The one on the island, I think.']);
  });

  it('opens the thread from the keyboard too, for the host', async () => {
    const { page } = seminar.host;
    await page.getByRole('button', { name: 'Hide outline' }).click();
    await page.locator(`.crux-margin-marker[data-annotation-id="${id}"]`).focus();
    await page.keyboard.press('Enter');
    await page.locator('#outline-pane').waitFor();
    expect(await page.getByRole('tab', { name: 'Annotations' }).getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => page.locator('.thread .comment-text').allTextContents()).toEqual(['Which harbour is this?', 'The one on the island, I think.']);
  });
});
