import { defineConfig } from 'vitest/config';

/** Suites that need the built fixture site or a real Chromium (or run the CLIs as processes). */
const SITE_AND_BROWSER = ['tests/**/browser/**/*.test.ts', 'tests/site/built-site.test.ts', 'tests/site/real-content.test.ts', 'tests/scripts/**/*.test.ts', 'tests/publish/warm-eleventy.test.ts', 'tests/site/reuse/incremental-build.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Browser and full-build suites share one built site; running files in parallel
    // on a 2-core machine only makes them fight over it.
    fileParallelism: false,
    projects: [
      {
        extends: true,
        // `npm run test:unit`: no site build, no browser, seconds.
        test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: SITE_AND_BROWSER, fileParallelism: true },
      },
      {
        extends: true,
        test: {
          name: 'site',
          include: SITE_AND_BROWSER,
          // Builds the fixture site once per run for the built-site and browser suites.
          globalSetup: ['tests/helpers/site-global-setup.ts'],
        },
      },
    ],
  },
});
