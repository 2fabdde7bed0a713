import '../../scripts/node20-polyfills.mjs';
import { defineConfig } from 'vitest/config';

// Browser tests: the built app through the web shell, in Debian's Chromium (headless).
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
