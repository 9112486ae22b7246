import { defineConfig } from 'vitest/config';

/** Suites that need the built fixture site or a real Chromium (or run the CLIs as processes). */
const SITE_AND_BROWSER = ['tests/**/browser/**/*.test.ts', 'tests/site/built-site.test.ts', 'tests/site/real-content.test.ts', 'tests/scripts/**/*.test.ts', 'tests/publish/warm-eleventy.test.ts', 'tests/site/reuse/incremental-build.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 180_000,
    projects: [
      {
        extends: true,
        // `npm run test:unit`: no site build, no browser, about 30 s here. Its files run in
        // parallel, one worker per core: Vitest's default leaves one core to itself, which on two
        // cores ran the unit files one after another (44 s).
        test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: SITE_AND_BROWSER, maxWorkers: '100%', sequence: { groupOrder: 0 } },
      },
      {
        extends: true,
        test: {
          name: 'site',
          include: SITE_AND_BROWSER,
          // Browser and full-build suites share one built site; running them in parallel on a
          // 2-core machine only makes them fight over it, and over the cores with the unit files:
          // one at a time, after the unit project.
          fileParallelism: false,
          sequence: { groupOrder: 1 },
          // Builds the fixture site once per run for the built-site and browser suites.
          globalSetup: ['tests/helpers/site-global-setup.ts'],
        },
      },
    ],
  },
});
