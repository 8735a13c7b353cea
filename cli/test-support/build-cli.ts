// Vitest global setup: builds the CLI into out/cli/ before the tests that run bin/crux.js,
// so they test the code as it is now, not an earlier build.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Runs scripts/build-cli.js (about a second). */
export default function setup(): void {
  execFileSync(process.execPath, [fileURLToPath(new URL('../../scripts/build-cli.js', import.meta.url))], { stdio: 'inherit' });
}
