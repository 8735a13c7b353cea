// `npm run bench [-- NAME [options]]`: runs bench/NAME.ts (or every bench/*.ts) with tsx
// on this project's Node, one after another, passing the options through.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const benchDir = fileURLToPath(new URL('../bench/', import.meta.url));
const [name, ...options] = process.argv.slice(2);
const all = readdirSync(benchDir)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
  .map((f) => f.slice(0, -3))
  .sort();

let names = all;
if (name && !name.startsWith('-')) {
  if (!existsSync(`${benchDir}${name}.ts`)) {
    console.error(`crux bench: no benchmark '${name}'. Available: ${all.join(', ')}`);
    process.exit(2);
  }
  names = [name];
} else if (name) {
  options.unshift(name);
}

let failed = false;
for (const bench of names) {
  console.log(`\n== ${bench}`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', `${benchDir}${bench}.ts`, ...options], { stdio: 'inherit' });
  if (result.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
