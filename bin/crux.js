#!/usr/bin/env node
// The `crux` command. Runs the TypeScript CLI through tsx so a checkout needs no build.
import { tsImport } from 'tsx/esm/api';

const { main } = await tsImport('../cli/main.ts', import.meta.url);
process.exitCode = await main(process.argv.slice(2));
