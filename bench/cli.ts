// Benchmark: process time (user + sys, as /usr/bin/time measures it) of `crux outline` on
// the seed article, run as a user runs it: node bin/crux.js on the built CLI. Target: under
// 1 s (issue 14). Run: npm run bench -- cli [--runs N]  (builds the CLI first)
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot, seedPath } from '../shared/test-support/corpus';

const TARGET_S = 1;
const { values } = parseArgs({ options: { runs: { type: 'string', default: '7' } } });
const runs = Math.max(1, Number(values.runs) || 7);

if (!existsSync('/usr/bin/time')) {
  console.error('bench cli: needs /usr/bin/time (Debian: apt-get install time)');
  process.exit(1);
}
execFileSync(process.execPath, [join(repoRoot, 'scripts', 'build-cli.js')], { stdio: 'inherit' });

const samples: number[] = [];
for (let i = 0; i < runs; i++) {
  const result = spawnSync('/usr/bin/time', ['-f', 'TIME %U %S', process.execPath, join(repoRoot, 'bin', 'crux.js'), 'outline', seedPath], {
    encoding: 'utf8',
  });
  const line = result.stderr.split('\n').find((l) => l.startsWith('TIME '));
  if (result.status !== 0 || !line) {
    console.error(`bench cli: crux outline failed:\n${result.stderr}`);
    process.exit(1);
  }
  const [user = 0, sys = 0] = line.slice(5).split(' ').map(Number);
  samples.push(user + sys);
}
samples.sort((a, b) => a - b);
const median = samples[Math.floor(samples.length / 2)]!;
console.log(`crux outline (seed), user+sys over ${runs} runs: median ${median.toFixed(2)} s, min ${samples[0]!.toFixed(2)} s, max ${samples.at(-1)!.toFixed(2)} s (target < ${TARGET_S} s)`);
process.exit(median < TARGET_S ? 0 : 1);
