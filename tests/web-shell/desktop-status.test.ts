/**
 * The dashboard's question "can Movesnack tell when I step away here?", asked the way the page
 * asks it: POST /api/invoke/desktopStatus on the real browser shell, signed in with its link.
 */
import { afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { startWebShell, type WebShell } from '../../main/web-shell/server';

function request(port: number, options: { method?: string; path: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: { Host: `127.0.0.1:${port}`, ...options.headers }, agent: false },
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

const open: { shell: WebShell; dirs: string[] }[] = [];

async function start(options: { idleSeconds?: () => number }) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'movesnack-status-'));
  const rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'movesnack-status-page-'));
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><html><head><title>Movesnack</title></head><body></body></html>');
  const shell = await startWebShell({ dataDir, rendererDir, open: false, ...options });
  open.push({ shell, dirs: [dataDir, rendererDir] });
  const link = new URL(shell.url);
  const signedIn = await request(shell.port, { path: link.pathname + link.search });
  const cookie = String(signedIn.headers['set-cookie']?.[0]).split(';')[0]!;
  const ask = (headers: Record<string, string> = { Origin: shell.origin }, body = '[]') =>
    request(shell.port, {
      method: 'POST',
      path: '/api/invoke/desktopStatus',
      headers: { Cookie: cookie, 'Content-Type': 'application/json', ...headers },
      body,
    });
  return { shell, ask };
}

afterEach(async () => {
  for (const { shell, dirs } of open.splice(0)) {
    await shell.close();
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  }
});

describe('desktopStatus in the browser shell', () => {
  it("says it can't tell when nothing reports idle time, without changing anything", async () => {
    const { shell, ask } = await start({});
    const before = shell.companion.getState();
    const answer = await ask();
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ ok: true, value: { idle: 'cant-tell', source: 'none' } });
    expect(shell.companion.getState()).toEqual(before);
  });

  it('names the idle source it was given', async () => {
    const { ask } = await start({ idleSeconds: () => 0 });
    expect(JSON.parse((await ask()).body)).toEqual({ ok: true, value: { idle: 'ok', source: 'provided' } });
  });

  it('passes the same checks as every call: no Origin or another origin is refused; arguments are refused', async () => {
    const { ask } = await start({});
    expect((await ask({})).status).toBe(403);
    expect((await ask({ Origin: 'http://evil.example' })).status).toBe(403);
    expect(JSON.parse((await ask(undefined, '["x"]')).body)).toMatchObject({ ok: false });
  });
});
