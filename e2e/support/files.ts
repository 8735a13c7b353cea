// Files the end-to-end tests open through the UI, made at run time: a small reading of
// our own (so tests that need "a document" do not depend on the corpus) and bad inputs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** A file as Playwright hands it to a file chooser or a drop. */
export interface TestFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** A short plain-text reading in several paragraphs, with a word that repeats. */
export function sampleReading(name = 'harbour-notes.txt'): TestFile {
  const paragraphs = [
    'Harbour notes on the winter crossing',
    'The ferry left before dawn. Gulls followed it out past the breakwater, and the harbour lights went out one by one behind us.',
    'By noon the wind had turned. The captain said the crossing would take an hour longer than planned, and nobody minded.',
    'We reached the island after dark. The harbour there was smaller, quieter, and lit by a single lamp.',
  ];
  return { name, mimeType: 'text/plain', buffer: Buffer.from(paragraphs.join('\n\n') + '\n', 'utf8') };
}

/** The bad inputs of DESIGN.md §1 that a test can make small, with what the alert must say. */
export function badInputs(): { file: TestFile; says: RegExp }[] {
  const junk = Buffer.alloc(4096);
  // Deterministic junk: a linear congruential generator, with NULs as real binaries have.
  let seed = 12345;
  for (let i = 0; i < junk.length; i++) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    junk[i] = i % 7 === 0 ? 0 : seed & 0xff;
  }
  return [
    { file: { name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) }, says: /empty/i },
    { file: { name: 'junk.txt', mimeType: 'text/plain', buffer: junk }, says: /binary/i },
    {
      file: { name: 'latin1.txt', mimeType: 'text/plain', buffer: Buffer.from('Caf\xe9 au lait, cr\xe8me br\xfbl\xe9e.\n', 'latin1') },
      says: /UTF-8/,
    },
    { file: { name: 'figure.xyz', mimeType: 'application/octet-stream', buffer: Buffer.from('plain words\n') }, says: /\.xyz/ },
    {
      file: { name: 'locked.pdf', mimeType: 'application/pdf', buffer: readFileSync(join(repoRoot, 'shared/import/fixtures/encrypted.pdf')) },
      says: /password/i,
    },
    { file: { name: 'broken.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog') }, says: /damaged|read|PDF/i },
  ];
}

/** Opens `file` through the "Open…" button and the file chooser. */
export async function openThroughChooser(page: Page, file: TestFile | string): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Open…' }).click()]);
  await chooser.setFiles(file);
}

/** Imports annotations from `file` (W3C JSON) through the "Import annotations…" button and the file chooser. */
export async function importAnnotationsThroughChooser(page: Page, file: TestFile | string): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Import annotations…' }).click()]);
  await chooser.setFiles(file);
}

/** Drops `file` onto the middle of the window, as dragging it from the desktop would. */
export async function dropFile(page: Page, file: TestFile): Promise<void> {
  const transfer = await page.evaluateHandle(
    ({ name, mimeType, bytes }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(bytes)], name, { type: mimeType }));
      return dt;
    },
    { name: file.name, mimeType: file.mimeType, bytes: [...file.buffer] },
  );
  const target = page.locator('#reader');
  await target.dispatchEvent('dragenter', { dataTransfer: transfer });
  await target.dispatchEvent('dragover', { dataTransfer: transfer });
  await target.dispatchEvent('drop', { dataTransfer: transfer });
}

/** Waits until the reading shown is the one whose text contains `snippet`. */
export async function waitForReading(page: Page, snippet: string): Promise<void> {
  // Generous: the first open also starts the import worker and its dictionary.
  await page.locator('.crux-reading', { hasText: snippet }).waitFor({ timeout: 30_000 });
}
