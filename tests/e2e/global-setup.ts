import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const DIST = path.join(ROOT, 'dist-web');

/**
 * Builds the page the browser shell serves (vite.web.config.ts -> dist-web/, as `npm start`
 * does when it is missing or stale). Each test then starts the shell itself (fixtures.ts).
 */
export default async function globalSetup() {
  if (!process.env.MOVESNACK_E2E_SKIP_BUILD) {
    const vite = path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
    const result = spawnSync(
      process.execPath,
      [vite, 'build', '--config', 'vite.web.config.ts', '--logLevel', 'warn'],
      {
        cwd: ROOT,
        stdio: 'inherit',
        env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
      },
    );
    if (result.status !== 0) throw new Error('vite build --config vite.web.config.ts failed');
  }
  if (!fs.existsSync(path.join(DIST, 'index.html'))) throw new Error(`No build in ${DIST}`);
}
