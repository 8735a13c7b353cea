// How many bytes a ZIP archive (a .docx) unpacks to, counted by actually inflating it in a
// stream with a ceiling, never trusting the sizes its headers declare: a "zip bomb" of a
// few kilobytes can claim anything and unpack to gigabytes.
import { Unzip, UnzipInflate } from 'fflate';

/** What unpacking found: the total, or that it passed `limit` (and where it stopped). */
export type UnzippedSize = { kind: 'within'; bytes: number } | { kind: 'over'; limit: number } | { kind: 'unreadable' };

class OverLimit extends Error {}

/**
 * Inflates every entry of `zip` and counts the bytes, stopping as soon as the total passes
 * `limit` (so at most `limit` bytes plus one chunk are ever produced, and none are kept).
 * An archive fflate cannot read is `unreadable`: the caller's own reader reports why.
 */
export function unzippedSize(zip: Uint8Array, limit: number): UnzippedSize {
  let total = 0;
  const unzip = new Unzip((file) => {
    file.ondata = (error, chunk) => {
      if (error) throw error;
      total += chunk.byteLength;
      if (total > limit) throw new OverLimit();
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    // In small slices: deflate expands at most ~1,032 times, so no single chunk of output
    // (each checked before the next slice is inflated) exceeds ~4 MB.
    const slice = 4 * 1024;
    for (let at = 0; at < zip.byteLength; at += slice) {
      unzip.push(zip.subarray(at, Math.min(zip.byteLength, at + slice)), at + slice >= zip.byteLength);
    }
  } catch (error) {
    if (error instanceof OverLimit) return { kind: 'over', limit };
    return { kind: 'unreadable' };
  }
  return { kind: 'within', bytes: total };
}
