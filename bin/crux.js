#!/usr/bin/env node
// The `crux` command. Runs the TypeScript CLI through tsx so a checkout needs no build.
import { tsImport } from 'tsx/esm/api';

// `crux convert … | head` closes the pipe early: that is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const { main } = await tsImport('../cli/main.ts', import.meta.url);
process.exitCode = await main(process.argv.slice(2));
