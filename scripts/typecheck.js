// Type-checks every layer with its own tsconfig, so each layer sees only the
// globals it is allowed to use (shared/ has no DOM and no Node).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname } from 'node:path';

const projects = [
  'tsconfig.json',
  'shared/tsconfig.json',
  'shared/tsconfig.test.json',
  'electron/tsconfig.json',
  'renderer/tsconfig.json',
  'renderer/tsconfig.test.json',
  'server/tsconfig.json',
  'cli/tsconfig.json',
  'e2e/tsconfig.json',
  'bench/tsconfig.json',
];
let failed = false;
for (const project of projects) {
  if (!existsSync(project) || !hasTypeScript(dirname(project))) continue;
  const r = spawnSync('tsc', ['-p', project], { stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) {
    console.error(`typecheck failed: ${project}`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);

/** Whether a layer folder holds any TypeScript yet (tsc fails on a project with no inputs). */
function hasTypeScript(dir) {
  return readdirSync(dir, { recursive: true }).some((f) => String(f).endsWith('.ts') && !String(f).includes('node_modules'));
}
