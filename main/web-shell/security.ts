/**
 * The browser shell's rules at the loopback boundary, as pure functions (unit-tested, and tried
 * against the real server in tests/web-shell/). Anyone on the machine can reach 127.0.0.1, and
 * any web page the user visits can try DNS rebinding, so every request is checked:
 *
 * - Host must be 127.0.0.1:PORT or localhost:PORT (a rebinding page sends its own name).
 * - A session cookie (HttpOnly, SameSite=Strict) proves the browser opened a link Movesnack
 *   printed or handed out; without it nothing but a short refusal is sent.
 * - Origin, when present, must be this server; on anything that changes state it must be present.
 * - No CORS headers at all, so no other origin can read an answer.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { RENDERER_CSP } from '../web-security';

/**
 * The Electron shell's policy (main/web-security.ts), with the one difference a page served
 * over http needs: it talks to the engine with fetch and EventSource on its own origin, so
 * `connect-src 'self'` instead of `'none'`. Everything else is identical.
 */
export const WEB_SHELL_CSP = (() => {
  const policy = RENDERER_CSP.replace("connect-src 'none'", "connect-src 'self'");
  if (policy === RENDERER_CSP) throw new Error("RENDERER_CSP no longer says connect-src 'none'; update the web shell");
  return policy;
})();

/** Headers on every answer, refusals included. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': WEB_SHELL_CSP,
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

/** A fresh random token: 32 bytes, URL-safe. */
export const newToken = () => randomBytes(32).toString('base64url');

/** Compares two tokens without leaking how much of them matched. */
export function sameToken(a: string | null | undefined, b: string | null | undefined): boolean {
  if (typeof a !== 'string' || typeof b !== 'string') return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

/** The hosts this server answers to. */
export const allowedHosts = (port: number) => [`127.0.0.1:${port}`, `localhost:${port}`];

export function isAllowedHost(host: string | undefined, port: number): boolean {
  return typeof host === 'string' && allowedHosts(port).includes(host.toLowerCase());
}

/** Our own origins (the page's Origin header when it calls the API). */
export const allowedOrigins = (port: number) => allowedHosts(port).map((h) => `http://${h}`);

/**
 * `required`: the request changes something, so a browser always sends Origin; a missing one
 * means it did not come from our page. Otherwise an Origin, when sent, must still be ours.
 */
export function isAllowedOrigin(origin: string | undefined, port: number, required: boolean): boolean {
  if (origin === undefined) return !required;
  return allowedOrigins(port).includes(origin.toLowerCase());
}

/**
 * Fetch metadata, where the browser sends it: a navigation typed or opened from outside
 * ('none') or our own page ('same-origin'). Another site, even another port of 127.0.0.1
 * ('same-site'), is refused.
 */
export function isAllowedFetchSite(site: string | undefined): boolean {
  return site === undefined || site === 'none' || site === 'same-origin';
}

/**
 * One cookie name per port: cookies ignore ports, so two Movesnack shells (two data folders)
 * on one machine must not overwrite each other's session.
 */
export const cookieName = (port: number) => `movesnack_${port}`;

export function sessionCookie(port: number, token: string): string {
  return `${cookieName(port)}=${token}; Path=/; HttpOnly; SameSite=Strict`;
}

/** The value of one cookie from a Cookie header, or null. */
export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}
