// Issue 12, item 2: in a five-profile seminar each person is offered only what their role
// may do. The viewer finds no control that writes (no tag toolbar, no Add claim or link
// drawing, no comment box, reply or resolve, no name form), and keys that would write do
// nothing; a commenter gets the comment box but no tag toolbar and no map editing. Writes
// the server would refuse are never offered, so nothing is lost to a silent refusal.
// A write forced past the UI (a change stored in the local copy, as a tampered or outdated
// client would send) is refused by the server, rolled back with a message, gone after a
// reload, and never reaches the host; the status never says Connected meanwhile.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { articleText, createAnchor } from '../shared/anchoring';
import { addAnnotation, addComment } from '../shared/model';
import { parseJoinLink } from '../shared/sync/join-link';
import { forceLocalWrite, recordStatus, statusHistory } from './support/forced-write';
import { selectWords } from './support/highlights';
import { hostTagsPassage, openSeminar, type Seminar } from './support/seminar';

/** Names of controls that change the seminar's document. */
const WRITING = /^(Add claim|Draw links|Post|Reply|Resolve|Reopen|Edit|Delete|Save|Re-attach|Restore.*|Name this version|Tag as .*|Import annotations…)$/;

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

/** Texts of the comments the side panel shows for the open thread. */
function commentTexts(page: Page): Promise<string[]> {
  return page.locator('.thread .comment-text').allInnerTexts();
}

/** Ids of the annotations the page's reading highlights. */
function highlightIds(page: Page): Promise<string[]> {
  return page
    .locator('.crux-reading .crux-hl')
    .evaluateAll((spans) => [...new Set(spans.flatMap((s) => (s.getAttribute('data-annotation-ids') ?? '').split(' ').filter(Boolean)))].sort());
}

const REFUSED = 'Change refused — restoring the seminar’s copy…';

/** Waits until `page` says a write was refused, has rolled back and is connected again; returns the status texts shown. */
async function rolledBack(page: Page): Promise<string[]> {
  await page.locator('.notice-alert').filter({ hasText: 'Your link does not allow that change' }).waitFor({ timeout: 30_000 });
  await page.locator('.sync-status[data-state="connected"]').waitFor({ timeout: 30_000 });
  return statusHistory(page);
}

/** Whether "Connected" was never shown before the refusal (the refused write was unaccepted all along). */
function neverConnectedBeforeRefusal(history: string[]): boolean {
  const refusedAt = history.indexOf(REFUSED);
  return refusedAt >= 0 && !history.slice(0, refusedAt).includes('Connected');
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

  it('offers the viewer and the commenter History to view versions, with no naming, restoring or importing even disabled', async () => {
    await seminar.host.page.getByRole('button', { name: 'History' }).click();
    const hostDialog = seminar.host.page.locator('dialog.history-dialog');
    await hostDialog.getByLabel('Name this version…').fill('Before the comments');
    await hostDialog.getByRole('button', { name: 'Name this version' }).click();
    await hostDialog.getByRole('button', { name: 'Close' }).click();
    for (const { page } of [seminar.viewer, seminar.commenters[0]]) {
      await page.getByRole('button', { name: 'History' }).click();
      const dialog = page.locator('dialog.history-dialog');
      await dialog.getByRole('button', { name: 'View version “Before the comments”' }).waitFor({ timeout: 20_000 });
      const offered = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('button, input, textarea')]
          .filter((el) => el.getClientRects().length > 0)
          .map((el) => (el.getAttribute('aria-label') ?? el.textContent ?? '').trim()),
      );
      expect(offered.filter((name) => /^(Name this version|Restore.*|Import annotations…)$/.test(name))).toEqual([]);
      await dialog.getByRole('button', { name: 'Close' }).click();
    }
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

  it('rolls back a comment the viewer forced past the UI, says why, and keeps it from the host', async () => {
    const { page, link } = seminar.viewer;
    const { project } = parseJoinLink(link);
    await recordStatus(page);
    await forceLocalWrite(page, project, (doc, { personId, origin }) => addComment(doc, { target: id, author: personId, text: 'Forced by the viewer' }, origin));
    await page.reload();
    const history = await rolledBack(page);
    expect(history).toContain(REFUSED);
    expect(neverConnectedBeforeRefusal(history)).toBe(true);
    expect(await page.locator('.notice-alert').innerText()).toContain('the server said: viewers cannot change the document');
    await openThread(page, id);
    expect(await commentTexts(page)).toEqual(['Which breakwater?']);

    // The local copy was dropped too: a reload brings back neither the comment nor the refusal.
    await page.reload();
    await page.locator('.sync-status[data-state="connected"]').waitFor({ timeout: 30_000 });
    await openThread(page, id);
    expect(await commentTexts(page)).toEqual(['Which breakwater?']);
    expect(await statusHistory(page)).not.toContain(REFUSED);
    expect(await page.locator('.notice-alert').innerText()).toBe('');

    await openThread(seminar.host.page, id);
    expect(await commentTexts(seminar.host.page)).toEqual(['Which breakwater?']);
  });

  it('rolls back a passage a commenter forced past the UI, and the commenter can still comment', async () => {
    const { page, link } = seminar.commenters[1];
    const { project } = parseJoinLink(link);
    await recordStatus(page);
    await forceLocalWrite(page, project, (doc, { personId, origin }) => {
      const text = articleText(doc).text;
      const start = text.indexOf('breakwater');
      addAnnotation(doc, { role: 'claim', anchor: createAnchor(doc, { start, end: start + 'breakwater'.length }), author: personId }, origin);
    });
    await page.reload();
    const history = await rolledBack(page);
    expect(neverConnectedBeforeRefusal(history)).toBe(true);
    expect(await page.locator('.notice-alert').innerText()).toContain('commenters may only change comments');
    await expect.poll(() => highlightIds(page)).toEqual([id]);

    // What a commenter may do still reaches everyone after the rollback.
    await openThread(page, id);
    await page.getByRole('textbox', { name: 'New comment' }).fill('Still here after the refusal');
    await page.getByRole('button', { name: 'Post' }).click();
    await openThread(seminar.host.page, id);
    await expect.poll(() => commentTexts(seminar.host.page)).toEqual(['Which breakwater?', 'Still here after the refusal']);
    expect(await highlightIds(seminar.host.page)).toEqual([id]);

    await page.reload();
    await page.locator('.sync-status[data-state="connected"]').waitFor({ timeout: 30_000 });
    expect(await highlightIds(page)).toEqual([id]);
  });
});
