/**
 * `npm run bench:web-shell`: the browser shell's own cost, measured on the product's path.
 *
 * startWebShell (as `npm start` runs it) on a temporary folder, with the engine on a
 * ManualClock, and one page connected over the real loopback link: signed in with the printed
 * link, its event stream open, calling the API the way the page does. An 8-hour day is played
 * (breaks taken, snoozed and skipped, lunch away, a lock, a call), then:
 *
 * - wake-ups per hour: the engine's timer callbacks (clock.fired), plus every Node timer that
 *   fired in this process during the day (counted with async_hooks; the HTTP server arms none
 *   while a page just listens);
 * - resident memory of this Node process after the day (after a GC when --expose-gc is given).
 */
import { createHook } from 'node:async_hooks';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { startWebShell } from '../main/web-shell/server';
import { ClockUser, ManualClock } from '../tests/support/manual-clock';

const MIN = 60_000;
const HOUR = 60 * MIN;

function get(port: number, pathAndQuery: string, headers: Record<string, string> = {}) {
  return new Promise<http.IncomingMessage>((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path: pathAndQuery, headers: { Host: `127.0.0.1:${port}`, ...headers } }, resolve);
    req.on('error', reject);
  });
}

function post(port: number, channel: string, args: unknown[], cookie: string) {
  return new Promise<unknown>((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: `/api/invoke/${channel}`,
        headers: {
          Host: `127.0.0.1:${port}`,
          Origin: `http://127.0.0.1:${port}`,
          Cookie: cookie,
          'Content-Type': 'application/json',
        },
      },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve(JSON.parse(body)));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(args));
  });
}

const rendererDir = path.resolve(__dirname, '..', 'dist-web');

async function main() {
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    console.log('Build the page first: npm run build:web');
    process.exit(1);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'movesnack-bench-web-'));
  const clock = new ManualClock('2026-11-23T08:00:00Z');
  const user = new ClockUser(clock);
  const shell = await startWebShell({ dataDir: dir, clock, idleSeconds: user.idleSeconds, rendererDir });
  const { port } = shell;

  // The page: sign in, load it, open the event stream.
  const link = new URL(shell.url);
  const signedIn = await get(port, link.pathname + link.search);
  const cookie = String(signedIn.headers['set-cookie']?.[0] ?? '').split(';')[0]!;
  signedIn.resume();
  (await get(port, '/', { Cookie: cookie })).resume();
  const stream = await get(port, '/api/events', { Cookie: cookie, Accept: 'text/event-stream' });
  let events = 0;
  stream.on('data', (chunk: Buffer) => (events += chunk.toString().split('event: state').length - 1));

  const act = (action: unknown) => post(port, 'dispatch', [action], cookie);
  await act({
    type: 'profile/save',
    profile: { firstRunDone: true, redFlags: { answeredAt: '2026-11-01T09:00:00.000Z', present: [], clearedAt: null, ageBand: '20-49', newPain: false } },
  });

  // Count every Node timer created while the day plays (the engine's are on the ManualClock),
  // and every one that fired: a fired timer is a wake-up, a cleared one is not.
  let nodeTimers = 0;
  let nodeFired = 0;
  const timerIds = new Set<number>();
  const hook = createHook({
    init(id, type) {
      if (type !== 'Timeout') return;
      nodeTimers++;
      timerIds.add(id);
    },
    before(id) {
      if (timerIds.has(id)) nodeFired++;
    },
  });

  const settle = () => new Promise((resolve) => setImmediate(resolve));
  const rssBefore = process.memoryUsage().rss;
  hook.enable();
  const dayStart = clock.fired;
  const end = clock.now() + 8 * HOUR;
  let n = 0;
  while (clock.now() < end) {
    const state = (shell.companion.getState());
    if (state.phase === 'due') {
      n++;
      if (n % 4 === 1) await act({ type: 'break/snooze' });
      else if (n % 4 === 2) await act({ type: 'break/skip' });
      else {
        await act({ type: 'break/start' });
        clock.advance(MIN);
        await act({ type: 'routine/complete', feeling: 'better' });
      }
      await post(port, 'getDay', [], cookie); // the dashboard reads the day after each change
    }
    if (n === 5) {
      user.leave();
      clock.advance(45 * MIN);
      user.returns();
      n++;
    }
    if (n === 8) {
      await act({ type: 'system/lock' });
      clock.advance(5 * MIN);
      await act({ type: 'system/unlock' });
      n++;
    }
    if (n === 10) {
      await act({ type: 'presence/update', busy: ['meeting'] });
      clock.advance(HOUR);
      await act({ type: 'presence/update', busy: [] });
      n++;
    }
    clock.advance(10_000);
    await settle();
  }
  hook.disable();
  const wakeups = clock.fired - dayStart;
  const dayTimers = nodeTimers;
  const dayFired = nodeFired;

  // A quiet hour with the page open and listening, nobody clicking: what the shell costs alone.
  await act({ type: 'settings/update', settings: { breakIntervalMin: 120 } });
  nodeTimers = 0;
  nodeFired = 0;
  const quietStart = clock.fired;
  const eventsBefore = events;
  hook.enable();
  for (let t = 0; t < HOUR; t += 10_000) {
    clock.advance(10_000);
    await settle();
  }
  hook.disable();
  const quietWakeups = clock.fired - quietStart;
  const quietTimers = nodeTimers;
  const quietFired = nodeFired;
  const quietEvents = events - eventsBefore;
  (globalThis as { gc?: () => void }).gc?.();
  const rss = process.memoryUsage().rss;

  stream.destroy();
  await shell.close();
  fs.rmSync(dir, { recursive: true, force: true });

  const figures = {
    /** Engine timer callbacks plus Node timers that fired, per hour of the 8-hour day. */
    dayWakeupsPerHour: (wakeups + dayFired) / 8,
    engineWakeupsPerHour: wakeups / 8,
    nodeTimersFiredPerHour: dayFired / 8,
    quietHourWakeups: quietWakeups + quietFired,
    rssMb: rss / 1024 / 1024,
    rssGrowthMb: (rss - rssBefore) / 1024 / 1024,
  };
  if (process.argv.includes('--json')) {
    process.stdout.write(`${JSON.stringify(figures)}\n`);
    return;
  }
  const rows: [string, string][] = [
    ['engine wake-ups per hour, 8 h day (idle polls and break timers; probes run inside the poll)', (wakeups / 8).toFixed(0)],
    ['Node timers created during the day (HTTP keep-alive of the page’s calls)', String(dayTimers)],
    ['Node timers that fired during the day', String(dayFired)],
    ['wake-ups per hour, 8 h day (engine timers + Node timers fired)', figures.dayWakeupsPerHour.toFixed(0)],
    ['state events sent to the page during the day', String(events - quietEvents)],
    ['quiet hour, page open: engine wake-ups', String(quietWakeups)],
    ['quiet hour, page open: Node timers created by the shell', String(quietTimers)],
    ['quiet hour, page open: Node timers fired', String(quietFired)],
    ['quiet hour, page open: events sent', String(quietEvents)],
    ['resident memory after the day (MB)', (rss / 1024 / 1024).toFixed(1)],
    ['resident memory growth over the day (MB)', ((rss - rssBefore) / 1024 / 1024).toFixed(1)],
  ];
  console.log('Browser shell (startWebShell, one page connected), 8-hour simulated day');
  for (const [what, value] of rows) console.log(`  ${what.padEnd(92)} ${value}`);
}

main().then(() => process.exit(0), (error: unknown) => {
  console.error(error);
  process.exit(1);
});
