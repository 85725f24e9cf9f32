import { defineConfig } from '@playwright/test';

/**
 * The Playwright `_electron` suite: the real app (out/, built first) in the real Electron binary.
 * Run it with `npm run test:electron` (scripts/test-electron.ts), which builds the app, finds
 * the binary without triggering a download, uses Xvfb on a headless Linux, and prints one
 * "skipped" line where the binary is missing.
 */
export default defineConfig({
  testDir: 'tests/electron',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/electron',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: { trace: 'retain-on-failure' },
});
