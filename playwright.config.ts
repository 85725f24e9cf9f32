import { defineConfig } from '@playwright/test';

/**
 * Browser end-to-end tests: the browser shell (main/web-shell, as `npm start` runs it where
 * Electron is missing) serving the built renderer (dist-web) to Debian's Chromium, the engine
 * on a clock the test moves (see tests/e2e/harness). The browser is the system one: never
 * `playwright install` here.
 */
const timezoneId = Intl.DateTimeFormat().resolvedOptions().timeZone;

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/e2e',
  globalSetup: './tests/e2e/global-setup.ts',
  // Every test has its own data folder, engine and shell (fixtures.ts; launch.spec.ts its own
  // `npm start`), so tests of one file may run on both workers: the long screens file no
  // longer keeps one worker busy while the other idles.
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 7_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    browserName: 'chromium',
    headless: true,
    locale: 'en-US',
    timezoneId,
    viewport: { width: 1280, height: 860 },
    // No test here is about motion except the one that says so (keyboard.spec.ts switches it
    // itself): without the figures' and the due dot's endless CSS animations the browsers leave
    // the two cores to the tests.
    reducedMotion: 'reduce',
    launchOptions: {
      executablePath: process.env.MOVESNACK_CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    },
    trace: 'retain-on-failure',
  },
});
