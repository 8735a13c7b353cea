// Helpers for the importers' tests: bytes from strings, a compact view of a reading's
// blocks, an assertion for ImportErrors, and PDF files made at test time with pdf-lib.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Node as PMNode } from 'prosemirror-model';
import { expect } from 'vitest';
import { ImportError, type ImportErrorCode } from '../import/types';
import { repoRoot } from './corpus';

/** UTF-8 bytes of a string. */
export function bytesOf(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** A committed fixture under shared/import/fixtures. */
export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(repoRoot, 'shared', 'import', 'fixtures', name)));
}

/** Each top-level block as `type: text` (headings with their level), for readable asserts. */
export function outline(doc: PMNode): string[] {
  const out: string[] = [];
  doc.forEach((block) => {
    const kind = block.type.name === 'heading' ? `heading${block.attrs.level as number}` : block.type.name;
    out.push(`${kind}: ${block.textContent}`);
  });
  return out;
}

/** The footnote labels in a reading, in order. */
export function footnoteLabels(doc: PMNode): string[] {
  const labels: string[] = [];
  doc.descendants((n) => {
    if (n.type.name === 'footnote') labels.push(n.attrs.label as string);
  });
  return labels;
}

/** Every mark in a reading as `name` or `link:href`, with the text it covers. */
export function markedRuns(doc: PMNode): string[] {
  const runs: string[] = [];
  doc.descendants((n) => {
    if (!n.isText) return;
    for (const m of n.marks) runs.push(`${m.type.name === 'link' ? `link:${m.attrs.href as string}` : m.type.name} ${n.text}`);
  });
  return runs;
}

/** Asserts that `run` fails with an ImportError of `code` whose message contains every phrase. */
export async function expectImportError(
  run: () => unknown,
  code: ImportErrorCode,
  phrases: (string | RegExp)[],
): Promise<ImportError> {
  let caught: unknown;
  try {
    await run();
  } catch (error) {
    caught = error;
  }
  expect(caught, 'expected the import to fail').toBeInstanceOf(ImportError);
  const error = caught as ImportError;
  expect(error.code).toBe(code);
  for (const p of phrases) expect(error.message).toMatch(p);
  return error;
}

/** One line of text on a page made by `makePdf`. */
export interface PdfTextLine {
  text: string;
  x?: number;
  y: number;
  size?: number;
}

/** A PDF whose pages show the given lines (Times Roman, 612×792 points). */
export async function makePdf(pages: PdfTextLine[][]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.TimesRoman);
  for (const lines of pages) {
    const page = doc.addPage([612, 792]);
    for (const l of lines) page.drawText(l.text, { x: l.x ?? 72, y: l.y, size: l.size ?? 12, font });
  }
  return doc.save();
}
