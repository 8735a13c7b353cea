#!/usr/bin/env node
// The `crux` command. Runs the TypeScript CLI through tsx so a checkout needs no build.
import { tsImport } from 'tsx/esm/api';

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

const { main } = await tsImport('../cli/main.ts', import.meta.url);
process.exitCode = await main(process.argv.slice(2));
