import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { zipBomb } from '../test-support/zip-bomb';
import { unzippedSize } from './zip-size';

describe('unzippedSize', () => {
  it('counts what an ordinary archive unpacks to', () => {
    const archive = zipSync({ 'a.txt': strToU8('hello '.repeat(1000)), 'b/c.xml': strToU8('<x/>') });
    const expected = Object.values(unzipSync(archive)).reduce((n, f) => n + f.byteLength, 0);
    expect(unzippedSize(archive, 1024 * 1024)).toEqual({ kind: 'within', bytes: expected });
  });

  it('stops at the limit on an archive that unpacks to far more than it weighs', () => {
    const bomb = zipBomb('word/document.xml', 64);
    expect(bomb.byteLength).toBeLessThan(1024 * 1024);
    expect(unzippedSize(bomb, 16 * 1024 * 1024)).toEqual({ kind: 'over', limit: 16 * 1024 * 1024 });
  });

  it('says an archive it cannot read is unreadable, for the real reader to explain', () => {
    const archive = zipSync({ 'a.txt': strToU8('hello '.repeat(1000)) });
    // Damage the compressed data of the entry.
    const damaged = archive.slice();
    damaged.fill(0xff, 40, 60);
    expect(unzippedSize(damaged, 1024 * 1024).kind).toBe('unreadable');
  });
});
