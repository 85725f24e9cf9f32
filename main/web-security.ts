/**
 * The renderer's security policy, as data and pure checks (no Electron) so it is unit-tested.
 * main/electron applies it: the CSP header on every response, the origin check on every IPC
 * call and navigation.
 */

/**
 * The renderer loads only its own bundled files: no remote content, no inline script, no
 * eval, no plugins, no frames, no network (it talks to main through IPC only).
 * `img-src data:` allows inline SVG/PNG illustrations; `media-src` allows bundled sounds.
 */
export const RENDERER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "media-src 'self' data:",
  "connect-src 'none'",
  "worker-src 'none'",
  "frame-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The same policy for a `<meta http-equiv>` tag in renderer/index.html (a meta CSP may not
 * carry frame-ancestors: browsers ignore it there and warn).
 */
export const RENDERER_CSP_META = RENDERER_CSP.split('; ')
  .filter((d) => !d.startsWith('frame-ancestors'))
  .join('; ');

/**
 * The web preview build (vite.web.config.ts, used by the end-to-end tests) is served by a test
 * server and talks to it over an EventSource, so it may connect to its own origin; nothing else
 * differs from the app's policy.
 */
export const WEB_PREVIEW_CSP_META = RENDERER_CSP_META.replace("connect-src 'none'", "connect-src 'self'");

const CSP_META = /<meta\s+http-equiv="Content-Security-Policy"\s+content="[^"]*"\s*\/?>/;

/**
 * Fills renderer/index.html's CSP meta tag from the policy, at build time (both Vite configs call
 * this), so the meta tag and the header can never disagree. Throws when the tag is missing, so a
 * build never ships a page without one.
 */
export function withCspMeta(html: string, policy: string): string {
  if (!CSP_META.test(html)) throw new Error('renderer/index.html has no Content-Security-Policy meta tag to fill in');
  return html.replace(CSP_META, `<meta http-equiv="Content-Security-Policy" content="${policy}" />`);
}

/** The policy in renderer/index.html's meta tag, or null. */
export function cspMetaOf(html: string): string | null {
  return /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html)?.[1] ?? null;
}

/**
 * Development only (electron-vite dev server): Vite injects styles and the React refresh
 * preamble inline and talks to its server over a WebSocket.
 */
export function devCsp(devOrigin: string): string {
  const ws = devOrigin.replace(/^http/, 'ws');
  return [
    "default-src 'none'",
    "script-src 'self' 'unsafe-inline'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "media-src 'self' data:",
    `connect-src 'self' ${ws}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export interface RendererLocation {
  /** file:// URL of out/renderer/index.html. */
  indexFileUrl: string;
  /** http://localhost:5173 style origin of the dev server, when running `electron-vite dev`. */
  devOrigin?: string | null | undefined;
  /** Compare file paths without case (Windows). */
  caseInsensitive?: boolean;
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True only for our own renderer page (any hash route), never another file or site. */
export function isTrustedRendererUrl(url: string, where: RendererLocation): boolean {
  const target = parse(url);
  if (!target) return false;
  if (target.protocol === 'file:') {
    const index = parse(where.indexFileUrl);
    if (!index || index.protocol !== 'file:' || target.host !== index.host) return false;
    const decode = (p: string) => {
      try {
        const decoded = decodeURIComponent(p);
        return where.caseInsensitive ? decoded.toLowerCase() : decoded;
      } catch {
        return null;
      }
    };
    const path = decode(target.pathname);
    return path !== null && path === decode(index.pathname);
  }
  if (where.devOrigin) {
    const dev = parse(where.devOrigin);
    return !!dev && (target.protocol === 'http:' || target.protocol === 'https:') && target.origin === dev.origin;
  }
  return false;
}

/** Whether `url` is a file:// URL inside the folder `dirUrl` (itself a file:// URL). */
export function isFileInside(url: string, dirUrl: string, caseInsensitive = false): boolean {
  const target = parse(url);
  const dir = parse(dirUrl);
  if (!target || !dir || target.protocol !== 'file:' || dir.protocol !== 'file:' || target.host !== dir.host)
    return false;
  const norm = (p: string) => {
    let decoded: string;
    try {
      decoded = decodeURIComponent(p);
    } catch {
      return null;
    }
    return caseInsensitive ? decoded.toLowerCase() : decoded;
  };
  const path = norm(target.pathname);
  const base = norm(dir.pathname.endsWith('/') ? dir.pathname : dir.pathname + '/');
  return path !== null && base !== null && !path.split('/').includes('..') && path.startsWith(base);
}

/** Requests the renderer may make: its own files, inline data, and the dev server. */
export function isAllowedRequest(url: string, where: RendererLocation & { rendererDirUrl: string }): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:') || url.startsWith('devtools:')) return true;
  if (url.startsWith('file:')) return isFileInside(url, where.rendererDirUrl, where.caseInsensitive);
  if (where.devOrigin) {
    const target = parse(url);
    const dev = parse(where.devOrigin);
    if (!target || !dev) return false;
    const wsOrigin = dev.origin.replace(/^http/, 'ws');
    return target.origin === dev.origin || target.origin === wsOrigin;
  }
  return false;
}
