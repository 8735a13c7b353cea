import { describe, expect, it } from 'vitest';
import { windowTitle } from './project-title';

describe('the window title', () => {
  it('names the project file first on the desktop, then the reading', () => {
    expect(windowTitle('week3.crux', 'The Split')).toBe('week3.crux — The Split — Crux');
    expect(windowTitle('week3.crux', null)).toBe('week3.crux — Crux');
    expect(windowTitle('The Split.crux', 'The Split')).toBe('The Split.crux — Crux');
  });

  it('is the reading and the app in a browser, or just the app', () => {
    expect(windowTitle(null, 'The Split')).toBe('The Split — Crux');
    expect(windowTitle(null, '  ')).toBe('Crux');
  });
});
