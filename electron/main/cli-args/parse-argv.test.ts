import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { filesFromArgv } from './parse-argv';

const cwd = resolve('/home/reader/seminar');
const packaged = { defaultApp: false, cwd };
const dev = { defaultApp: true, cwd };

describe('filesFromArgv', () => {
  it('finds the file of `crux FILE`, resolved against the working folder', () => {
    expect(filesFromArgv(['/opt/Crux/crux', 'article.pdf'], packaged)).toEqual([join(cwd, 'article.pdf')]);
    expect(filesFromArgv(['/opt/Crux/crux', '../notes/a.md'], packaged)).toEqual([resolve(cwd, '../notes/a.md')]);
  });

  it('keeps absolute paths as they are', () => {
    const path = resolve('/data/reading.docx');
    expect(filesFromArgv(['crux', path], packaged)).toEqual([path]);
  });

  it('finds no file when there is none', () => {
    expect(filesFromArgv(['/opt/Crux/crux'], packaged)).toEqual([]);
    expect(filesFromArgv([], packaged)).toEqual([]);
  });

  it('skips the app path of a development run (`electron . FILE`)', () => {
    expect(filesFromArgv(['/x/electron', '.', 'article.txt'], dev)).toEqual([join(cwd, 'article.txt')]);
    expect(filesFromArgv(['/x/electron', '--inspect=9229', 'out/main/index.js', 'a.txt'], dev)).toEqual([join(cwd, 'a.txt')]);
    expect(filesFromArgv(['/x/electron', '.'], dev)).toEqual([]);
  });

  it('ignores Electron and Chromium switches, wherever they are', () => {
    const argv = [
      '/opt/Crux/crux',
      '--no-sandbox',
      '--original-process-start-time=13370000000000000',
      '--allow-file-access-from-files',
      'paper.html',
      '--enable-logging',
      '-psn_0_12345',
    ];
    expect(filesFromArgv(argv, packaged)).toEqual([join(cwd, 'paper.html')]);
  });

  it('takes everything after `--` as a file name, even with a leading dash', () => {
    expect(filesFromArgv(['crux', '--', '-odd name.txt', '--also.md'], packaged)).toEqual([
      join(cwd, '-odd name.txt'),
      join(cwd, '--also.md'),
    ]);
  });

  it('turns file: URLs into paths and ignores other URLs', () => {
    const path = resolve('/data/My Reading.pdf');
    expect(filesFromArgv(['crux', pathToFileURL(path).href], packaged)).toEqual([path]);
    expect(filesFromArgv(['crux', 'crux://join?token=abc', 'https://example.org/a.pdf'], packaged)).toEqual([]);
    expect(filesFromArgv(['crux', 'file://remote-host/share/a.txt'], packaged)).toEqual(
      process.platform === 'win32' ? ['\\\\remote-host\\share\\a.txt'] : [],
    );
  });

  it('drops empty arguments and duplicates, keeping the order', () => {
    expect(filesFromArgv(['crux', '', '  ', 'b.txt', 'a.txt', './b.txt'], packaged)).toEqual([
      join(cwd, 'b.txt'),
      join(cwd, 'a.txt'),
    ]);
  });
});
