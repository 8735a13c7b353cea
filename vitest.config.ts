// Unit tests: beside the code they test, in Node.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{shared,electron,renderer,server,cli,bench}/**/*.test.ts'],
    environment: 'node',
    // Tests of `crux` run the built CLI.
    globalSetup: ['cli/test-support/build-cli.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
