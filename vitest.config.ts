// Vitest 5's reporter needs Map.groupBy (Node 21+); see the file for why.
import './scripts/node20-polyfills.mjs';
import { defineConfig } from 'vitest/config';

// Unit and integration tests run in Node against real SQLite files and real spreadsheets.
// Browser tests live in test/e2e with their own config (they need a built app and Chromium).
//
// Three projects, one run. The unit tests share one module graph per worker (`isolate: false`):
// they are pure — no module mocks, stubbed globals, environment variables, process listeners or
// fake timers (checked with `--sequence.shuffle`) — and importing the domain once instead of per
// file takes their run from about 30 s to 10 s here. The Electron shell's unit tests mock the
// `electron` module and stay isolated, as do the integration tests (environment variables for the
// reader, child processes, servers, their own stores).
export default defineConfig({
  test: {
    environment: 'node',
    pool: 'forks',
    testTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'], exclude: ['test/unit/electron/**'], isolate: false } },
      { extends: true, test: { name: 'unit-electron', include: ['test/unit/electron/**/*.test.ts'] } },
      { extends: true, test: { name: 'integration', include: ['test/integration/**/*.test.ts'] } },
    ],
  },
});
