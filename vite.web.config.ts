import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The renderer as a plain web page: `vite --config vite.web.config.ts` for a browser preview
 * and `vite build --config vite.web.config.ts` -> dist-web/ for the end-to-end tests. The page
 * needs a `window.movesnack` (the tests install one bound to the real engine).
 */
const root = resolve(__dirname, 'renderer');

/**
 * The dev server's React refresh preamble is an inline script, which the strict CSP in
 * index.html forbids. Only while serving, allow inline scripts; built files keep the CSP as is.
 */
function relaxCspForDevServer(): Plugin {
  return {
    name: 'movesnack:relax-csp-for-dev-server',
    apply: 'serve',
    transformIndexHtml(html) {
      return html
        .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
        .replace("connect-src 'self'", "connect-src 'self' ws: http:");
    },
  };
}

export default defineConfig({
  root,
  base: './',
  plugins: [react(), relaxCspForDevServer()],
  build: {
    outDir: resolve(__dirname, 'dist-web'),
    emptyOutDir: true,
    sourcemap: true,
    // One stylesheet and one script: nothing inlined into the HTML, so the CSP holds.
    assetsInlineLimit: 0,
  },
  server: { host: '127.0.0.1', strictPort: false },
  preview: { host: '127.0.0.1' },
});
