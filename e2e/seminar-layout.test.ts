// Issue 12, item 4: the five people of a seminar (host, editor, two commenters, viewer, each
// in a browser profile of their own) see every pane and every top-bar control in full at
// 1024, 1280, 1440 and 1920 px wide, and tabbing through all controls never scrolls the
// app sideways.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openSeminar, type Seminar } from './support/seminar';

const WIDTHS = [1024, 1280, 1440, 1920];

/** What sticks out of the window at the current size, as readable lines (empty when all fits). */
function clipped(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const page = document.scrollingElement!;
    if (page.scrollWidth > innerWidth) out.push(`the page is ${page.scrollWidth} px wide in a ${innerWidth} px window`);
    const controls = document.querySelectorAll<HTMLElement>('.topbar button, .pane-header button, .map-toolbar button, .map-tabs [role="tab"]');
    for (const control of controls) {
      const box = control.getBoundingClientRect();
      if (box.width === 0) continue;
      if (box.left < 0 || box.right > innerWidth + 0.5 || box.top < 0 || box.bottom > innerHeight) {
        out.push(`"${control.textContent?.trim() || control.getAttribute('aria-label')}" at ${Math.round(box.left)}–${Math.round(box.right)} px`);
      }
    }
    for (const pane of document.querySelectorAll<HTMLElement>('.pane, .reader')) {
      const box = pane.getBoundingClientRect();
      if (box.width > 0 && box.right > innerWidth + 0.5) out.push(`${pane.id || pane.className} ends at ${Math.round(box.right)} px`);
    }
    return out;
  });
}

/** Tabs round every control once (from wherever focus is); returns the first sideways scroll it caused, or null. */
async function sidewaysScrollWhileTabbing(page: Page): Promise<string | null> {
  const seen = new Set<string>();
  for (let press = 0; press < 150; press++) {
    await page.keyboard.press('Tab');
    const step = await page.evaluate(() => {
      const focused = document.activeElement as HTMLElement | null;
      if (!focused || focused === document.body) return { key: 'body', scroll: null };
      // Each control gets a number the first time focus reaches it: ids are not unique enough (two "×" buttons).
      const w = window as unknown as { tabStops?: WeakMap<Element, string> };
      w.tabStops ??= new WeakMap();
      const key = w.tabStops.get(focused) ?? `${focused.tagName.toLowerCase()} "${(focused.getAttribute('aria-label') ?? focused.textContent ?? '').slice(0, 30)}" #${Math.random().toString(36).slice(2, 8)}`;
      w.tabStops.set(focused, key);
      const scrolled: string[] = [];
      if (window.scrollX !== 0) scrolled.push(`the window by ${window.scrollX} px`);
      for (let el = focused.parentElement; el; el = el.parentElement) {
        if (el.scrollLeft !== 0) scrolled.push(`${el.tagName.toLowerCase()}.${el.className} by ${el.scrollLeft} px`);
      }
      const box = focused.getBoundingClientRect();
      if (box.width > 0 && (box.left < 0 || box.right > innerWidth + 0.5)) scrolled.push(`the focused control lies at ${Math.round(box.left)}–${Math.round(box.right)} px`);
      return { key, scroll: scrolled.length ? `Tab to ${key} scrolled ${scrolled.join(', ')}` : null };
    });
    if (step.scroll) return step.scroll;
    // Once focus comes round to a control it has met, every control has had its turn.
    if (seen.has(step.key) && step.key !== 'body') break;
    seen.add(step.key);
  }
  expect(seen.size, 'Tab reached the controls').toBeGreaterThan(10);
  return null;
}

describe('the seminar layout at laptop and desktop widths', () => {
  let seminar: Seminar;

  beforeAll(async () => {
    seminar = await openSeminar();
  });

  afterAll(async () => {
    await seminar?.close();
  });

  for (const width of WIDTHS) {
    it(`shows everything in full at ${width} px and Tab never scrolls sideways, for all five people`, async () => {
      for (const member of seminar.members) {
        await member.page.setViewportSize({ width, height: 800 });
        await member.page.getByRole('button', { name: 'Host seminar' }).waitFor();
        expect(await clipped(member.page), `${member.seat} at ${width} px`).toEqual([]);
        // The map pane and its controls are shown, not squeezed out.
        const map = await member.page.locator('#map-pane').boundingBox();
        expect(map!.width, `${member.seat}'s map pane at ${width} px`).toBeGreaterThanOrEqual(220);
        expect(await sidewaysScrollWhileTabbing(member.page), `${member.seat} at ${width} px`).toBeNull();
      }
    });
  }
});
