/**
 * Where the Electron binary is, found the way node_modules/electron/index.js finds it but
 * without requiring that module: requiring it starts a download when the binary is missing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';

export type ElectronBinary = { found: true; path: string } | { found: false; reason: string };

export function findElectronBinary(root: string): ElectronBinary {
  const require = createRequire(join(root, 'package.json'));
  let pkgDir: string;
  try {
    pkgDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return { found: false, reason: 'the electron package is not installed' };
  }
  const pathFile = join(pkgDir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const candidate = join(override, executable ?? 'electron');
    return existsSync(candidate)
      ? { found: true, path: candidate }
      : { found: false, reason: `ELECTRON_OVERRIDE_DIST_PATH has no ${executable ?? 'electron'}` };
  }
  if (!executable) {
    return { found: false, reason: `${relative(root, pathFile)} is absent: the binary was never downloaded` };
  }
  const candidate = join(pkgDir, 'dist', executable);
  return existsSync(candidate)
    ? { found: true, path: candidate }
    : { found: false, reason: `${relative(root, candidate)} does not exist` };
}
