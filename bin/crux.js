#!/usr/bin/env node
// The `crux` command. Runs the CLI built into out/cli/ (`npm run build`, also run by
// `npm install` / `npm ci` through `prepare`), so a call does not compile TypeScript.
import { existsSync } from 'node:fs';

const built = new URL('../out/cli/main.js', import.meta.url);
if (!existsSync(built)) {
  process.stderr.write('crux: the command line is not built yet; run `npm run build:cli` (or `npm run build`) first.\n');
  process.exit(1);
}

// `crux convert … | head` closes the pipe early: that is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

// Node 22 flags node:sqlite (which .crux files use) as experimental on every run; that
// notice is for developers, not for someone exporting a project. Other warnings still show.
process.removeAllListeners('warning');
process.on('warning', (warning) => {
  if (warning.name === 'ExperimentalWarning' && /SQLite/.test(warning.message)) return;
  process.stderr.write(`${warning.name}: ${warning.message}\n`);
});

const { main } = await import(built.href);
process.exitCode = await main(process.argv.slice(2));
