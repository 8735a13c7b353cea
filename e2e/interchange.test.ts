// Export and W3C import from the app, in browser mode on the seed: two passages tagged
// (one linked to a hub) leave through the Export dialog as W3C JSON-LD, come back onto
// the same words with the same roles in a new project of the same article through
// "Import annotations…"; a file that is not JSON is refused with its message and changes
// nothing; the HTML seminar report holds the scoreboard and the passages' quotes. Last,
// on a short reading of our own, a passage that could be in two places is placed where
// the user accepts it, and one whose words are not there goes to the orphan list.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeWithCorpus, seedPath } from '../shared/test-support/corpus';
import { launchBrowser, openApp, type TestBrowser } from './support/browser';
import { importAnnotationsThroughChooser, openThroughChooser, sampleReading } from './support/files';
import { selectWords } from './support/highlights';

/** Each highlight's role and words, in reading order. */
function highlights(page: Page): Promise<{ role: string; text: string }[]> {
  return page.evaluate(() => {
    const out: { id: string; role: string; text: string }[] = [];
    for (const span of document.querySelectorAll<HTMLElement>('.crux-reading .crux-hl')) {
      const id = span.dataset.annotationId!;
      if (span.parentElement?.closest(`[data-annotation-id="${CSS.escape(id)}"]`)) continue;
      const role = [...span.classList].find((c) => /^crux-hl--(evidence|claim|counter)$/.test(c))?.slice('crux-hl--'.length) ?? '?';
      const last = out.find((h) => h.id === id);
      if (last) last.text += span.textContent ?? '';
      else out.push({ id, role, text: span.textContent ?? '' });
    }
    return out.map(({ role, text }) => ({ role, text }));
  });
}

describeWithCorpus('export and W3C import from the app', () => {
  let browser: TestBrowser;
  let page: Page;
  let tagged: { role: string; text: string }[] = [];
  let w3cFile = '';

  /** Exports through the dialog (opened by its button or its shortcut) in the format labelled `label`; returns the downloaded file's path and name. */
  async function exportAs(label: string, via: 'button' | 'shortcut' = 'button'): Promise<{ path: string; name: string }> {
    if (via === 'shortcut') await page.keyboard.press('Control+Shift+E');
    else await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await dialog.getByRole('radio', { name: label }).check();
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export…' }).click();
    const file = await download;
    await dialog.waitFor({ state: 'detached' });
    return { path: await file.path(), name: file.suggestedFilename() };
  }


  beforeAll(async () => {
    browser = await launchBrowser();
    page = await openApp(browser, inject('webUrl'));
    await openThroughChooser(page, seedPath);
    // The first open in a fresh browser also compiles and loads the import worker.
    await page.locator('.crux-reading').waitFor({ timeout: 60_000 });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('exports two tagged passages and a link as W3C JSON-LD through the Export dialog', async () => {
    await selectWords(page, 30, 0, 6);
    await page.keyboard.press('Alt+1');
    const popover = page.getByRole('dialog', { name: 'Note, tags and links' });
    await popover.getByLabel('Bears on Domestic politics').selectOption('supports');
    await popover.getByLabel('Note').press('Enter');
    await popover.waitFor({ state: 'detached' });
    await selectWords(page, 40, 2, 5);
    await page.keyboard.press('Alt+2');
    await popover.getByLabel('Note').press('Escape');
    await popover.waitFor({ state: 'detached' });
    await expect.poll(async () => (await highlights(page)).map((h) => h.role)).toEqual(['evidence', 'claim']);
    tagged = await highlights(page);

    const { path, name } = await exportAs('W3C Web Annotations (JSON-LD)');
    expect(name).toMatch(/ annotations\.jsonld$/);
    w3cFile = path;
    const collection = JSON.parse(readFileSync(path, 'utf8')) as { type: string; first: { items: { motivation: string; target: { selector?: { type: string; exact?: string }[] } }[] } };
    expect(collection.type).toBe('AnnotationCollection');
    const items = collection.first.items;
    const quotes = items.flatMap((a) => (a.motivation === 'tagging' ? (a.target.selector ?? []).filter((s) => s.type === 'TextQuoteSelector').map((s) => s.exact) : []));
    expect(quotes.map((q) => q?.replace(/\s+/g, ' '))).toEqual(tagged.map((h) => h.text.replace(/\s+/g, ' ')));
    expect(items.filter((a) => a.motivation === 'linking')).toHaveLength(1);
  });

  it('imports that file into a new project of the same article: the same words, the same roles', async () => {
    await openThroughChooser(page, seedPath);
    await expect.poll(async () => (await highlights(page)).length).toBe(0);
    await page.locator('.crux-reading').waitFor();
    await importAnnotationsThroughChooser(page, w3cFile);
    await expect.poll(() => page.locator('.notice-info').textContent()).toMatch(/2 anchored, 0 need a look, 0 orphaned/);
    await expect.poll(() => highlights(page)).toEqual(tagged);
    await expect.poll(() => page.getByRole('list', { name: 'Map links' }).getByRole('button').allTextContents()).toContainEqual(expect.stringMatching(/^“.+” supports Domestic politics/));
  });

  it('refuses a file that is not JSON with its message, and changes nothing', async () => {
    await importAnnotationsThroughChooser(page, { name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('these are not annotations\n') });
    const alert = page.getByRole('alert').filter({ hasText: 'notes.json' });
    await expect.poll(() => alert.textContent()).toMatch(/The annotation file is not valid JSON/);
    expect(await highlights(page)).toEqual(tagged);
  });

  it('exports the seminar report as HTML with the scoreboard and the passages’ quotes', async () => {
    const { path, name } = await exportAs('Seminar report (HTML)', 'shortcut');
    expect(name).toMatch(/ report\.html$/);
    const html = readFileSync(path, 'utf8');
    expect(html).toContain('<h2>Scoreboard</h2>');
    expect(html).toMatch(/<td>Domestic politics<\/td><td class="n">1<\/td>/);
    const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
    const src = html.match(/<img class="map" alt="The argument map" src="([^"]+)"/)?.[1];
    expect(src, 'the report has the map picture').toBeDefined();
    const svg = unescape(decodeURIComponent(unescape(src ?? '').replace(/^data:image\/svg\+xml,/, '')));
    // The picture is the map as drawn in the app (its SVG export), not the plain fallback.
    expect(svg, 'the live map is the picture').toContain('<title>Argument map</title>');
    for (const h of tagged) expect(svg.replace(/\s+/g, ' ')).toContain(h.text.replace(/\s+/g, ' '));
  });

  it('asks where an uncertain passage belongs, attaches it where accepted, and lists the orphans', async () => {
    await openThroughChooser(page, sampleReading());
    await page.locator('.crux-reading', { hasText: 'single lamp' }).waitFor();
    const quote = (exact: string, role: string) => ({
      id: `urn:x-test:${role}`,
      type: 'Annotation',
      motivation: 'tagging',
      body: [{ type: 'TextualBody', purpose: 'tagging', value: role }],
      target: { source: 'urn:x-test:reading', selector: [{ type: 'TextQuoteSelector', exact, prefix: '', suffix: '' }] },
    });
    const json = JSON.stringify([quote('harbour', 'claim'), quote('a sentence this reading never had', 'evidence')]);
    await importAnnotationsThroughChooser(page, { name: 'elsewhere.json', mimeType: 'application/json', buffer: Buffer.from(json) });
    const dialog = page.getByRole('dialog', { name: 'Imported annotations from elsewhere.json' });
    await expect.poll(() => dialog.locator('.import-summary').textContent()).toBe('0 anchored, 1 need a look, 1 orphaned');
    expect(await dialog.getByRole('list', { name: 'Orphaned — not in this reading' }).textContent()).toContain('a sentence this reading never had');
    const places = dialog.getByRole('button', { name: /^Accept place \d of 2 for “harbour”$/ });
    expect(await places.count()).toBe(2);
    expect(await highlights(page)).toEqual([]);
    const accepted = (await places.nth(1).textContent()) ?? '';
    await places.nth(1).click();
    await expect.poll(() => highlights(page)).toEqual([{ role: 'claim', text: 'harbour' }]);
    expect(await dialog.getByText('Accepted.').count()).toBe(1);
    // The highlight is at the place accepted: its context ("…the " or "…The ") is the one the button showed.
    const paragraph = await page.locator('.crux-reading .crux-hl').evaluate((span) => span.closest('p')?.textContent ?? '');
    expect(accepted).toMatch(paragraph.includes('lights') ? /and the harbour \(/ : /The harbour \(/);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });
    // The orphan waits in the Annotations panel's orphan list, to re-attach or delete.
    await page.getByRole('tab', { name: 'Annotations' }).click();
    const orphans = page.getByRole('region', { name: 'Orphaned — text no longer in the reading' });
    await expect.poll(() => orphans.locator('.ann-quote').allTextContents()).toEqual(['a sentence this reading never had']);
    await expect.poll(() => orphans.getByRole('button', { name: 'Re-attach' }).count()).toBe(1);
  });
});
