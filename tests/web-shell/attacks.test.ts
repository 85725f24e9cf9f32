/**
 * Loopback is still a boundary: each attack against the real browser shell (startWebShell, as
 * `npm start` runs it) on a temporary data folder, with raw HTTP requests, so every header is
 * exactly what an attacker would send.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startWebShell, type WebShell } from '../../main/web-shell/server';
import { FolderInUse, askRunningShell, handoffPath } from '../../main/web-shell/handoff';
import { WEB_SHELL_CSP, cookieName } from '../../main/web-shell/security';
import { RENDERER_CSP } from '../../main/web-security';

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function request(
  port: number,
  options: { method?: string; path?: string; headers?: Record<string, string>; body?: string; host?: string },
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path ?? '/',
        headers: { Host: options.host ?? `127.0.0.1:${port}`, ...options.headers },
        agent: false,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

/** The first bytes of the event stream (it never ends by itself). */
function firstEvent(port: number, headers: Record<string, string>): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, path: '/api/events', headers: { Host: `127.0.0.1:${port}`, ...headers }, agent: false },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        const done = () => {
          req.destroy();
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
        };
        res.on('data', (c: string) => {
          body += c;
          if (body.includes('\n\n') && body.includes('event: state')) done();
        });
        res.on('end', done);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

let dataDir: string;
let rendererDir: string;
let shell: WebShell;
let port: number;
let cookie: string;
const origin = () => `http://127.0.0.1:${port}`;
const invoke = (channel: string, args: unknown[], headers: Record<string, string>) =>
  request(port, {
    method: 'POST',
    path: `/api/invoke/${channel}`,
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(args),
  });

/** Nothing of the engine's state or the page's code may appear in a refusal. */
function revealsNothing(answer: Answer) {
  expect(answer.body).not.toMatch(/phase|nextBreakAt|settings|<script|assets\//);
  expect(answer.body.length).toBeLessThan(400);
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'movesnack-attacks-'));
  rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'movesnack-page-'));
  fs.writeFileSync(
    path.join(rendererDir, 'index.html'),
    '<!doctype html><html><head><title>Movesnack</title><script type="module" src="./assets/app.js"></script></head><body><div id="root"></div></body></html>',
  );
  fs.mkdirSync(path.join(rendererDir, 'assets'));
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log("app")');
  fs.writeFileSync(path.join(dataDir, 'secret-note.txt'), 'not for the web');
  shell = await startWebShell({ dataDir, rendererDir, open: false });
  port = shell.port;
  const opened = await request(port, { path: new URL(shell.url).pathname + new URL(shell.url).search });
  expect(opened.status).toBe(303);
  expect(opened.headers.location).toBe('/');
  const setCookie = opened.headers['set-cookie']?.[0] ?? '';
  expect(setCookie).toMatch(new RegExp(`^${cookieName(port)}=[\\w-]{43}; Path=/; HttpOnly; SameSite=Strict$`));
  cookie = setCookie.split(';')[0]!;
});

afterAll(async () => {
  await shell?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('the browser shell refuses', () => {
  it('listens on 127.0.0.1 only', async () => {
    expect(shell.origin).toBe(`http://127.0.0.1:${port}`);
    const addresses = Object.values(os.networkInterfaces())
      .flat()
      .filter((a): a is os.NetworkInterfaceInfo => !!a && a.family === 'IPv4' && !a.internal);
    for (const a of addresses) {
      await expect(
        new Promise((resolve, reject) => {
          const s = net.connect(port, a.address, () => resolve(s.destroy()));
          s.on('error', reject);
        }),
      ).rejects.toThrow(/ECONNREFUSED/);
    }
    await expect(
      new Promise((resolve, reject) => {
        const s = net.connect({ port, host: '::1' }, () => resolve(s.destroy()));
        s.on('error', reject);
      }),
    ).rejects.toThrow();
  });

  it('every request without the cookie: 401, no data (page, assets, API, events)', async () => {
    for (const p of ['/', '/index.html', '/assets/app.js', '/api/events', '/favicon.svg', '/../secret-note.txt']) {
      const answer = await request(port, { path: p, headers: { Accept: 'text/html' } });
      expect(answer.status, p).toBe(401);
      revealsNothing(answer);
    }
    const api = await invoke('getState', [], { Origin: origin() });
    expect(api.status).toBe(401);
    revealsNothing(api);
    const dispatch = await invoke('dispatch', [{ type: 'pause' }], { Origin: origin() });
    expect(dispatch.status).toBe(401);
    expect(shell.companion.getState().phase).not.toBe('paused');
  });

  it('a wrong or guessed cookie, or the cookie of another port', async () => {
    for (const bad of [
      `${cookieName(port)}=nope`,
      `${cookieName(port)}=${'A'.repeat(43)}`,
      `${cookieName(port + 1)}=${cookie.split('=')[1]}`,
      `${cookieName(port)}=`,
    ]) {
      const answer = await invoke('getState', [], { Origin: origin(), Cookie: bad });
      expect(answer.status, bad).toBe(401);
      revealsNothing(answer);
    }
  });

  it('the printed link works once; a used, guessed or expired link signs nobody in', async () => {
    const used = await request(port, { path: new URL(shell.url).pathname + new URL(shell.url).search });
    expect(used.status).toBe(403);
    expect(used.headers['set-cookie']).toBeUndefined();
    revealsNothing(used);
    const guessed = await request(port, { path: `/open?k=${'x'.repeat(43)}` });
    expect(guessed.status).toBe(403);
    expect(guessed.headers['set-cookie']).toBeUndefined();
    const empty = await request(port, { path: '/open' });
    expect(empty.status).toBe(403);
    // A fresh one-time link (what a second launch or the browser's command line gets) works once.
    const minted = new URL(shell.mintLink());
    const first = await request(port, { path: minted.pathname + minted.search });
    expect(first.status).toBe(303);
    const again = await request(port, { path: minted.pathname + minted.search });
    expect(again.status).toBe(403);
  });

  it('a foreign Host (DNS rebinding), even with the cookie', async () => {
    for (const host of [`evil.example:${port}`, `127.0.0.1:${port + 1}`, 'localhost', `127.0.0.1.evil.example:${port}`, `[::1]:${port}`]) {
      const page = await request(port, { host, headers: { Cookie: cookie } });
      expect(page.status, host).toBe(403);
      revealsNothing(page);
      const api = await invoke('getState', [], { Origin: `http://${host}`, Cookie: cookie });
      expect(api.status, host).toBe(403);
      revealsNothing(api);
    }
    // A link is not spent by a request to a foreign Host either.
    const minted = new URL(shell.mintLink());
    const rebound = await request(port, { host: `evil.example:${port}`, path: minted.pathname + minted.search });
    expect(rebound.status).toBe(403);
    expect(rebound.headers['set-cookie']).toBeUndefined();
  });

  it('localhost:PORT is accepted as a Host', async () => {
    const answer = await request(port, { host: `localhost:${port}`, headers: { Cookie: cookie } });
    expect(answer.status).toBe(200);
  });

  it('a state change without Origin, or from another origin (CSRF), with the cookie', async () => {
    for (const headers of [
      {},
      { Origin: 'http://evil.example' },
      { Origin: `http://127.0.0.1:${port + 1}` },
      { Origin: 'null' },
    ] as Record<string, string>[]) {
      const answer = await invoke('dispatch', [{ type: 'pause' }], { Cookie: cookie, ...headers });
      expect(answer.status, JSON.stringify(headers)).toBe(403);
      revealsNothing(answer);
    }
    expect(shell.companion.getState().phase).not.toBe('paused');
    // A form post (text/plain, no preflight) is refused even from our own origin.
    const form = await request(port, {
      method: 'POST',
      path: '/api/invoke/dispatch',
      headers: { Cookie: cookie, Origin: origin(), 'Content-Type': 'text/plain' },
      body: '[{"type":"pause"}]',
    });
    expect(form.status).toBe(403);
    expect(shell.companion.getState().phase).not.toBe('paused');
  });

  it('a read from another site (Sec-Fetch-Site cross-site or same-site), with the cookie', async () => {
    for (const site of ['cross-site', 'same-site']) {
      const answer = await request(port, { headers: { Cookie: cookie, 'Sec-Fetch-Site': site } });
      expect(answer.status, site).toBe(403);
      revealsNothing(answer);
      const events = await request(port, { path: '/api/events', headers: { Cookie: cookie, 'Sec-Fetch-Site': site } });
      expect(events.status).toBe(403);
    }
  });

  it('no CORS: a preflight is refused and no answer carries Access-Control headers', async () => {
    const preflight = await request(port, {
      method: 'OPTIONS',
      path: '/api/invoke/dispatch',
      headers: { Origin: 'http://evil.example', 'Access-Control-Request-Method': 'POST' },
    });
    expect(preflight.status).toBe(403);
    const answers = [
      preflight,
      await invoke('getState', [], { Origin: origin(), Cookie: cookie }),
      await request(port, { headers: { Cookie: cookie } }),
      await request(port, { headers: { Origin: 'http://evil.example', Cookie: cookie } }),
    ];
    for (const a of answers) {
      expect(Object.keys(a.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
    }
  });

  it('paths outside the built page (traversal, dot files, the data folder)', async () => {
    for (const p of ['/../package.json', '/%2e%2e/package.json', '/assets/..%2f..%2fpackage.json', '/.env', '/%00', '/secret-note.txt']) {
      const answer = await request(port, { path: p, headers: { Cookie: cookie } });
      expect(answer.status, p).toBe(404);
      expect(answer.body).not.toContain('not for the web');
      expect(answer.body).not.toContain('"name": "movesnack"');
    }
  });

  it('methods that are not the API’s: PUT, DELETE, a GET of an invoke channel', async () => {
    expect((await request(port, { method: 'PUT', headers: { Cookie: cookie, Origin: origin() } })).status).toBe(405);
    expect((await request(port, { method: 'DELETE', path: '/api/invoke/dispatch', headers: { Cookie: cookie, Origin: origin() } })).status).toBe(405);
    expect((await request(port, { path: '/api/invoke/getState', headers: { Cookie: cookie } })).status).toBe(405);
  });

  it('arguments the contract does not allow: the engine’s refusal, state unchanged', async () => {
    const before = shell.companion.getState();
    const bad = await invoke('dispatch', [{ type: 'nonsense' }], { Origin: origin(), Cookie: cookie });
    expect(bad.status).toBe(200);
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false });
    const unknown = await invoke('eval', ['1'], { Origin: origin(), Cookie: cookie });
    expect(JSON.parse(unknown.body)).toEqual({ ok: false, error: 'Unknown channel "eval"' });
    const broken = await request(port, {
      method: 'POST',
      path: '/api/invoke/getState',
      headers: { Cookie: cookie, Origin: origin(), 'Content-Type': 'application/json' },
      body: '{',
    });
    expect(broken.status).toBe(400);
    expect(shell.companion.getState()).toEqual(before);
  });
});

describe('the browser shell answers its own page', () => {
  it('the page with the same CSP as the Electron shell (plus connect-src self), no-referrer, no framing', async () => {
    const page = await request(port, { headers: { Cookie: cookie } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<meta name="movesnack-shell" content="web" />');
    expect(page.headers['content-security-policy']).toBe(WEB_SHELL_CSP);
    expect(WEB_SHELL_CSP).toBe(RENDERER_CSP.replace("connect-src 'none'", "connect-src 'self'"));
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    // Refusals carry the same headers.
    const refused = await request(port, {});
    expect(refused.headers['content-security-policy']).toBe(WEB_SHELL_CSP);
    expect(refused.headers['referrer-policy']).toBe('no-referrer');
  });

  it('the API through main/ipc.ts, and the state as server-sent events', async () => {
    const state = await invoke('getState', [], { Origin: origin(), Cookie: cookie });
    expect(JSON.parse(state.body)).toEqual({ ok: true, value: JSON.parse(JSON.stringify(shell.companion.getState())) });
    const events = await firstEvent(port, { Cookie: cookie });
    expect(events.status).toBe(200);
    expect(events.headers['content-type']).toMatch(/^text\/event-stream/);
    const data = /event: state\ndata: (.*)\n\n/.exec(events.body)?.[1];
    expect(JSON.parse(data!)).toEqual(JSON.parse(JSON.stringify(shell.companion.getState())));
  });
});

describe('one shell per data folder', () => {
  it('a second start on the same folder is refused, and a second launch gets a one-time link instead', async () => {
    await expect(startWebShell({ dataDir, rendererDir, open: false })).rejects.toThrow(FolderInUse);
    const link = await askRunningShell(dataDir);
    expect(link).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${port}/open\\?k=[\\w-]{43}$`));
    const url = new URL(link!);
    expect((await request(port, { path: url.pathname + url.search })).status).toBe(303);
    expect((await request(port, { path: url.pathname + url.search })).status).toBe(403);
  });

  it('the hand-off socket is private to this user, and no secret is written into the data folder', async () => {
    const where = handoffPath(dataDir);
    if (process.platform !== 'win32') {
      expect(fs.statSync(where).mode & 0o777).toBe(0o600);
      expect(fs.statSync(path.dirname(where)).mode & 0o777).toBe(0o700);
    }
    const secret = new URL(shell.url).searchParams.get('k')!;
    const session = cookie.split('=')[1]!;
    const walk = (dir: string): string[] =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
        const p = path.join(dir, e.name);
        return e.isDirectory() ? walk(p) : e.isFile() ? [p] : [];
      });
    for (const file of walk(dataDir)) {
      const text = fs.readFileSync(file, 'utf8');
      expect(text, file).not.toContain(secret);
      expect(text, file).not.toContain(session);
    }
  });
});

describe('a crash leaves its socket behind', () => {
  it('the next start replaces a socket nobody listens on', async () => {
    if (process.platform === 'win32') return;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'movesnack-crash-'));
    const where = handoffPath(dir);
    fs.mkdirSync(path.dirname(where), { recursive: true, mode: 0o700 });
    // A process that listens, then dies without cleaning up.
    const { spawnSync } = await import('node:child_process');
    spawnSync(process.execPath, [
      '-e',
      `require('node:net').createServer().listen(${JSON.stringify(where)}, () => process.kill(process.pid, 'SIGKILL'))`,
    ]);
    expect(fs.existsSync(where)).toBe(true);
    expect(await askRunningShell(dir, 500)).toBeNull();
    const next = await startWebShell({ dataDir: dir, rendererDir, open: false });
    try {
      expect(await askRunningShell(dir)).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/open\?k=/);
    } finally {
      await next.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
