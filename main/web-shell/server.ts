/**
 * The browser shell: the engine in Node, the built renderer served on 127.0.0.1, and the same
 * `window.movesnack` API answered over that loopback connection by main/ipc.ts.
 *
 *   page fetch POST /api/invoke/<channel> -> checks -> handleInvoke(companion, channel, args)
 *   companion.subscribe -> GET /api/events (server-sent events: `state`, `reminder`)
 *
 * Every request passes the checks in ./security.ts first; see SECURITY.md and README.md.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createCompanion, type Companion } from '../core';
import type { Clock } from '../core/types';
import { DataLock } from '../core/store-lock';
import { handleInvoke, isInvokeChannel } from '../ipc';
import { createSystemMonitor, desktopIdleStatus, type SystemMonitor } from '../system';
import { shellInvokeArgs, type DesktopStatus, type IpcResult } from '../../shared/ipc-contract';
import { reasonsToProbe, refreshWhenDue } from '../desk-presence';
import type { CompanionState } from '../../shared/state';
import type { Reminder } from '../../shared/reminders';
import { serveHandoff, type HandoffServer } from './handoff';
import { openInBrowser } from './open-browser';
import {
  SECURITY_HEADERS,
  cookieName,
  isAllowedFetchSite,
  isAllowedHost,
  isAllowedOrigin,
  newToken,
  readCookie,
  sameToken,
  sessionCookie,
} from './security';

export const ROOT = path.resolve(__dirname, '../..');
/** The renderer built for a plain browser (`npm run build:web`, vite.web.config.ts). */
export const DEFAULT_RENDERER_DIR = path.join(ROOT, 'dist-web');

/** How long a link handed out for a browser or a second launch stays valid (it works once). */
const LINK_TTL_MS = 60_000;
/** Largest request body (an import of several years of history fits easily). */
const MAX_BODY_BYTES = 32 * 1024 * 1024;
/** The marker that tells the page it is served by this shell (renderer/web-shell/transport.ts). */
export const SHELL_META = '<meta name="movesnack-shell" content="web" />';

export interface WebShellOptions {
  /** Store files live here (the same folder as the Electron app's userData). */
  dataDir: string;
  /** The engine's time source and timers (tests move a clock of their own). */
  clock?: Clock;
  /**
   * Seconds since the last keyboard or mouse input. Default: none (0), unless `desktop` is set.
   */
  idleSeconds?: () => number;
  /**
   * Watch this desktop through main/system (idle time, screen lock, calls and full screen), as
   * the Electron shell does. `npm start` sets it; tests drive idle time themselves.
   */
  desktop?: boolean;
  /** The built renderer to serve (default: dist-web/). */
  rendererDir?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Open the page in a browser once listening (default false). */
  open?: boolean;
}

export interface WebShell {
  readonly port: number;
  /** http://127.0.0.1:PORT */
  readonly origin: string;
  /** The link to print: it signs one browser in, once. */
  readonly url: string;
  readonly dataDir: string;
  readonly companion: Companion;
  /** A fresh one-time link, valid for a minute (for a browser's command line or a second launch). */
  mintLink(): string;
  /** Stops serving, then stops the engine (which saves everything). Safe to call twice. */
  close(): Promise<void>;
}

export class FolderLocked extends Error {
  constructor(readonly pid: number) {
    super(`Another Movesnack (process ${pid}) is using this data folder.`);
  }
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.wav': 'audio/wav',
};

function send(res: http.ServerResponse, status: number, type: string, body: string | Buffer, extra: Record<string, string> = {}) {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, ...extra });
  res.end(body);
}

/** A refusal says what to do and nothing else: no data, no hint about the engine. */
function refuse(res: http.ServerResponse, status: 401 | 403 | 404 | 405 | 413 | 400, message: string, html: boolean) {
  if (html) {
    const body = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Movesnack</title><p>${message}</p></html>`;
    send(res, status, 'text/html; charset=utf-8', body);
  } else {
    send(res, status, 'application/json; charset=utf-8', JSON.stringify({ ok: false, error: message }));
  }
}

const NEED_LINK =
  'Movesnack opens from the link it printed when it started. Run npm start again to open it: it will not start a second copy.';
const USED_LINK =
  'This link has already been used or has expired. Run npm start again to get a fresh one: Movesnack keeps running and will not start twice.';

function readBody(req: http.IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** The file under `dir` a URL path names, or null (outside it, hidden, missing, or a folder). */
function fileFor(dir: string, pathname: string): string | null {
  let rel: string;
  try {
    rel = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (rel.includes('\0') || rel.split(/[\\/]/).some((part) => part === '..' || part.startsWith('.'))) return null;
  if (rel === '/' || rel === '') rel = '/index.html';
  const file = path.resolve(dir, '.' + rel);
  if (!file.startsWith(dir + path.sep)) return null;
  try {
    return fs.statSync(file).isFile() ? file : null;
  } catch {
    return null;
  }
}

export async function startWebShell(options: WebShellOptions): Promise<WebShell> {
  const dataDir = path.resolve(options.dataDir);
  const rendererDir = path.resolve(options.rendererDir ?? DEFAULT_RENDERER_DIR);
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    throw new Error(`The page is not built yet (${path.relative(ROOT, rendererDir) || rendererDir}/index.html is missing).`);
  }
  fs.mkdirSync(dataDir, { recursive: true });

  // Link tokens: each works once. The session token is what the cookie carries.
  const session = newToken();
  const links = new Map<string, number>();
  let port = 0;
  let ready: (() => void) | null = null;
  const listening = new Promise<void>((resolve) => (ready = resolve));
  const linkFor = (token: string) => `http://127.0.0.1:${port}/open?k=${token}`;
  const mintLink = (ttl = LINK_TTL_MS) => {
    const now = Date.now();
    for (const [token, until] of links) if (until <= now) links.delete(token);
    const token = newToken();
    links.set(token, now + ttl);
    return linkFor(token);
  };
  const consumeLink = (token: string | null) => {
    if (!token) return false;
    for (const [known, until] of links) {
      if (sameToken(known, token)) {
        links.delete(known);
        return until > Date.now();
      }
    }
    return false;
  };

  // One shell per data folder: claim it before the engine touches any file.
  const handoff: HandoffServer = await serveHandoff(dataDir, async () => {
    await listening;
    return mintLink();
  });

  let companion: Companion;
  let monitor: SystemMonitor | null = null;
  let refreshSettings = () => undefined as unknown;
  /** OS events can arrive in any phase; the engine's refusal is not an error. */
  const systemAct = (action: Parameters<Companion['dispatch']>[0]) => {
    try {
      companion.dispatch(action);
    } catch {
      // e.g. a presence update while paused
    }
  };
  let locked: boolean | null = null;
  /** Each lock change once, whoever saw it (the idle poll or a desktop signal). */
  const setLocked = (seen: boolean) => {
    if (seen === locked) return;
    const was = locked;
    locked = seen;
    if (was !== null || seen) systemAct({ type: seen ? 'system/lock' : 'system/unlock' });
  };
  try {
    // Another writer that is not a browser shell (the Electron app) holds the engine's lock.
    const probe = new DataLock(dataDir);
    const owner = probe.acquire();
    if (owner !== null) throw new FolderLocked(owner);
    probe.release();

    if (options.desktop) {
      let settings: CompanionState['settings'] | null = null;
      const current = () => (settings ??= companion.getState().settings);
      monitor = createSystemMonitor({
        deferApps: () => current().deferApps,
        // A call or fullscreen counts as sitting whatever deferFor says: always looked at.
        reasons: () => reasonsToProbe(current()),
        onBusyChange: (busy) => systemAct({ type: 'presence/update', busy }),
        // The desktop's own lock signals (GNOME, KDE, logind): the unlock is seen even though
        // the engine does not poll while locked.
        onLockChange: (seen) => setLocked(seen),
      });
      // Settings change rarely: read them again after each state change, not on every probe.
      refreshSettings = () => (settings = null);
    }
    /**
     * The engine's idle poll reads the desktop (main/system refreshes in the same tick: no timer
     * of its own). A screen lock the same refresh saw is passed on once the poll is done.
     */
    const desktopIdle = (m: SystemMonitor) => () => {
      const idle = m.idleSeconds();
      const seen = m.peek().locked;
      if (seen !== null) queueMicrotask(() => setLocked(seen));
      return idle;
    };
    const idleSeconds = options.idleSeconds ?? (monitor ? desktopIdle(monitor) : undefined);
    companion = createCompanion({ dataDir, clock: options.clock, idleSeconds });
    // A call that began since the last idle poll still holds a break that comes due.
    if (monitor) refreshWhenDue(companion, () => monitor!.refresh());
  } catch (error) {
    monitor?.close();
    await handoff.close();
    throw error;
  }

  /** The shell-only query the dashboard asks: can this desktop show when the user steps away? */
  const desktopStatus = async (): Promise<DesktopStatus> => {
    if (options.idleSeconds) return { idle: 'ok', source: 'provided' };
    if (monitor) return desktopIdleStatus(monitor);
    return { idle: 'cant-tell', source: 'none' };
  };
  /** Shell channels this shell answers (savePdf is Electron's: the page prints instead). */
  const answerShell = async (channel: string, args: unknown): Promise<IpcResult<unknown> | null> => {
    if (channel !== 'desktopStatus') return null;
    const parsed = shellInvokeArgs.desktopStatus.safeParse(Array.isArray(args) ? args : [args]);
    if (!parsed.success) return { ok: false, error: 'desktopStatus takes no arguments.' };
    return { ok: true, value: await desktopStatus() };
  };

  // Server-sent events: every state the engine announces, to every open page.
  const streams = new Set<http.ServerResponse>();
  const broadcast = (event: string, payload: unknown) => {
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const res of streams) res.write(frame);
  };
  const offState = companion.subscribe((state: CompanionState) => {
    refreshSettings();
    broadcast('state', state);
  });
  const offReminder = companion.onReminder((reminder: Reminder) => broadcast('reminder', reminder));

  const hasSession = (req: http.IncomingMessage) => sameToken(readCookie(req.headers.cookie, cookieName(port)), session);

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const wantsHtml = (req.headers.accept ?? '').includes('text/html');
    // DNS rebinding: a page on another name that resolves to 127.0.0.1 still sends its name.
    if (!isAllowedHost(req.headers.host, port)) return refuse(res, 403, 'Refused.', false);
    if (!isAllowedOrigin(req.headers.origin, port, false)) return refuse(res, 403, 'Refused.', false);
    if (!isAllowedFetchSite(req.headers['sec-fetch-site'] as string | undefined)) return refuse(res, 403, 'Refused.', false);

    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const method = req.method ?? 'GET';

    if (url.pathname === '/open') {
      if (method !== 'GET') return refuse(res, 405, 'Refused.', false);
      if (consumeLink(url.searchParams.get('k'))) {
        // The link is spent; the cookie carries the session, and the address bar loses the token.
        res.writeHead(303, { ...SECURITY_HEADERS, Location: '/', 'Set-Cookie': sessionCookie(port, session) });
        res.end();
        return;
      }
      if (hasSession(req)) {
        res.writeHead(303, { ...SECURITY_HEADERS, Location: '/' });
        res.end();
        return;
      }
      return refuse(res, 403, USED_LINK, true);
    }

    if (!hasSession(req)) return refuse(res, 401, NEED_LINK, wantsHtml);

    if (url.pathname.startsWith('/api/')) {
      if (url.pathname === '/api/events') {
        if (method !== 'GET') return refuse(res, 405, 'Refused.', false);
        res.writeHead(200, {
          ...SECURITY_HEADERS,
          'Content-Type': 'text/event-stream; charset=utf-8',
          Connection: 'keep-alive',
        });
        // The page may have missed changes while it was away: it starts from the current state.
        res.write(`retry: 3000\nevent: state\ndata: ${JSON.stringify(companion.getState())}\n\n`);
        streams.add(res);
        const drop = () => streams.delete(res);
        req.on('close', drop);
        res.on('close', drop);
        return;
      }
      const match = /^\/api\/invoke\/([A-Za-z]+)$/.exec(url.pathname);
      if (!match) return refuse(res, 404, 'Not found.', false);
      if (method !== 'POST') return refuse(res, 405, 'Refused.', false);
      // Anything that may change state must come from our own page.
      if (!isAllowedOrigin(req.headers.origin, port, true)) return refuse(res, 403, 'Refused.', false);
      if (!(req.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) {
        return refuse(res, 403, 'Refused.', false);
      }
      const body = await readBody(req);
      if (body === null) return refuse(res, 413, 'That is too large to send to Movesnack.', false);
      let args: unknown;
      try {
        args = body.length === 0 ? [] : JSON.parse(body.toString('utf8'));
      } catch {
        return refuse(res, 400, 'The request could not be read.', false);
      }
      const channel = match[1]!;
      const shellResult = await answerShell(channel, args);
      if (shellResult) return send(res, 200, 'application/json; charset=utf-8', JSON.stringify(shellResult));
      const result = isInvokeChannel(channel)
        ? handleInvoke(companion, channel, args)
        : { ok: false as const, error: `Unknown channel ${JSON.stringify(channel)}` };
      return send(res, 200, 'application/json; charset=utf-8', JSON.stringify(result));
    }

    if (method !== 'GET' && method !== 'HEAD') return refuse(res, 405, 'Refused.', false);
    const file = fileFor(rendererDir, url.pathname);
    if (!file) return refuse(res, 404, 'Not found.', wantsHtml);
    const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    let body = fs.readFileSync(file);
    if (file === path.join(rendererDir, 'index.html')) {
      body = Buffer.from(body.toString('utf8').replace(/<\/head>/i, `  ${SHELL_META}\n  </head>`));
    }
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': type, 'Content-Length': String(body.length) });
    res.end(method === 'HEAD' ? undefined : body);
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) refuse(res, 400, 'The request could not be read.', false);
      else res.destroy();
    });
  });
  // No CORS anywhere: OPTIONS preflights fall through to the checks and are refused.
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    offState();
    offReminder();
    await companion.stop();
    await handoff.close();
    throw error;
  }
  port = (server.address() as AddressInfo).port;
  companion.start();
  ready!();

  // The printed link works once, whenever it is opened.
  const printed = mintLink(Number.POSITIVE_INFINITY);
  if (options.open) openInBrowser(mintLink());

  let closing: Promise<void> | null = null;
  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    url: printed,
    dataDir,
    companion,
    mintLink: () => mintLink(),
    close() {
      closing ??= (async () => {
        offReminder();
        for (const res of streams) res.end();
        streams.clear();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await handoff.close();
        offState();
        monitor?.close();
        await companion.stop();
      })();
      return closing;
    },
  };
}
