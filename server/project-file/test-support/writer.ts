// A child process for the crash test: appends numbered inserts to a project until it is
// killed. Run as `node --import tsx writer.ts FILE ACKS [COMPACT_EVERY]` (the test runs a
// bundle of it, which starts three times faster).
//
// It prints `ready` on stdout once loaded; after a line arrives on stdin it opens FILE
// (creating it), prints `open N` (N: the last number already in it), and then appends
// N+1, N+2, … as "N+1," inserts into one Y.Text, writing `ack M` to the file ACKS after
// the append holding M has returned, that is, once it is durable. Acks go to a file, not
// to stdout: a pipe the test is slow to drain would block or fail the writer.
import { openSync, writeSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { CruxFile } from '../crux-file';
import { LOG_ROOT, parseLog } from './writer-log';

function run(path: string, acks: number, compactEvery: number): void {
  const file = CruxFile.open(path, { create: true });
  const doc = file.loadDoc();
  const text = doc.getText(LOG_ROOT);
  let last = parseLog(text.toString()).at(-1) ?? 0;
  writeSync(1, `open ${last}\n`);
  doc.on('update', (update: Uint8Array) => file.appendUpdate(update, 'writer'));
  for (;;) {
    last++;
    text.insert(text.length, `${last},`);
    writeSync(acks, `ack ${last}\n`);
    if (file.pendingUpdates >= compactEvery) file.compact();
  }
}

const [path, acksPath, compactEvery = '30'] = process.argv.slice(2);
if (!path || !acksPath) throw new Error('usage: writer.ts FILE ACKS [COMPACT_EVERY]');
const acks = openSync(acksPath, 'a');
writeSync(1, 'ready\n');
const input = createInterface({ input: process.stdin });
input.once('line', () => {
  input.close();
  run(path, acks, Number(compactEvery));
});
