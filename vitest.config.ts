import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Builds the fixture site once per run for the built-site and browser suites.
    globalSetup: ['tests/helpers/site-global-setup.ts'],
    // Browser and full-build suites share one built site; running files in parallel
    // on a 2-core machine only makes them fight over it.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
