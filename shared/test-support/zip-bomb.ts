// A "zip bomb" for tests of bad input: a small archive whose one entry inflates to a
// great many bytes, built in a stream so the test never holds them.
import { Zip, ZipDeflate } from 'fflate';

/** A ZIP whose one entry inflates to `megabytes` MB of spaces, built without holding them. */
export function zipBomb(name: string, megabytes: number): Uint8Array {
  const parts: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    parts.push(chunk);
  });
  const entry = new ZipDeflate(name, { level: 1 });
  zip.add(entry);
  const megabyte = new Uint8Array(1024 * 1024).fill(0x20);
  for (let i = 0; i < megabytes; i++) entry.push(megabyte, i === megabytes - 1);
  zip.end();
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}
