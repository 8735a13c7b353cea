// Issue 11 item 1 in real Chromium: a viewer with a hand-made client publishes presence
// whose "colour" is CSS meant to cover the host's screen. The host's layout does not
// change: the reader is still what sits in the middle of the window and takes clicks,
// nobody called Mallory shows, and an honest viewer's presence still appears.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import * as Y from 'yjs';
import { ARTICLE } from '../shared/model/roots';
import { parseJoinLink } from '../shared/sync/join-link';
import { connectClient, type TestClient } from '../server/test-support/clients';
import { launchBrowser, openApp, type TestBrowser } from './support/browser';
import { openThroughChooser, sampleReading } from './support/files';
import { closeHostDialog, createJoinLink } from './support/seminar';

const CSS_COLOUR = '#0072b2; position:fixed; inset:0; z-index:2147483647';

/** The boxes of the host's main parts, and what is at the middle of the window. */
async function layoutOf(page: Page) {
  return page.evaluate(() => {
    const box = (selector: string) => {
      const r = document.querySelector(selector)?.getBoundingClientRect();
      return r ? [Math.round(r.x), Math.round(r.y), Math.round(r.width), Math.round(r.height)] : null;
    };
    const middle = document.elementFromPoint(innerWidth / 2, innerHeight / 2);
    return {
      reader: box('.crux-reading'),
      middleInReader: middle?.closest('.crux-reading, #reader') !== null,
      fixedOverlays: [...document.querySelectorAll<HTMLElement>('body *')].filter((el) => getComputedStyle(el).position === 'fixed' && el.getBoundingClientRect().width >= innerWidth).length,
    };
  });
}

describe('a viewer’s crafted presence', () => {
  let browser: TestBrowser;
  let host: Page;
  const clients: TestClient[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    host = await openApp(browser, inject('webUrl'));
    await openThroughChooser(host, sampleReading());
    await host.locator('.crux-reading', { hasText: 'breakwater' }).waitFor({ timeout: 60_000 });
    await host.locator('.sync-status').filter({ hasText: 'Connected' }).waitFor();
  });

  afterAll(async () => {
    for (const c of clients) c.destroy();
    await browser?.close();
  });

  it('does not change the host’s layout, while an honest viewer still shows', async () => {
    const link = parseJoinLink(await createJoinLink(host, 'viewer'));
    await closeHostDialog(host);
    await host.locator('.crux-reading p').nth(2).click();
    const before = await layoutOf(host);
    expect(before.middleInReader).toBe(true);

    const join = () => {
      const client = connectClient({ url: link.url, doc: link.project, token: link.token });
      clients.push(client);
      return client;
    };
    const mallory = join();
    const honest = join();
    await Promise.all([mallory.synced(), honest.synced()]);
    // A selection over the first paragraphs, so every client draws Mallory's selection.
    const article = mallory.doc.getXmlFragment(ARTICLE);
    const cursor = {
      anchor: Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(article, 1)),
      head: Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(article, 4)),
    };
    mallory.provider.awareness!.setLocalState({ user: { id: 'p-mallory', name: 'Mallory', colour: CSS_COLOUR, color: CSS_COLOUR }, node: null, cursor });
    honest.provider.awareness!.setLocalState({ user: { id: 'p-ana', name: 'Ana', colour: '#117733', color: '#117733' }, node: null });

    const people = host.getByRole('list', { name: 'People here' });
    await people.locator('[title^="Ana"]').first().waitFor();
    expect(await people.innerText()).not.toContain('Mallory');
    const after = await layoutOf(host);
    expect(after).toEqual(before);
    expect(after.fixedOverlays).toBe(0);
    // The reader still takes the host's clicks.
    await host.mouse.click(640, 400);
    expect(await host.evaluate(() => document.activeElement?.closest('.crux-reading') !== null)).toBe(true);
  });
});
