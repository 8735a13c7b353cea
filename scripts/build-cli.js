// `npm run build:cli`: bundles the `crux` command line (cli/, with the shared/ and server/
// code it uses) into out/cli/ (main.js and one chunk per verb), so `crux` runs plain JavaScript instead of compiling
// TypeScript on every call. Packages stay in node_modules; their JSON data is bundled, since
// Node's ESM loader would refuse a bare JSON import without an import attribute.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Leaves every package import (but not its JSON files) to Node at run time. */
const packagesExternal = {
  name: 'packages-external',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => (args.path.endsWith('.json') ? undefined : { path: args.path, external: true }));
  },
};

await build({
  absWorkingDir: root,
  entryPoints: ['cli/main.ts'],
  outdir: 'out/cli',
  bundle: true,
  // Each verb is its own chunk: `crux outline` does not load the sync server.
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  sourcemap: 'linked',
  plugins: [packagesExternal],
  logLevel: 'warning',
});
