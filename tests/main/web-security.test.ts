import { describe, expect, it } from 'vitest';
import {
  RENDERER_CSP,
  RENDERER_CSP_META,
  devCsp,
  isAllowedRequest,
  isFileInside,
  isTrustedRendererUrl,
} from '../../main/web-security';

const INDEX = 'file:///opt/Movesnack/resources/app.asar/out/renderer/index.html';
const DIR = 'file:///opt/Movesnack/resources/app.asar/out/renderer';

const directives = (csp: string) => new Map(csp.split('; ').map((d) => [d.split(' ')[0]!, d.split(' ').slice(1)]));

describe('renderer CSP', () => {
  it('allows only our own files: no inline or eval script, no remote content, no network', () => {
    const d = directives(RENDERER_CSP);
    expect(d.get('default-src')).toEqual(["'none'"]);
    expect(d.get('script-src')).toEqual(["'self'"]);
    expect(d.get('style-src')).toEqual(["'self'"]);
    expect(d.get('connect-src')).toEqual(["'none'"]);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('frame-ancestors')).toEqual(["'none'"]);
    expect(RENDERER_CSP).not.toMatch(/unsafe-|https?:|\*/);
  });

  it('has a meta-tag form without frame-ancestors (ignored in meta tags)', () => {
    expect(RENDERER_CSP_META).not.toContain('frame-ancestors');
    expect(RENDERER_CSP_META).toContain("script-src 'self'");
  });

  it('relaxes only what the dev server needs, in development', () => {
    const csp = devCsp('http://localhost:5173');
    expect(csp).toContain("connect-src 'self' ws://localhost:5173");
    expect(csp).toContain("script-src 'self' 'unsafe-inline'");
    expect(csp).not.toContain('unsafe-eval');
  });
});

describe('trusted renderer URL (IPC senders)', () => {
  it('trusts our index.html on any hash route', () => {
    expect(isTrustedRendererUrl(INDEX, { indexFileUrl: INDEX })).toBe(true);
    expect(isTrustedRendererUrl(`${INDEX}#/prompt`, { indexFileUrl: INDEX })).toBe(true);
  });

  it('does not trust other local files, remote pages, or data/blob URLs', () => {
    for (const url of [
      'file:///opt/Movesnack/resources/app.asar/out/renderer/other.html',
      'file:///tmp/index.html',
      'https://example.com/index.html',
      'data:text/html,<script>1</script>',
      'about:blank',
      'not a url',
    ]) {
      expect(isTrustedRendererUrl(url, { indexFileUrl: INDEX }), url).toBe(false);
    }
  });

  it('trusts the dev server origin only when one is configured', () => {
    expect(isTrustedRendererUrl('http://localhost:5173/#/', { indexFileUrl: INDEX })).toBe(false);
    expect(
      isTrustedRendererUrl('http://localhost:5173/#/', { indexFileUrl: INDEX, devOrigin: 'http://localhost:5173' }),
    ).toBe(true);
    expect(
      isTrustedRendererUrl('http://localhost:5174/', { indexFileUrl: INDEX, devOrigin: 'http://localhost:5173' }),
    ).toBe(false);
  });

  it('compares file paths after decoding, and without case on Windows', () => {
    const spaced = 'file:///C:/Program%20Files/Movesnack/resources/app.asar/out/renderer/index.html';
    expect(isTrustedRendererUrl(spaced.replace('Program%20Files', 'Program Files'), { indexFileUrl: spaced })).toBe(
      true,
    );
    expect(isTrustedRendererUrl(spaced.replace('Program', 'PROGRAM'), { indexFileUrl: spaced })).toBe(false);
    expect(
      isTrustedRendererUrl(spaced.replace('Program', 'PROGRAM'), { indexFileUrl: spaced, caseInsensitive: true }),
    ).toBe(true);
  });
});

describe('allowed requests (no remote content)', () => {
  const where = { indexFileUrl: INDEX, rendererDirUrl: DIR };

  it('allows files inside the renderer folder and inline data', () => {
    expect(isAllowedRequest(`${DIR}/assets/index-abc.js`, where)).toBe(true);
    expect(isAllowedRequest('data:image/png;base64,AAAA', where)).toBe(true);
    expect(isAllowedRequest('blob:file:///1234', where)).toBe(true);
  });

  it('blocks other files, parent-folder tricks and any network request', () => {
    expect(isAllowedRequest('file:///etc/passwd', where)).toBe(false);
    expect(isAllowedRequest(`${DIR}/../main/index.js`, where)).toBe(false);
    expect(isAllowedRequest(`${DIR}/%2e%2e/main/index.js`, where)).toBe(false);
    expect(isAllowedRequest('file:///opt/Movesnack/resources/app.asar/out/renderer-evil/x.js', where)).toBe(false);
    expect(isAllowedRequest('https://cdn.example.com/lib.js', where)).toBe(false);
    expect(isAllowedRequest('http://localhost:5173/src/main.tsx', where)).toBe(false);
  });

  it('allows the dev server (and its WebSocket) only in development', () => {
    const dev = { ...where, devOrigin: 'http://localhost:5173' };
    expect(isAllowedRequest('http://localhost:5173/src/main.tsx', dev)).toBe(true);
    expect(isAllowedRequest('ws://localhost:5173/', dev)).toBe(true);
    expect(isAllowedRequest('http://localhost:8080/', dev)).toBe(false);
  });

  it('checks folder containment on whole path segments', () => {
    expect(isFileInside('file:///a/b/c.js', 'file:///a/b')).toBe(true);
    expect(isFileInside('file:///a/bc/c.js', 'file:///a/b')).toBe(false);
    expect(isFileInside('file:///A/B/c.js', 'file:///a/b', true)).toBe(true);
  });
});
