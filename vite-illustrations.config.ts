import type { Plugin } from 'vite';
import { figureCss } from './renderer/illustrations/poses';

/**
 * The figures' keyframes, generated from renderer/illustrations/poses.ts at build time rather
 * than committed. `import 'virtual:illustrations.css'` (renderer/illustrations/index.tsx) gets
 * figureCss(): the poses are the one source, so the stylesheet can never be out of date.
 *
 * Used by the renderer build (electron.vite.config.ts), the web build (vite.web.config.ts) and
 * the component tests (vitest.config.mts). While serving, a change to poses.ts reloads it.
 */
export const ILLUSTRATIONS_CSS = 'virtual:illustrations.css';
const RESOLVED = '\0' + ILLUSTRATIONS_CSS;

export function illustrationsCss(): Plugin {
  return {
    name: 'movesnack:illustrations-css',
    resolveId: (id) => (id === ILLUSTRATIONS_CSS ? RESOLVED : undefined),
    load(id) {
      if (id !== RESOLVED) return undefined;
      // Read the poses fresh (not from this config's module cache) when serving, so edits show.
      return figureCss();
    },
  };
}
