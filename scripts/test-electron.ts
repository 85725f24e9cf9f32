/**
 * `npm run test:electron`: the Playwright `_electron` suite where the Electron binary exists;
 * elsewhere exactly one line saying it was skipped and why, and exit 0.
 * Never requires 'electron' (that would start a download); see scripts/electron-binary.ts.
 * The binary's path reaches the suite as MOVESNACK_ELECTRON_BINARY.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { findElectronBinary } from './electron-binary';

const ROOT = resolve(__dirname, '..');
const binary = findElectronBinary(ROOT);
if (!binary.found) {
  console.log(`electron e2e: skipped — Electron binary not installed on this machine (${binary.reason})`);
  process.exit(0);
}

const node = process.execPath;
const step = (label: string, command: string, args: string[]) => {
  const result = spawnSync(command, args, {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, MOVESNACK_ELECTRON_BINARY: binary.path },
  });
  if (result.status !== 0) {
    console.error(`electron e2e: ${label} failed`);
    process.exit(result.status ?? 1);
  }
};

// `npm test` has built already and says so (MOVESNACK_BUILT=1).
if (process.env.MOVESNACK_BUILT !== '1') step('build', node, [resolve(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build']);
const playwright = [
  resolve(ROOT, 'node_modules/@playwright/test/cli.js'),
  'test',
  '-c',
  'playwright.electron.config.ts',
  ...process.argv.slice(2),
];
// A headless Linux has no display for Electron's windows and tray: use Xvfb when it is there.
const headless = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const hasXvfb = headless && spawnSync('sh', ['-c', 'command -v xvfb-run'], { stdio: 'ignore' }).status === 0;
if (hasXvfb) step('playwright (xvfb)', 'xvfb-run', ['-a', node, ...playwright]);
else step('playwright', node, playwright);
