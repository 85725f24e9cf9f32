import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { WEB_PREVIEW_CSP_META, withCspMeta } from './main/web-security';
import { illustrationsCss } from './vite-illustrations.config';

/**
 * The renderer as a plain web page: `vite --config vite.web.config.ts` for a browser preview
 * and `vite build --config vite.web.config.ts` -> dist-web/ for the end-to-end tests. The page
 * needs a `window.movesnack` (the tests install one bound to the real engine).
 */
const root = resolve(__dirname, 'renderer');

/**
 * The meta CSP is generated from the app's policy (main/web-security.ts), with connect-src 'self'
 * for the preview's event stream. The dev server's React refresh preamble is an inline script and
 * it talks to its server, so only while serving, inline scripts and its connections are allowed.
 */
function cspMeta(): Plugin {
  return {
    name: 'movesnack:csp-meta',
    transformIndexHtml: {
      order: 'pre',
      handler: (html, ctx) => {
        const built = withCspMeta(html, WEB_PREVIEW_CSP_META);
        if (!ctx.server) return built;
        return built.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace("connect-src 'self'", "connect-src 'self' ws: http:");
      },
    },
  };
}

export default defineConfig({
  root,
  base: './',
  plugins: [react(), cspMeta(), illustrationsCss()],
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
