import { existsSync } from 'node:fs';
import { mkdir, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_OPEN_BYTES } from '../../../shared/ipc/contract';
import { tempDir } from '../../test-support/fakes';
import { FileOpenError, formatBytes, readOpenedFile } from './read-opened-file';

describe('readOpenedFile', () => {
  let dir: string;
  let remove: () => Promise<void>;
  beforeAll(async () => ({ dir, remove } = await tempDir()));
  afterAll(() => remove());

  it('reads a file into name, path and bytes', async () => {
    const path = join(dir, 'article.md');
    await writeFile(path, '# Title\n\nText.');
    const file = await readOpenedFile(path);
    expect(file.name).toBe('article.md');
    expect(file.path).toBe(path);
    expect(file.bytes).toBeInstanceOf(Uint8Array);
    expect(Buffer.isBuffer(file.bytes)).toBe(false);
    expect(new TextDecoder().decode(file.bytes)).toBe('# Title\n\nText.');
  });

  it('reads a file of exactly the size limit', async () => {
    const path = join(dir, 'limit.txt');
    await writeFile(path, '');
    await truncate(path, MAX_OPEN_BYTES);
    expect((await readOpenedFile(path)).bytes.byteLength).toBe(MAX_OPEN_BYTES);
  });

  it('refuses a file over the size limit before reading it, giving both sizes', async () => {
    const path = join(dir, 'book.pdf');
    await writeFile(path, '');
    await truncate(path, 60 * 1024 * 1024);
    await expect(readOpenedFile(path)).rejects.toThrow('"book.pdf" is 60 MB; Crux opens files of up to 50 MB.');
    await truncate(path, MAX_OPEN_BYTES + 1);
    await expect(readOpenedFile(path)).rejects.toThrow('"book.pdf" is 50.1 MB; Crux opens files of up to 50 MB.');
    await expect(readOpenedFile(path)).rejects.toMatchObject({ code: 'too-large' });
  });

  it('says when a file is missing, and where it looked', async () => {
    const path = join(dir, 'gone.docx');
    const error = await readOpenedFile(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FileOpenError);
    expect((error as FileOpenError).code).toBe('not-found');
    expect((error as Error).message).toBe(
      `Crux could not find "gone.docx" at ${path}. It may have been moved, renamed or deleted.`,
    );
  });

  it('refuses a folder', async () => {
    await mkdir(join(dir, 'folder.txt'));
    await expect(readOpenedFile(join(dir, 'folder.txt'))).rejects.toThrow('"folder.txt" is a folder, not a file.');
  });

  it.runIf(existsSync('/dev/null'))('refuses devices, which could block or never end', async () => {
    await expect(readOpenedFile('/dev/null')).rejects.toThrow('"null" is not a regular file.');
  });
});

describe('formatBytes', () => {
  it('writes sizes as people read them, never rounding down', () => {
    expect(formatBytes(820)).toBe('820 bytes');
    expect(formatBytes(1024)).toBe('1 KB');
    expect(formatBytes(1.44 * 1024 * 1024)).toBe('1.5 MB');
    expect(formatBytes(50 * 1024 * 1024)).toBe('50 MB');
    expect(formatBytes(3 * 1024 ** 3)).toBe('3 GB');
  });
});
