// History in real Chromium with two participants (browser mode, separate profiles): the
// host tags passages and links one to a hub, names a version, changes things, opens the
// version read-only beside the reading and sees the old state, restores it, and the
// guest receives the restored state. Then undo takes the restore back, and a viewer can
// view versions but not name or restore them.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { launchBrowser, openApp, type TestBrowser } from './support/browser';
import { openThroughChooser, sampleReading, waitForReading } from './support/files';
import { selectWords } from './support/highlights';
import { answerNamePrompt } from './support/seminar';

const CURRENT = '#reader-scroll .crux-reading';
const VERSION = '.version-pane .crux-reading';

async function createLink(page: Page, role: 'editor' | 'viewer'): Promise<string> {
  await page.getByRole('button', { name: 'Host seminar' }).click();
  const dialog = page.getByRole('dialog', { name: 'Host seminar' });
  await dialog.getByLabel('Role of the new link').selectOption(role);
  await dialog.getByRole('button', { name: 'Create link' }).click();
  await page.waitForFunction(() => (document.querySelector<HTMLInputElement>('.host-dialog .join-link')?.value ?? '') !== '');
  const link = await dialog.getByLabel('Join link').inputValue();
  await dialog.getByRole('button', { name: 'Close' }).click();
  return link;
}

/** The text of a reading, block by block, without other people's carets. */
function blocks(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const root = document.querySelector(sel);
    if (!root) return [];
    const copy = root.cloneNode(true) as HTMLElement;
    for (const caret of copy.querySelectorAll('.crux-caret')) caret.remove();
    return [...copy.children].map((block) => block.textContent ?? '');
  }, selector);
}

/** The text each highlight of a reading covers, by role, in document order. */
function highlights(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const out = new Map<string, string>();
    for (const span of document.querySelectorAll<HTMLElement>(`${sel} .crux-hl`)) {
      const id = span.dataset.annotationId!;
      if (span.parentElement?.closest(`[data-annotation-id="${CSS.escape(id)}"]`)) continue;
      const role = [...span.classList].find((c) => /^crux-hl--(evidence|claim|counter)$/.test(c))!.slice('crux-hl--'.length);
      out.set(id, `${role}: ${(out.get(id)?.replace(/^\w+: /, '') ?? '') + (span.textContent ?? '')}`);
    }
    return [...out.values()];
  }, selector);
}

function historyDialog(page: Page): Locator {
  return page.getByRole('dialog', { name: 'History' });
}

async function openHistory(page: Page): Promise<Locator> {
  await page.keyboard.press('Control+Shift+H');
  const dialog = historyDialog(page);
  await dialog.waitFor();
  return dialog;
}

describe('history', () => {
  const browsers: TestBrowser[] = [];
  let host: Page;
  let guest: Page;
  let versionText: string[];
  let versionHighlights: string[];
  let evidenceQuote: string;

  beforeAll(async () => {
    const [a, b] = await Promise.all([launchBrowser(), launchBrowser()]);
    browsers.push(a, b);
    host = await openApp(a, inject('webUrl'));
    await openThroughChooser(host, sampleReading());
    await host.locator('.crux-reading', { hasText: 'breakwater' }).waitFor({ timeout: 60_000 });
    await host.locator('.sync-status').filter({ hasText: 'Connected' }).waitFor();
    guest = await openApp(b, await createLink(host, 'editor'));
    await waitForReading(guest, 'breakwater');
    await answerNamePrompt(guest);
  });

  afterAll(async () => {
    for (const browser of browsers) await browser.close();
  });

  it('names a version of tagged and linked passages, with a clear message for a bad name', async () => {
    evidenceQuote = await selectWords(host, 1, 0, 5);
    await host.keyboard.press('Alt+1');
    const popover = host.getByRole('dialog', { name: 'Note, tags and links' });
    await popover.getByLabel('Bears on Realist').selectOption('supports');
    await popover.getByLabel('Note').press('Enter');
    await selectWords(host, 2, 0, 4);
    await host.keyboard.press('Alt+2');
    await host.keyboard.press('Escape');
    await expect.poll(() => highlights(host, CURRENT)).toHaveLength(2);
    versionText = await blocks(host, CURRENT);
    versionHighlights = await highlights(host, CURRENT);
    expect(versionHighlights[0]).toBe(`evidence: ${evidenceQuote}`);

    const dialog = await openHistory(host);
    expect(await dialog.getByText('No versions yet.', { exact: false }).isVisible()).toBe(true);
    const name = dialog.getByLabel('Name this version…');
    await dialog.getByRole('button', { name: 'Name this version' }).click();
    expect(await dialog.getByRole('alert').innerText()).toBe('The version name must not be empty.');
    await name.fill('x'.repeat(121));
    await name.press('Enter');
    expect(await dialog.getByRole('alert').innerText()).toBe('The version name is too long (at most 120 characters).');
    await name.fill('Before the seminar');
    await name.press('Enter');
    const items = dialog.getByRole('list', { name: 'Versions' }).getByRole('listitem');
    await expect.poll(() => items.count()).toBe(1);
    expect(await items.first().innerText()).toMatch(/Before the seminar[\s\S]*Reader \d · just now/);
    expect(await dialog.getByRole('alert').innerText()).toBe('');
    await dialog.getByRole('button', { name: 'Close' }).click();

    // The guest's list shows it too.
    const theirs = await openHistory(guest);
    await theirs.getByRole('listitem').filter({ hasText: 'Before the seminar' }).waitFor({ timeout: 20_000 });
    await theirs.getByRole('button', { name: 'Close' }).click();
  });

  it('opens the version read-only beside the changed reading, with its highlights', async () => {
    // Change things: the tagged sentence is deleted, a word typed, a counter-argument tagged.
    await selectWords(host, 1, 0, 5);
    await host.keyboard.press('Backspace');
    await host.locator(`${CURRENT} p`).last().click();
    await host.keyboard.press('End');
    await host.keyboard.type(' Written after the version.');
    await selectWords(host, 0, 0, 3);
    await host.keyboard.press('Alt+3');
    await host.keyboard.press('Escape');
    await guest.waitForFunction((sel) => document.querySelector(sel)?.textContent?.includes('Written after the version.'), CURRENT);
    expect(await blocks(host, CURRENT)).not.toEqual(versionText);

    const dialog = await openHistory(host);
    await dialog.getByRole('button', { name: 'View version “Before the seminar”' }).click();
    const pane = host.getByRole('region', { name: 'Version “Before the seminar” — read only' });
    await pane.waitFor();
    expect(await pane.locator('.version-details').innerText()).toMatch(/^Named by Reader \d, .+ · 2 annotations, 1 link$/);
    expect(await blocks(host, VERSION)).toEqual(versionText);
    expect(await highlights(host, VERSION)).toEqual(versionHighlights);
    const old = host.locator(VERSION);
    expect(await old.getAttribute('contenteditable')).toBe('false');
    await old.locator('p').first().click();
    await host.keyboard.type('nope');
    expect(await blocks(host, VERSION)).toEqual(versionText);
    // The current reading is still the changed one, beside it.
    expect((await blocks(host, CURRENT)).join('\n')).toContain('Written after the version.');
    const [current, version] = await Promise.all([host.locator('#reader-scroll').boundingBox(), pane.boundingBox()]);
    expect(version!.x).toBeGreaterThanOrEqual(current!.x + current!.width - 1);
    await pane.getByRole('button', { name: 'Close version' }).click();
    expect(await pane.isHidden()).toBe(true);
  });

  it('restores the version after a confirmation, and the other participant receives it', async () => {
    const dialog = await openHistory(host);
    await dialog.getByRole('button', { name: 'Restore version “Before the seminar”…' }).click();
    const confirm = host.getByRole('dialog', { name: 'Restore “Before the seminar”?' });
    expect(await confirm.innerText()).toContain('Everyone working on this project receives the change.');
    await confirm.getByRole('button', { name: 'Restore', exact: true }).click();
    expect(await dialog.isHidden()).toBe(true);

    for (const page of [host, guest]) {
      await expect.poll(() => blocks(page, CURRENT), { timeout: 20_000 }).toEqual(versionText);
      await expect.poll(() => highlights(page, CURRENT), { timeout: 20_000 }).toEqual(versionHighlights);
    }
    // The version list is not rolled back.
    const theirs = await openHistory(guest);
    expect(await theirs.getByRole('listitem').count()).toBe(1);
    await theirs.getByRole('button', { name: 'Close' }).click();
  });

  it('takes the restore back in one undo step, for everyone', async () => {
    await host.locator(`${CURRENT} p`).first().click();
    await host.keyboard.press('Control+z');
    for (const page of [host, guest]) {
      await page.waitForFunction((sel) => document.querySelector(sel)?.textContent?.includes('Written after the version.'), CURRENT, { timeout: 20_000 });
    }
    expect((await blocks(guest, CURRENT)).join('\n')).not.toContain(evidenceQuote);
  });

  it('lets a viewer see and view versions, but not name or restore them, and says why', async () => {
    const viewerBrowser = await launchBrowser();
    browsers.push(viewerBrowser);
    const viewer = await openApp(viewerBrowser, await createLink(host, 'viewer'));
    await waitForReading(viewer, 'breakwater');
    await answerNamePrompt(viewer);
    await viewer.getByRole('button', { name: 'History' }).click();
    const dialog = historyDialog(viewer);
    expect(await dialog.getByText('Your link lets you read: you can view versions, not name or restore them.').isVisible()).toBe(true);
    // Never theirs to use, so not offered at all.
    expect(await dialog.getByLabel('Name this version…').isHidden()).toBe(true);
    expect(await dialog.getByRole('button', { name: 'Restore version “Before the seminar”…' }).count()).toBe(0);
    await dialog.getByRole('button', { name: 'View version “Before the seminar”' }).click();
    await expect.poll(() => blocks(viewer, VERSION)).toEqual(versionText);
  });
});
