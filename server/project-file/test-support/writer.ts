// A child process for the crash test: appends numbered inserts to a project until it is
// killed. Run as `node --import tsx writer.ts FILE [COMPACT_EVERY]` (the test runs a
// bundle of it, which starts three times faster).
//
// Protocol on stdout, one line each: `ready` once loaded; then, after a line arrives on
// stdin, `open N` once the file is open (N: the last number already in it) and `ack N`
// after the append holding number N has returned — that is, once it is durable. The log
// reads "1,2,3,…": each process continues where the last one stopped.
import { writeSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { CruxFile } from '../crux-file';
import { LOG_ROOT, parseLog } from './writer-log';

function say(line: string): void {
  // Synchronous: once the test has read a line, it was written before whatever came next.
  writeSync(1, `${line}\n`);
}

function run(path: string, compactEvery: number): void {
  const file = CruxFile.open(path, { create: true });
  const doc = file.loadDoc();
  const text = doc.getText(LOG_ROOT);
  let last = parseLog(text.toString()).at(-1) ?? 0;
  say(`open ${last}`);
  doc.on('update', (update: Uint8Array) => file.appendUpdate(update, 'writer'));
  for (;;) {
    last++;
    text.insert(text.length, `${last},`);
    say(`ack ${last}`);
    if (file.pendingUpdates >= compactEvery) file.compact();
  }
}

const [path, compactEvery = '30'] = process.argv.slice(2);
if (!path) throw new Error('usage: writer.ts FILE [COMPACT_EVERY]');
say('ready');
const input = createInterface({ input: process.stdin });
input.once('line', () => {
  input.close();
  run(path, Number(compactEvery));
});
