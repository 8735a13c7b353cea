import { describe, expect, it } from 'vitest';
import { bytesOf, expectImportError } from '../test-support/import-fixtures';
import { describeWithCorpus, readSeed } from '../test-support/corpus';
import { reflowText } from './reflow';
import { importText } from './text';

describe('importText', () => {
  it('decodes the file and reflows it, without the byte-order mark', () => {
    const text = 'First paragraph,\nwrapped by hand.\n\nSecond paragraph.\n';
    const doc = importText({ name: 'notes.txt', bytes: new Uint8Array([0xef, 0xbb, 0xbf, ...bytesOf(text)]) });
    doc.check();
    expect(doc.toJSON()).toEqual(reflowText(text).toJSON());
    expect(doc.textContent.startsWith('First')).toBe(true);
  });

  it('rejects bytes that are not UTF-8 text', async () => {
    await expectImportError(() => importText({ name: 'old.txt', bytes: new Uint8Array([0x63, 0x61, 0x66, 0xe9]) }), 'invalid-utf8', [
      '“old.txt”',
      'line 1',
    ]);
  });
});

describeWithCorpus('importText on the seed article', () => {
  it('reads the whole article into a valid reading', () => {
    const seed = readSeed();
    const doc = importText({ name: 'sino-soviet-split.txt', bytes: bytesOf(seed) });
    doc.check();
    expect(doc.toJSON()).toEqual(reflowText(seed).toJSON());
    expect(doc.childCount).toBeGreaterThan(20);
  });
});
