// The packaging config (electron-builder.yml) as electron-builder itself reads and checks
// it, without downloading Electron: a mistake there would only show on a release machine.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../shared/test-support/corpus';

type Configuration = Record<string, unknown>;
interface ConfigModule {
  getConfig(projectDir: string, configPath: string | null, fromOptions: null): Promise<Configuration>;
  validateConfiguration(config: Configuration, logger: unknown): Promise<void>;
}

// app-builder-lib is electron-builder's own config loader and validator; resolve it from
// electron-builder so the test uses the copy `npm run dist` uses.
const requireFromBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder/package.json'));
const { getConfig, validateConfiguration } = requireFromBuilder('app-builder-lib/out/util/config/config') as ConfigModule;
const { DebugLogger } = requireFromBuilder('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

async function check(projectDir: string, configPath: string): Promise<Configuration> {
  const config = await getConfig(projectDir, configPath, null);
  await validateConfiguration(config, new DebugLogger(false));
  return config;
}

describe('electron-builder.yml', () => {
  it('passes electron-builder\'s validation and points at icons that exist', async () => {
    const config = await check(repoRoot, join(repoRoot, 'electron-builder.yml'));
    expect(config.appId).toBe('org.crux.desktop');
    const resources = join(repoRoot, (config.directories as { buildResources: string }).buildResources);
    // electron-builder takes icon.png for macOS and Windows and icons/NxN.png for Linux.
    const png = (file: string) => readFileSync(join(resources, file));
    for (const size of [16, 32, 48, 64, 128, 256, 512, 1024]) {
      const bytes = png(`icons/${size}x${size}.png`);
      expect(bytes.readUInt32BE(16), `icons/${size}x${size}.png width`).toBe(size);
      expect(bytes.readUInt32BE(20), `icons/${size}x${size}.png height`).toBe(size);
    }
    expect(png('icon.png').readUInt32BE(16)).toBe(1024);
    expect(existsSync(join(resources, 'icon.svg'))).toBe(true);
  });

  it('rejects a config with a misspelt key, naming it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crux-builder-'));
    try {
      const yml = readFileSync(join(repoRoot, 'electron-builder.yml'), 'utf8').replace('productName:', 'prodcutName:');
      writeFileSync(join(dir, 'electron-builder.yml'), yml);
      await expect(check(repoRoot, join(dir, 'electron-builder.yml'))).rejects.toThrow(/prodcutName/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
