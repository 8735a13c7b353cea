// Every format Crux reads, opened through the UI in browser mode: the import runs in the
// page's worker exactly as it does in the desktop app.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { makePdf } from '../shared/test-support/import-fixtures';
import { launchBrowser, openApp, type TestBrowser } from './support/browser';
import { openThroughChooser, waitForReading } from './support/files';

describe('opening each format', () => {
  let browser: TestBrowser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await openApp(browser, inject('webUrl'));
  });

  afterAll(async () => {
    await browser?.close();
  });

  const outline = () => page.getByRole('navigation', { name: 'Sections' }).getByRole('link').allTextContents();
  const reading = () => page.locator('.crux-reading').innerText();

  it('opens a PDF: text extracted, hyphenation across lines and pages undone', async () => {
    const pdf = await makePdf([
      [
        { text: 'Tides of the Harbour', y: 700, size: 20 },
        { text: 'The harbour master kept records of every tide for the reconstruc-', y: 640 },
        { text: 'tion of the breakwater, which the town had planned for years.', y: 625 },
      ],
      [{ text: 'A second page tells of the storms that came each winter.', y: 700 }],
    ]);
    await openThroughChooser(page, { name: 'tides.pdf', mimeType: 'application/pdf', buffer: Buffer.from(pdf) });
    await waitForReading(page, 'harbour master');
    const text = await reading();
    expect(text).toContain('for the reconstruction of the breakwater');
    expect(text).toContain('storms that came each winter');
    expect(await page.locator('.crux-reading .crux-title').innerText()).toBe('Tides of the Harbour');
  });

  it('opens a Word document with its title, headings and emphasis', async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: 'Minutes of the Council', heading: HeadingLevel.TITLE }),
            new Paragraph({ text: 'The vote', heading: HeadingLevel.HEADING_1 }),
            new Paragraph({ children: [new TextRun('The council voted to keep the '), new TextRun({ text: 'lighthouse', italics: true }), new TextRun(' lit.')] }),
          ],
        },
      ],
    });
    const bytes = Buffer.from(await Packer.toArrayBuffer(doc));
    await openThroughChooser(page, { name: 'minutes.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: bytes });
    await waitForReading(page, 'council voted');
    // The outline fills in right after the reading's first frame.
    await expect.poll(outline).toEqual(['Minutes of the Council', 'The vote']);
    expect(await page.locator('.crux-reading em').innerText()).toBe('lighthouse');
  });

  it('opens Markdown and HTML, and nothing active survives from the HTML', async () => {
    const md = '# Field Notes\n\n## Birds\n\nThe gulls returned in *March*.[^1]\n\n[^1]: Counted by the warden.\n';
    await openThroughChooser(page, { name: 'notes.md', mimeType: 'text/markdown', buffer: Buffer.from(md) });
    await waitForReading(page, 'gulls returned');
    await expect.poll(outline).toEqual(['Field Notes', 'Birds', 'Notes']);
    expect(await page.locator('.crux-reading sup.crux-footnote').count()).toBeGreaterThan(0);

    const html =
      '<html><head><title>Ferry Times</title><script>window.pwned = 1</script></head><body><h1>Ferry Times</h1>' +
      '<p onclick="window.pwned = 2">The ferry leaves at <b>noon</b>. <a href="javascript:window.pwned=3">Click</a></p>' +
      '<img src="x" onerror="window.pwned = 4"></body></html>';
    await openThroughChooser(page, { name: 'ferry.html', mimeType: 'text/html', buffer: Buffer.from(html) });
    await waitForReading(page, 'ferry leaves');
    await page.locator('.crux-reading a', { hasText: 'Click' }).click().catch(() => undefined);
    expect(await page.evaluate(() => (window as Window & { pwned?: number }).pwned)).toBeUndefined();
    expect(await page.locator('.crux-reading [onclick], .crux-reading script, .crux-reading img').count()).toBe(0);
    expect(await page.locator('.crux-reading strong').innerText()).toBe('noon');
  });
});
