import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { RENDERER_CSP_META, withCspMeta } from './main/web-security';
import { illustrationsCss } from './vite-illustrations.config';

/**
 * Three builds, all offline (`electron-vite build` never needs the Electron binary):
 * - main:     main/electron/main.ts -> out/main/index.js (CommonJS: package.json has no "type").
 *             Runtime dependencies are bundled (conf, electron-store, zod, node-schedule and
 *             date-fns are ESM-only or small; dbus-next and x11 are pure JS), so the packaged app
 *             needs no node_modules.
 * - preload:  main/electron/preload.ts -> out/preload/index.js, CommonJS, one self-contained
 *             file: a sandboxed preload may only require('electron').
 * - renderer: renderer/index.html -> out/renderer (relative asset paths, loaded over file://).
 */
const root = __dirname;

/** The meta CSP in index.html is generated from RENDERER_CSP_META, the header's policy, so the two never disagree. */
const cspMeta = (): Plugin => ({
  name: 'movesnack:csp-meta',
  transformIndexHtml: { order: 'pre', handler: (html) => withCspMeta(html, RENDERER_CSP_META) },
});
const bundled = ['conf', 'electron-store', 'zod', 'node-schedule', 'date-fns', 'dbus-next', 'x11', 'i18next'];

export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      externalizeDeps: { exclude: bundled },
      sourcemap: false,
      lib: { entry: resolve(root, 'main/electron/main.ts'), formats: ['cjs'] },
      rolldownOptions: {
        output: { format: 'cjs', entryFileNames: 'index.js' },
      },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      // Nothing external but 'electron' (added by electron-vite): everything else is inlined.
      externalizeDeps: false,
      isolatedEntries: true,
      sourcemap: false,
      lib: { entry: resolve(root, 'main/electron/preload.ts'), formats: ['cjs'] },
      rolldownOptions: {
        output: { format: 'cjs', entryFileNames: 'index.js' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    plugins: [react(), cspMeta(), illustrationsCss()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      emptyOutDir: true,
      sourcemap: false,
      rolldownOptions: {
        input: resolve(root, 'renderer/index.html'),
      },
    },
  },
});
