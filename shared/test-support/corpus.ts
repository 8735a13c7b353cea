// Test fixtures from the corpus beside the repository (../shared/corpus). A clone
// without it skips those tests visibly; CI sets CRUX_REQUIRE_CORPUS=1 so there they
// fail instead of skipping.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe } from 'vitest';

/** The repository root. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The corpus folder handed to the project (outside the repository). */
export const corpusDir = join(repoRoot, '..', 'shared', 'corpus');

/** Path of the seed article every seminar opens first. */
export const seedPath = join(corpusDir, 'sino-soviet-split.txt');

/** Whether the corpus is present on this machine. */
export const hasCorpus = existsSync(seedPath);

if (!hasCorpus && process.env.CRUX_REQUIRE_CORPUS === '1') {
  throw new Error(`CRUX_REQUIRE_CORPUS=1 but the corpus is missing at ${corpusDir}`);
}

/** Reads the seed article's text. */
export function readSeed(): string {
  return readFileSync(seedPath, 'utf8');
}

/**
 * `describe` for tests that need the corpus: runs them where it exists, and skips them
 * with a name that says why where it does not.
 */
export function describeWithCorpus(name: string, fn: () => void): void {
  if (hasCorpus) describe(name, fn);
  else describe.skip(`${name} (skipped: needs ../shared/corpus, absent in this clone)`, fn);
}
