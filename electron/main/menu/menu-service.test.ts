import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordingLogger, recordingMenu, tempDir } from '../../test-support/fakes';
import { RecentFiles } from '../files/recent-files';

function recentLabels(template: MenuItemConstructorOptions[]): string[] {
  const file = template.find((entry) => entry.label === 'File')?.submenu as MenuItemConstructorOptions[];
  const recent = file.find((entry) => entry.label === 'Open Recent')?.submenu as MenuItemConstructorOptions[];
  return recent.map((entry) => entry.label ?? '-');
}

describe('MenuService', () => {
  let dir: string;
  let remove: () => Promise<void>;
  beforeEach(async () => ({ dir, remove } = await tempDir()));
  afterEach(() => remove());

  it('installs the menu and rebuilds Open Recent whenever the list changes, until disposed', async () => {
    const recent = new RecentFiles(join(dir, 'recent.json'), recordingLogger());
    const { service, installed } = recordingMenu(recent);
    service.start();
    expect(recentLabels(installed.at(-1) as MenuItemConstructorOptions[])).toEqual(['No Recent Files']);
    const path = join(dir, 'essay.txt');
    await writeFile(path, 'x');
    await recent.add(path);
    expect(recentLabels(installed.at(-1) as MenuItemConstructorOptions[])).toEqual(['essay.txt', '-', 'Clear Recently Opened']);
    service.dispose();
    const count = installed.length;
    await recent.clear();
    expect(installed).toHaveLength(count);
  });
});
