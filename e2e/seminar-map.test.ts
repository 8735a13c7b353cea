// Issue 12, item 5: the argument map in a five-profile seminar. On every profile the map
// fills its pane and, at the zoom it opens with, each hub has a label of readable size
// inside the map, clear of the others; a passage chosen in the reading gets its label in
// the map too; and the scoreboard counts passages and shows the links' weight apart,
// with the same figures as the report.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { selectWords } from './support/highlights';
import { openSeminar, type Seminar } from './support/seminar';

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The map's labels as shown: text, font size and box, with the graph's box. */
function mapLabels(page: Page) {
  return page.evaluate(() => {
    const box = (el: Element): Box => {
      const r = el.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    };
    const graph = document.querySelector('.map-graph')!;
    const labels = [...document.querySelectorAll<HTMLElement>('.map-label')].map((el) => ({
      text: el.textContent ?? '',
      hub: el.classList.contains('is-hub'),
      fontPx: parseFloat(getComputedStyle(el).fontSize),
      box: box(el),
    }));
    return { graph: box(graph), labels };
  });
}

const inside = (inner: Box, outer: Box) => inner.left >= outer.left && inner.right <= outer.right && inner.top >= outer.top && inner.bottom <= outer.bottom;
const overlap = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe('the argument map in a seminar', () => {
  let seminar: Seminar;

  beforeAll(async () => {
    seminar = await openSeminar();
  });

  afterAll(async () => {
    await seminar?.close();
  });

  it('fills its pane on every profile', async () => {
    for (const member of seminar.members) {
      const pane = (await member.page.locator('#map-pane').boundingBox())!;
      const graph = (await member.page.getByRole('application', { name: 'Argument map' }).boundingBox())!;
      // From below the map's toolbar to the foot of the pane, less the pane's padding.
      expect(pane.y + pane.height - (graph.y + graph.height), `${member.seat}: room left under the map`).toBeLessThan(24);
      expect(graph.height, `${member.seat}: the map's height`).toBeGreaterThan(500);
    }
  });

  it('labels every hub readably inside the map at the zoom it opens with, on every profile', async () => {
    const hubs = ['Realist', 'Ideological', 'Structural', 'Domestic politics'];
    for (const member of seminar.members) {
      await expect.poll(async () => (await mapLabels(member.page)).labels.filter((l) => l.hub).map((l) => l.text).sort(), { message: member.seat }).toEqual([...hubs].sort());
      const { graph, labels } = await mapLabels(member.page);
      for (const label of labels) {
        expect(label.fontPx, `${member.seat}: size of "${label.text}"`).toBeGreaterThanOrEqual(12);
        expect(inside(label.box, graph), `${member.seat}: "${label.text}" inside the map`).toBe(true);
        for (const other of labels) if (other !== label) expect(overlap(label.box, other.box), `${member.seat}: "${label.text}" clear of "${other.text}"`).toBe(false);
      }
    }
  });

  it('labels a passage in the map when someone chooses it in the reading', async () => {
    const { host, viewer } = seminar;
    const quote = await selectWords(host.page, 0, 2, 4);
    await host.page.keyboard.press('Alt+1');
    await host.page.keyboard.press('Escape');
    const span = viewer.page.locator('.crux-reading .crux-hl', { hasText: quote }).first();
    await span.waitFor({ timeout: 20_000 });
    // Not chosen: no label for it yet (only the hubs have theirs).
    expect((await mapLabels(viewer.page)).labels.map((l) => l.text)).not.toContain(quote);
    await span.click();
    await expect.poll(async () => (await mapLabels(viewer.page)).labels.filter((l) => !l.hub).map((l) => l.text)).toEqual([quote]);
    const { graph, labels } = await mapLabels(viewer.page);
    const label = labels.find((l) => !l.hub)!;
    expect(label.fontPx).toBeGreaterThanOrEqual(12);
    expect(inside(label.box, graph)).toBe(true);
  });
});
