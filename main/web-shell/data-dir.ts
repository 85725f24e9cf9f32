import os from 'node:os';
import path from 'node:path';

/**
 * The data folder both shells use: $MOVESNACK_DATA_DIR, else Electron's userData for an app
 * named "Movesnack" (the same rule as cli/movesnack.ts): ~/.config/Movesnack on Linux,
 * ~/Library/Application Support/Movesnack on macOS, %APPDATA%\Movesnack on Windows.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.MOVESNACK_DATA_DIR) return path.resolve(env.MOVESNACK_DATA_DIR);
  const home = os.homedir();
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Movesnack');
  if (platform === 'win32') return path.join(env.APPDATA || path.join(home, 'AppData', 'Roaming'), 'Movesnack');
  return path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), 'Movesnack');
}
