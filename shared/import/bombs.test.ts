// Issue 11 item 9: files within the size limit that are built to stall or crash the import.
// Each is refused with a message that says what is wrong and what Crux reads, instead of
// running for minutes (100,000 footnotes) or failing with "Maximum call stack size
// exceeded" (200,000 nested elements); honest files of the same kinds still import.
import { describe, expect, it } from 'vitest';
import { MAX_HTML_NESTING } from './html';
import { importFile } from './index';
import { ImportError } from './types';

const encode = (text: string) => new TextEncoder().encode(text);

function footnotedMarkdown(count: number): string {
  const parts = ['# Notes\n'];
  for (let i = 1; i <= count; i++) parts.push(`Claim ${i}[^${i}].\n`);
  for (let i = 1; i <= count; i++) parts.push(`[^${i}]: Source ${i}.\n`);
  return parts.join('\n');
}

const nested = (tag: string, depth: number) => `<html><body>${`<${tag}>`.repeat(depth)}deep text${`</${tag}>`.repeat(depth)}</body></html>`;

async function refusal(name: string, text: string): Promise<ImportError> {
  const error = await importFile({ name, bytes: encode(text) }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  return error as ImportError;
}

describe('files built to stall or crash the import', () => {
  it('refuses Markdown with 100,000 footnotes, saying how many it has and how many Crux reads', async () => {
    const error = await refusal('notes.md', footnotedMarkdown(100_000));
    expect(error.code).toBe('too-complex');
    expect(error.message).toBe(
      '“notes.md” can’t be opened: it has 100,000 footnotes, and Crux reads documents with up to 3,000 footnotes. Nothing was changed. Save a simpler or shorter version of the document and open that.',
    );
  });

  it('refuses HTML nested 200,000 deep with a message, not a stack overflow', async () => {
    const error = await refusal('deep.html', nested('div', 200_000));
    expect(error.code).toBe('too-complex');
    expect(error.message).toContain(`its elements are nested more than ${MAX_HTML_NESTING} levels deep`);
  });

  it('refuses raw HTML nested too deep inside Markdown', async () => {
    const error = await refusal('deep.md', `# Title\n\n${nested('section', MAX_HTML_NESTING + 10)}\n`);
    expect(error.code).toBe('too-complex');
  });

  it('still reads honest files of the same kinds', async () => {
    const notes = await importFile({ name: 'notes.md', bytes: encode(footnotedMarkdown(200)) });
    expect(notes.doc.textContent).toContain('Claim 200');
    const html = await importFile({ name: 'fine.html', bytes: encode(nested('div', 40)) });
    expect(html.doc.textContent).toContain('deep text');
  });
});
