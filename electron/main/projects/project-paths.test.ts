import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isProjectPath, newProjectPath, withProjectExtension } from './project-paths';

describe('project file names', () => {
  it('names a new project after its reading, numbered past names that are taken or still locked', () => {
    const taken = new Set([join('/docs', 'split.crux'), join('/docs', 'split 2.crux.lock')]);
    expect(newProjectPath('/docs', 'split.pdf', (p) => taken.has(p))).toBe(join('/docs', 'split 3.crux'));
    expect(newProjectPath('/docs', 'essay.docx', () => false)).toBe(join('/docs', 'essay.crux'));
  });

  it('cleans characters file systems refuse, and falls back to Untitled', () => {
    expect(newProjectPath('/docs', 'a:b*c?.txt', () => false)).toBe(join('/docs', 'a b c.crux'));
    expect(newProjectPath('/docs', '...txt', () => false)).toBe(join('/docs', 'Untitled.crux'));
    expect(newProjectPath('/docs', `${'x'.repeat(300)}.md`, () => false)).toBe(join('/docs', `${'x'.repeat(80)}.crux`));
  });

  it('adds .crux to a name typed without it, and knows project paths in any case', () => {
    expect(withProjectExtension('/docs/week3')).toBe('/docs/week3.crux');
    expect(withProjectExtension('/docs/week3.CRUX')).toBe('/docs/week3.CRUX');
    expect(isProjectPath('/docs/x.Crux')).toBe(true);
    expect(isProjectPath('/docs/x.crux.bak')).toBe(false);
  });
});
