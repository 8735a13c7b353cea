// Two windows never write one project: a second open is refused with a message naming
// the holder, and a lock left by a process that is gone is taken over.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CruxFile } from './crux-file';
import type { CruxFileError } from './errors';
import { recoverCruxFile } from './recover';
import { fileHash, makeProject, openError, tempFolder } from './test-support/project';
import { bundleWriter, startWriter } from './test-support/writer-process';

function lockOwner(path: string): number {
  return (JSON.parse(readFileSync(`${path}.lock`, 'utf8')) as { pid: number }).pid;
}

function writeLock(path: string, holder: { pid: number; hostname: string }): void {
  writeFileSync(`${path}.lock`, JSON.stringify({ app: 'crux', ...holder, time: Date.now() }));
}

/** The pid of a process that has ended. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid!;
}

describe('the lock on a project file', () => {
  it('refuses a second open in this process, naming it', () => {
    const path = join(tempFolder(), 'seminar.crux');
    const first = CruxFile.open(path, { create: true });
    const error = openError(path);
    expect(error.code).toBe('locked');
    expect(error.message).toBe(`“seminar.crux” is open in another Crux window (pid ${process.pid}). Close it there first.`);
    first.close();
    expect(existsSync(`${path}.lock`)).toBe(false);
    CruxFile.open(path).close();
  });

  it('refuses an open while another process writes, and takes over once that process is killed', async () => {
    const folder = tempFolder();
    const path = join(folder, 'shared.crux');
    const writer = startWriter(bundleWriter(folder), path, 1000);
    let error: CruxFileError;
    try {
      await writer.ready;
      writer.go();
      await writer.whenOpen;
      error = openError(path);
    } finally {
      // Still writing when killed: it held the file all along.
      expect((await writer.kill()).signal).toBe('SIGKILL');
    }
    expect(error.message).toBe(`“shared.crux” is open in another Crux window (pid ${writer.child.pid}). Close it there first.`);
    expect(error.holder).toMatchObject({ pid: writer.child.pid, hostname: hostname() });
    // The killed writer's lock file is still there, naming a dead process.
    expect(lockOwner(path)).toBe(writer.child.pid);
    const file = CruxFile.open(path);
    expect(lockOwner(path)).toBe(process.pid);
    expect(file.loadDoc().getText('log').length).toBeGreaterThan(0);
    file.close();
  });

  it('takes over a stale lock whose process is dead', async () => {
    const path = join(tempFolder(), 'stale.crux');
    makeProject(path, { paragraphs: 3, tail: 2 });
    writeLock(path, { pid: await deadPid(), hostname: hostname() });
    const file = CruxFile.open(path);
    expect(lockOwner(path)).toBe(process.pid);
    file.close();
    expect(existsSync(`${path}.lock`)).toBe(false);
  });

  it('takes over a lock whose pid now belongs to a process that does not hold the file', () => {
    const path = join(tempFolder(), 'reused.crux');
    makeProject(path, { paragraphs: 3, tail: 2 });
    // Our parent is alive, but it has not opened the file: SQLite's lock is free.
    writeLock(path, { pid: process.ppid, hostname: hostname() });
    const file = CruxFile.open(path);
    expect(lockOwner(path)).toBe(process.pid);
    file.close();
  });

  it('takes over an empty lock file when the project itself is free', () => {
    const path = join(tempFolder(), 'empty-lock.crux');
    makeProject(path, { paragraphs: 3, tail: 2 });
    writeFileSync(`${path}.lock`, '');
    CruxFile.open(path).close();
  });

  it('refuses a lock held on another computer, which it cannot check, naming that computer', () => {
    const path = join(tempFolder(), 'remote.crux');
    makeProject(path, { paragraphs: 3, tail: 2 });
    const before = fileHash(path);
    writeLock(path, { pid: 4242, hostname: 'seminar-room-pc' });
    expect(openError(path).message).toBe(
      '“remote.crux” is open in Crux on another computer (“seminar-room-pc”, pid 4242). Close it there first.',
    );
    expect(fileHash(path)).toBe(before);
    expect(lockOwner(path)).toBe(4242);
  });

  it('refuses to create a project another live process is creating', () => {
    const path = join(tempFolder(), 'creating.crux');
    writeLock(path, { pid: process.ppid, hostname: hostname() });
    expect(openError(path, { create: true }).message).toBe(
      `“creating.crux” is open in another Crux window (pid ${process.ppid}). Close it there first.`,
    );
    expect(existsSync(path)).toBe(false);
  });

  it('keeps recovery away from a file open in another window', () => {
    const path = join(tempFolder(), 'busy.crux');
    const file = CruxFile.open(path, { create: true });
    try {
      expect(() => recoverCruxFile(path)).toThrow(`“busy.crux” is open in another Crux window (pid ${process.pid}).`);
    } finally {
      file.close();
    }
  });
});
