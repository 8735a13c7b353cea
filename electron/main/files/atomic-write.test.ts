import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../test-support/fakes';
import { writeFileAtomic } from './atomic-write';

describe('writeFileAtomic', () => {
  let dir: string;
  let remove: () => Promise<void>;
  beforeEach(async () => ({ dir, remove } = await tempDir()));
  afterEach(() => remove());

  it('replaces the contents and leaves no temporary file', async () => {
    const path = join(dir, 'list.json');
    await writeFile(path, 'old');
    await writeFileAtomic(path, 'new');
    expect(await readFile(path, 'utf8')).toBe('new');
    expect(await readdir(dir)).toEqual(['list.json']);
  });

  it('fails without leaving anything behind when the folder does not exist', async () => {
    await expect(writeFileAtomic(join(dir, 'missing', 'list.json'), 'x')).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await readdir(dir)).toEqual([]);
  });

  it('keeps the old contents when the rename cannot happen', async () => {
    const path = join(dir, 'taken');
    await mkdir(path);
    await writeFile(join(path, 'inside'), 'keep');
    await expect(writeFileAtomic(path, 'x')).rejects.toThrow();
    expect(await readFile(join(path, 'inside'), 'utf8')).toBe('keep');
    expect((await readdir(dir)).sort()).toEqual(['taken']);
  });
});
