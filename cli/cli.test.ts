// The `crux` command as a user runs it: the real bin script in a child process.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { describeWithCorpus, repoRoot, seedPath } from '../shared/test-support/corpus';

const run = promisify(execFile);

/** Runs `crux ARGS`; resolves to exit code, stdout and stderr. */
async function crux(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(repoRoot, 'bin/crux.js'), ...args], { maxBuffer: 16 << 20 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describeWithCorpus('crux outline / convert on the seed', () => {
  it('prints the structure of the seed as JSON', async () => {
    const { code, stdout } = await crux('outline', seedPath);
    expect(code).toBe(0);
    const outline = JSON.parse(stdout) as Record<string, unknown>;
    expect(Object.keys(outline)).toEqual(['title', 'headings', 'paragraphs', 'blockQuotes', 'footnoteMarkers', 'words']);
    expect(outline.title).toMatch(/^Ideological dilemma: .* split, 1962–63$/);
    const headings = outline.headings as { text: string; level: number }[];
    expect(headings.map((h) => h.level)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(headings.at(-1)?.text).toBe('Conclusions');
    expect(outline.footnoteMarkers).toBe(117);
    expect(outline.blockQuotes).toBe(6);
    expect(outline.paragraphs).toBeGreaterThan(60);
    expect(outline.words).toBeGreaterThan(13_000);
    expect(outline.words).toBeLessThan(15_000);
  });

  it('converts the seed to clean Markdown', async () => {
    const { code, stdout } = await crux('convert', seedPath, '--to', 'markdown');
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toMatch(/^# Ideological dilemma/);
    expect(lines.filter((l) => l.startsWith('## '))).toHaveLength(6);
    expect(stdout).toContain('reconstruction.[^9]');
    expect(stdout.match(/\[\^\d+\]/g)).toHaveLength(117);
    // One paragraph per block: no hard-wrapped lines are left, every block is one line.
    for (const block of stdout.trim().split(/\n\n/)) {
      if (!block.startsWith('>')) expect(block.includes('\n'), block.slice(0, 60)).toBe(false);
    }
  });
});

describe('crux on bad input', () => {
  const dir = mkdtempSync(join(tmpdir(), 'crux-cli-'));

  it('says a file does not exist', async () => {
    const { code, stderr } = await crux('outline', join(dir, 'missing.txt'));
    expect(code).toBe(1);
    expect(stderr).toContain('no such file');
  });

  it('refuses an empty file with a clear message', async () => {
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '');
    const { code, stderr } = await crux('outline', empty);
    expect(code).toBe(1);
    expect(stderr).toMatch(/empty\.txt.*empty/i);
  });

  it('refuses an unknown file type and names the supported ones', async () => {
    const odd = join(dir, 'data.xyz');
    writeFileSync(odd, 'hello');
    const { code, stderr } = await crux('convert', odd, '--to', 'markdown');
    expect(code).toBe(1);
    expect(stderr).toMatch(/\.docx/);
  });

  it('explains an unknown verb and an unknown output format', async () => {
    expect((await crux('frobnicate')).stderr).toContain("unknown command 'frobnicate'");
    const file = join(dir, 'note.txt');
    writeFileSync(file, 'A short note.');
    const bad = await crux('convert', file, '--to', 'rtf');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("cannot write 'rtf'");
  });

  it('converts a small text file', async () => {
    const file = join(dir, 'small.txt');
    writeFileSync(file, 'Harbours and Markets\n\nThe harbour was busy in the\nmorning.1\n');
    const { code, stdout } = await crux('convert', file, '--to', 'markdown');
    expect(code).toBe(0);
    expect(stdout).toBe('# Harbours and Markets\n\nThe harbour was busy in the morning.[^1]\n');
  });
});
