// Vitest 5's reporter needs Map.groupBy (Node 21+); see the file for why.
import './scripts/node20-polyfills.mjs';
import { defineConfig } from 'vitest/config';

// Unit and integration tests run in Node against real SQLite files and real spreadsheets.
// Browser tests live in test/e2e with their own config (they need a built app and Chromium).
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 60_000,
  },
});
