// Issue 12, item 2: in a five-profile seminar each person is offered only what their role
// may do. The viewer finds no control that writes (no tag toolbar, no Add claim or link
// drawing, no comment box, reply or resolve, no name form), and keys that would write do
// nothing; a commenter gets the comment box but no tag toolbar and no map editing. Writes
// the server would refuse are never offered, so nothing is lost to a silent refusal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { selectWords } from './support/highlights';
import { hostTagsPassage, openSeminar, type Seminar } from './support/seminar';

/** Names of controls that change the seminar's document. */
const WRITING = /^(Add claim|Draw links|Post|Reply|Resolve|Reopen|Edit|Delete|Save|Re-attach|Restore.*|Name this version|Tag as .*)$/;

/** Visible, enabled controls of the page, by accessible name (or text), and any editable text. */
function visibleControls(page: Page) {
  return page.evaluate(() => {
    const shown = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    };
    const buttons = [...document.querySelectorAll<HTMLButtonElement>('button, [role="menuitem"]')]
      .filter((b) => shown(b) && !b.disabled)
      .map((b) => (b.getAttribute('aria-label') ?? b.textContent ?? '').trim());
    const editable = [...document.querySelectorAll<HTMLElement>('textarea, [contenteditable="true"], input:not([type="search"]):not([type="checkbox"])')]
      .filter((el) => shown(el) && !(el as HTMLInputElement).disabled && !(el as HTMLInputElement).readOnly)
      .map((el) => el.getAttribute('aria-label') ?? el.className);
    return { buttons, editable };
  });
}

async function openThread(page: Page, id: string): Promise<void> {
  await page.getByRole('tab', { name: 'Annotations' }).click();
  await page.locator(`.crux-reading .crux-hl[data-annotation-id~="${id}"]`).first().click();
  await page.locator('.thread .comment-text').first().waitFor();
}

describe('each role is offered only what it may do', () => {
  let seminar: Seminar;
  let id: string;

  beforeAll(async () => {
    seminar = await openSeminar();
    const { host } = seminar;
    id = await hostTagsPassage(seminar, 0, 2, 4);
    await host.page.getByRole('tab', { name: 'Annotations' }).click();
    await host.page.locator(`.crux-reading .crux-hl[data-annotation-id~="${id}"]`).first().click();
    await host.page.getByRole('textbox', { name: 'New comment' }).fill('Which breakwater?');
    await host.page.getByRole('button', { name: 'Post' }).click();
    for (const member of seminar.members) {
      await member.page.locator(`.crux-margin-marker[data-annotation-id="${id}"]`).waitFor({ timeout: 20_000 });
    }
  });

  afterAll(async () => {
    await seminar?.close();
  });

  it('shows the viewer no control that writes, with the thread open and text selected', async () => {
    const { page } = seminar.viewer;
    await openThread(page, id);
    expect(await page.locator('.thread-read-only').innerText()).toBe('Your link lets you read the comments, not add to them.');
    await selectWords(page, 1, 1, 3);
    const { buttons, editable } = await visibleControls(page);
    expect(buttons.filter((name) => WRITING.test(name))).toEqual([]);
    expect(editable).toEqual([]);
    expect(await page.locator('.crux-tagbar').isHidden()).toBe(true);
    expect(await page.locator('.person-button').isHidden()).toBe(true);
    // The controls a reader needs are still there.
    expect(buttons).toEqual(expect.arrayContaining(['Find', 'Export…', 'Fit', 'Export SVG']));
  });

  it('lets none of the viewer’s keys write: tagging, typing and deleting in the map change nothing anywhere', async () => {
    const { page } = seminar.viewer;
    const before = await page.locator('.crux-reading').innerText();
    await selectWords(page, 1, 1, 3);
    await page.keyboard.press('Alt+1');
    await page.keyboard.type('scribble');
    await page.locator('.map-graph').focus();
    await page.keyboard.press('Delete');
    await page.keyboard.press('c');
    // The host, who sees every accepted write, still has one passage and its reading.
    await page.waitForTimeout(500);
    expect(await seminar.host.page.locator('.crux-reading .crux-hl').evaluateAll((spans) => new Set(spans.flatMap((s) => (s.getAttribute('data-annotation-id') ?? '').split(' '))).size)).toBe(1);
    expect(await seminar.host.page.locator('.crux-reading').innerText()).toBe(before);
    expect(await page.locator('.crux-reading').innerText()).toBe(before);
    expect(await page.locator('.crux-reading .crux-hl').count()).toBeGreaterThan(0);
    expect(await page.locator('.sync-status').innerText()).toBe('Connected');
  });

  it('gives a commenter the comment box but no tag toolbar and no map editing', async () => {
    const { page } = seminar.commenters[0];
    await openThread(page, id);
    expect(await page.getByRole('textbox', { name: 'New comment' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Reply' }).isVisible()).toBe(true);
    await selectWords(page, 1, 1, 3);
    const { buttons } = await visibleControls(page);
    expect(buttons.filter((name) => /^(Add claim|Draw links|Tag as .*)$/.test(name))).toEqual([]);
    expect(await page.locator('.crux-tagbar').isHidden()).toBe(true);
  });

  it('still gives the editor every control', async () => {
    const { page } = seminar.editor;
    await selectWords(page, 1, 1, 3);
    await expect.poll(() => page.locator('.crux-tagbar').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Add claim' }).isVisible()).toBe(true);
    await openThread(page, id);
    expect(await page.getByRole('textbox', { name: 'New comment' }).isVisible()).toBe(true);
  });
});
