// `node scripts/make-icons.js`: renders build/icon.svg into the PNGs electron-builder packs
// (build/icon.png at 1024 px for macOS and Windows, build/icons/NxN.png for Linux) with
// Debian's Chromium. Run it after changing the SVG and commit the PNGs.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const buildDir = fileURLToPath(new URL('../build/', import.meta.url));
const svg = readFileSync(join(buildDir, 'icon.svg'), 'utf8');
const SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

const profile = mkdtempSync(join(tmpdir(), 'crux-icons-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
try {
  const page = await context.newPage();
  mkdirSync(join(buildDir, 'icons'), { recursive: true });
  for (const size of SIZES) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`);
    const shot = { omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } };
    await page.screenshot({ ...shot, path: join(buildDir, 'icons', `${size}x${size}.png`) });
    if (size === 1024) await page.screenshot({ ...shot, path: join(buildDir, 'icon.png') });
  }
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
