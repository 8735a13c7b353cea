// The `crux` command as a user runs it: the real bin script in a child process.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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

  it('names a missing argument, an unknown flag or a flag without its value, then shows the usage', async () => {
    const file = join(dir, 'note.txt');
    writeFileSync(file, 'A short note.');
    const missing = await crux('outline');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^crux outline: missing FILE\n\nUsage: crux outline FILE\n/);
    const extra = await crux('outline', file, 'other.txt');
    expect(extra.stderr).toContain("crux outline: unexpected argument 'other.txt'");
    const flag = await crux('convert', file, '--too', 'markdown');
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain("crux convert: Unknown option '--too'\n\nUsage: crux convert FILE");
    const noValue = await crux('export', 'p.crux', '--format');
    expect(noValue.code).toBe(2);
    expect(noValue.stderr).toContain("crux export: Option '-f, --format <value>' argument missing");
    const help = await crux('import', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('crux import ANNOTATIONS.json --into PROJECT.crux');
  });

  it('converts a small text file', async () => {
    const file = join(dir, 'small.txt');
    writeFileSync(file, 'Harbours and Markets\n\nThe harbour was busy in the\nmorning.1\n');
    const { code, stdout } = await crux('convert', file, '--to', 'markdown');
    expect(code).toBe(0);
    expect(stdout).toBe('# Harbours and Markets\n\nThe harbour was busy in the morning.[^1]\n');
  });
});

describeWithCorpus('crux import / export on the seed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'crux-interchange-'));
  const project = join(dir, 'seed.crux');

  it('makes a project from the seed and exports it in every format', async () => {
    const made = await crux('import', seedPath, '-o', project);
    expect(made.stderr).toBe('');
    expect(made.code).toBe(0);
    expect(made.stdout).toBe(`Created ${project} from sino-soviet-split.txt.\n`);
    const again = await crux('import', seedPath, '-o', project);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');

    const w3c = await crux('export', project, '--format', 'w3c');
    expect(w3c.code).toBe(0);
    const collection = JSON.parse(w3c.stdout) as { type: string; total: number; label: string };
    expect([collection.type, collection.total]).toEqual(['AnnotationCollection', 0]);
    expect(collection.label).toMatch(/^Ideological dilemma/);
    const out = join(dir, 'map.graphml');
    expect((await crux('export', project, '--format', 'graphml', '-o', out)).code).toBe(0);
    expect(readFileSync(out, 'utf8').match(/<node /g)).toHaveLength(4);
    const aif = JSON.parse((await crux('export', project, '--format', 'aif', '-o', '-')).stdout) as { nodes: unknown[] };
    expect(aif.nodes).toHaveLength(4);
    expect((await crux('export', project, '--format', 'argdown')).stdout).toContain('[Domestic politics]: Domestic politics');
    expect((await crux('export', project, '--format', 'csv')).stdout.split('\r\n')[0]).toMatch(/^id,role,quote,/);
    expect((await crux('export', project, '--format', 'report-md')).stdout).toContain('| Realist | 0 | 0 |');
    const html = (await crux('export', project, '--format', 'report-html')).stdout;
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('data:image/svg+xml,');
  }, 180_000);

  it('adds W3C annotations to a project and reports what it could not place', async () => {
    const { readSeed } = await import('../shared/test-support/corpus');
    const text = readSeed();
    // Six words that occur once in the seed (found at run time), and a quote that is nowhere in it.
    const phrases = text.split('\n').map((line) => line.match(/^\S+(\s\S+){5}/)?.[0]).filter((p): p is string => !!p && p.length > 30);
    const phrase = phrases.find((p) => text.split(p).length === 2)!;
    const annotations = [
      { type: 'Annotation', motivation: 'tagging', body: [{ type: 'TextualBody', purpose: 'tagging', value: 'claim' }], target: { selector: [{ type: 'TextQuoteSelector', exact: phrase }] } },
      { type: 'Annotation', target: { selector: { type: 'TextQuoteSelector', exact: 'zebras debating monetary policy on the moon' } } },
    ];
    const file = join(dir, 'annotations.json');
    writeFileSync(file, JSON.stringify(annotations));
    const { code, stdout, stderr } = await crux('import', file, '--into', project);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('Anchored: 1 annotation(s) added');
    expect(stdout).toContain('Orphaned: 1 (not added');
    expect(stdout).toContain('orphaned evidence "zebras debating monetary policy on the moon"');
    const csv = (await crux('export', project, '--format', 'csv')).stdout;
    expect(csv.split('\r\n')[1]).toMatch(/^a-[0-9a-f]{24},claim,/);
  }, 60_000);

  it('explains a missing project, a file that is not a project, a bad format and bad JSON', async () => {
    const missing = await crux('export', join(dir, 'nope.crux'), '--format', 'csv');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/nope\.crux/);
    const notCrux = join(dir, 'notes.crux');
    writeFileSync(notCrux, 'just some text');
    const wrong = await crux('export', notCrux, '--format', 'csv');
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/not a Crux project/);
    const format = await crux('export', project, '--format', 'pdf');
    expect(format.code).toBe(2);
    expect(format.stderr).toContain("unknown format 'pdf'; formats: w3c, aif, argdown, graphml, csv, report-md, report-html");
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"items": [');
    const bad = await crux('import', broken, '--into', project);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('The annotation file is not valid JSON');
    const none = await crux('import', join(dir, 'absent.json'), '--into', project);
    expect(none.stderr).toContain('no such file');
    expect(existsSync(join(dir, 'x.crux'))).toBe(false);
    const usage = await crux('import', seedPath);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('crux import ARTICLE -o PROJECT.crux');
  }, 120_000);
});
