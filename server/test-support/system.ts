// Finding the system programs the server's tests need (Redis, PostgreSQL). A missing one
// fails the test with what to install: these tests never skip (CI installs both).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The path of `program` on PATH, or a thrown Error saying which package provides it. */
export function requireProgram(program: string, debianPackage: string): string {
  const found = spawnSync('sh', ['-c', `command -v ${program}`], { encoding: 'utf8' });
  const path = found.stdout.trim();
  if (found.status !== 0 || !path) {
    throw new Error(
      `${program} is not installed; these tests start a real server. Install it with ` +
        `\`apt-get install ${debianPackage}\` (CI's .ci/run does this).`,
    );
  }
  return path;
}

/** The bin folder of the newest PostgreSQL installed from Debian packages, or a thrown Error. */
export function requirePostgresBin(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length === 0) {
    throw new Error(
      `PostgreSQL is not installed (no ${root}/<version>/bin/initdb); these tests start a real ` +
        'server. Install it with `apt-get install postgresql` (CI\'s .ci/run does this).',
    );
  }
  return join(root, versions[0]!, 'bin');
}
