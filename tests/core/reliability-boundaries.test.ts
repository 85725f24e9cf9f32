/**
 * Issue 16, items 16 and 18 (savePdf): the meta CSP is generated from the header policy, and the
 * PDF file name refuses Windows device names.
 */
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';
import { RENDERER_CSP, RENDERER_CSP_META, WEB_PREVIEW_CSP_META, cspMetaOf, withCspMeta } from '../../main/web-security';
import { shellInvokeArgs } from '../../shared/ipc-contract';

/** The build configs, loaded as the build loads them (outside the test type project). */
const loadConfig = async (name: string) => ((await import(/* @vite-ignore */ path.join(root, name))) as { default: unknown }).default;

const root = path.join(__dirname, '..', '..');
const indexHtml = fs.readFileSync(path.join(root, 'renderer', 'index.html'), 'utf8');

function cspPlugin(plugins: unknown): Plugin {
  const flat = ([plugins] as unknown[]).flat(3) as Plugin[];
  const plugin = flat.find((p) => p && p.name === 'movesnack:csp-meta');
  if (!plugin) throw new Error('no movesnack:csp-meta plugin');
  return plugin;
}
const run = (plugin: Plugin, html: string, server = false) => {
  const hook = plugin.transformIndexHtml as { handler: (html: string, ctx: unknown) => string };
  return hook.handler(html, { path: '/index.html', filename: 'index.html', ...(server ? { server: {} } : {}) });
};

describe('item 16: one CSP', () => {
  it('the meta policy is the header policy without frame-ancestors, default-src none', () => {
    expect(RENDERER_CSP_META).toBe(RENDERER_CSP.replace("; frame-ancestors 'none'", ''));
    expect(RENDERER_CSP_META).toMatch(/^default-src 'none'/);
    expect(cspMetaOf(indexHtml)).toBe(RENDERER_CSP_META);
  });

  it('the Electron build fills the meta tag from RENDERER_CSP_META, whatever the source says', async () => {
    const config = (await loadConfig('electron.vite.config.ts')) as { renderer: { plugins: unknown } };
    const stale = indexHtml.replace(RENDERER_CSP_META, "default-src 'self'");
    expect(cspMetaOf(run(cspPlugin(config.renderer.plugins), stale))).toBe(RENDERER_CSP_META);
  });

  it('the web preview build uses the same policy, connecting only to its own server', async () => {
    const plugin = cspPlugin(((await loadConfig('vite.web.config.ts')) as { plugins: unknown }).plugins);
    expect(cspMetaOf(run(plugin, indexHtml))).toBe(WEB_PREVIEW_CSP_META);
    expect(WEB_PREVIEW_CSP_META).toBe(RENDERER_CSP_META.replace("connect-src 'none'", "connect-src 'self'"));
    expect(cspMetaOf(run(plugin, indexHtml, true))).toMatch(/script-src 'self' 'unsafe-inline'/);
  });

  it('a page without the meta tag fails the build', () => {
    expect(() => withCspMeta('<html><head></head></html>', RENDERER_CSP_META)).toThrow(/no Content-Security-Policy meta tag/);
  });
});

describe('item 18: savePdf file names', () => {
  const ok = (name: string) => shellInvokeArgs.savePdf.safeParse([name]).success;
  it('refuses Windows device names, with or without an extension, in any case', () => {
    for (const name of ['CON', 'con', 'PRN', 'AUX', 'NUL', 'nul.txt', 'COM1', 'com9', 'LPT1', 'lpt9.pdf', 'CON .x', 'report.', 'report ']) {
      expect(ok(name), name).toBe(false);
    }
  });
  it('accepts plain names, including ones that merely start like a device', () => {
    for (const name of ['Workstation check', 'report (2026-11-23)', 'console', 'COM10', 'LPT', 'nullish_notes', 'a']) {
      expect(ok(name), name).toBe(true);
    }
  });
});
