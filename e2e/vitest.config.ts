// End-to-end tests: the renderer in real Chromium, served by browser mode. One web
// server for the whole run (global setup); test files run one after another.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['e2e/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['e2e/support/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // expect.poll's default (1 s) is too short on a shared, busy machine.
    expect: { poll: { timeout: 10_000 } },
  },
});
