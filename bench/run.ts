/**
 * Movesnack benchmarks: `npm run bench`. Prints figures; asserts nothing (targets are printed
 * beside them, and the exit code says whether they were met).
 */
import { createHook } from 'node:async_hooks';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCompanion } from '../main/core';
import { HistoryStore } from '../main/core/store-history';
import { appendLineDurable, writeJsonTextAtomic } from '../main/core/store-files';
import { generateHistory } from './generate-history';
import { ClockUser, ManualClock } from '../tests/support/manual-clock';
import { createSystemMonitor } from '../main/system';
import type { PlatformProbes, Probe } from '../main/system/monitor';

const MIN = 60_000;
const HOUR = 60 * MIN;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

function countFileReads(): { stop(): number } {
  const original = { readFileSync: fs.readFileSync, openSync: fs.openSync, readdirSync: fs.readdirSync };
  let reads = 0;
  const counted = <T extends (...args: never[]) => unknown>(fn: T) =>
    ((...args: Parameters<T>) => {
      reads++;
      return fn(...args);
    }) as unknown as T;
  fs.readFileSync = counted(original.readFileSync);
  fs.readdirSync = counted(original.readdirSync);
  fs.openSync = ((file: fs.PathLike, flags?: fs.OpenMode, mode?: fs.Mode) => {
    // Opening a folder to fsync it (so a rename survives a power cut) reads nothing.
    const folder = (() => {
      try {
        return fs.statSync(file).isDirectory();
      } catch {
        return false;
      }
    })();
    if ((flags === undefined || flags === 'r' || flags === 0) && !folder) reads++;
    return original.openSync(file, flags ?? 'r', mode);
  }) as typeof fs.openSync;
  return {
    stop() {
      Object.assign(fs, original);
      return reads;
    },
  };
}

/**
 * Node timers that fire while `on` (async_hooks): a fired timer is a wake-up, a cleared one is
 * not (each probe's time limit is cleared when the probe answers).
 */
function countTimerWakeups() {
  const ids = new Set<number>();
  let fired = 0;
  const hook = createHook({
    init(id, type) {
      if (type === 'Timeout') ids.add(id);
    },
    before(id) {
      if (ids.has(id)) fired++;
    },
  });
  return {
    on: () => hook.enable(),
    off: () => hook.disable(),
    get fired() {
      return fired;
    },
  };
}

/**
 * An 8-hour simulated day on the engine's injected clock: every timer callback the engine
 * arms goes through `clock`, so `clock.fired` counts its wake-ups exactly. The shell's side is
 * the real main/system monitor (createSystemMonitor, as both shells wire it) with probes that
 * answer from the simulated user: it reads idle time, the lock and busy reasons inside the
 * engine's idle poll. Node timers that fire during the day are counted too, so the figure is
 * engine and shell polls together.
 */
async function workday() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'movesnack-bench-'));
  const clock = new ManualClock('2026-11-23T08:00:00Z');
  const user = new ClockUser(clock);
  let probeReads = 0;
  const answer = <T>(id: string, value: () => T): Probe<T> => ({
    id,
    what: id,
    read: () => {
      probeReads++;
      return Promise.resolve(value());
    },
  });
  const probes: PlatformProbes = {
    idle: [answer('idle', () => user.idleSeconds() * 1000)],
    lock: [answer('lock', () => false)],
    busy: { fullscreen: [answer('fullscreen', () => false)], dnd: [], meeting: [answer('meeting', () => false)], app: [] },
    close: () => undefined,
  };
  const monitor = createSystemMonitor({ probes, now: () => clock.now() });
  const timers = countTimerWakeups();
  timers.on();
  const companion = createCompanion({ dataDir: dir, idleSeconds: () => monitor.idleSeconds(), clock });
  companion.dispatch({ type: 'profile/save', profile: { redFlags: { answeredAt: '2026-11-01T09:00:00.000Z', present: [], clearedAt: null } } });
  companion.start();

  // One hour of plain sitting, with the break interval set past it, for the pure sitting rate.
  // Calendar reminders off, so the hour shows the sitting cost alone (polls and the due timer).
  companion.dispatch({
    type: 'settings/update',
    settings: { breakIntervalMin: 120, checkinReminder: null, weeklySummaryReminder: null },
  });
  const sittingStart = clock.fired;
  const sittingTimers = timers.fired;
  const sittingProbes = probeReads;
  for (let t = 0; t < HOUR; t += MIN) {
    clock.advance(MIN);
    await settle(); // the probes answer (a promise each), as they would between polls
  }
  const sittingEngine = clock.fired - sittingStart;
  const sittingShell = timers.fired - sittingTimers;
  const sittingPerHour = sittingEngine + sittingShell;
  const sittingProbeReads = probeReads - sittingProbes;
  companion.dispatch({ type: 'settings/update', settings: { breakIntervalMin: 30 } });

  // Then a whole 8-hour day: breaks taken, snoozed and skipped, a lunch away, a short lock, and
  // an hour-long video call with presence reports (the break held, then taken).
  const reads = countFileReads();
  const cpuBefore = process.cpuUsage();
  const dayStart = clock.fired;
  const dayTimers = timers.fired;
  const end = clock.now() + 8 * HOUR;
  let n = 0;
  while (clock.now() < end) {
    const state = companion.getState();
    if (state.phase === 'due') {
      n++;
      if (n % 4 === 1) companion.dispatch({ type: 'break/snooze' });
      else if (n % 4 === 2) companion.dispatch({ type: 'break/skip' });
      else {
        companion.dispatch({ type: 'break/start' });
        clock.advance(MIN);
        companion.dispatch({ type: 'routine/complete', feeling: n % 3 ? 'better' : 'same' });
      }
    }
    if (n === 5) {
      user.leave(); // lunch
      clock.advance(45 * MIN);
      user.returns();
      n++;
    }
    if (n === 8) {
      companion.dispatch({ type: 'system/lock' });
      clock.advance(5 * MIN);
      companion.dispatch({ type: 'system/unlock' });
      n++;
    }
    if (n === 10) {
      companion.dispatch({ type: 'presence/update', busy: ['meeting'] });
      user.leave(); // hands off the keyboard during the call
      clock.advance(HOUR);
      companion.dispatch({ type: 'presence/update', busy: [] });
      user.returns();
      n++;
    }
    clock.advance(10_000);
    if (clock.now() % MIN < 10_000) await settle();
  }
  const cpu = process.cpuUsage(cpuBefore);
  const dayWakeups = clock.fired - dayStart + (timers.fired - dayTimers);
  const fileReads = reads.stop();
  timers.off();
  monitor.close();
  await companion.stop();
  fs.rmSync(dir, { recursive: true, force: true });
  return {
    sittingPerHour,
    sittingEngine,
    sittingShell,
    sittingProbeReads,
    dayWakeupsPerHour: dayWakeups / 8,
    cpuMs: (cpu.user + cpu.system) / 1000,
    fileReads,
  };
}

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The browser shell's own figures (bench/web-shell.ts), in a Node process of its own. */
function browserShell(): { rssMb: number; dayWakeupsPerHour: number; quietHourWakeups: number } | string {
  if (!fs.existsSync(path.join(__dirname, '..', 'dist-web', 'index.html'))) return 'build the page first: npm run build:web';
  const run = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', path.join(__dirname, 'web-shell.ts'), '--json'], {
    cwd: path.join(__dirname, '..'),
    encoding: 'utf8',
  });
  const line = run.stdout.trim().split('\n').at(-1) ?? '';
  try {
    return JSON.parse(line) as { rssMb: number; dayWakeupsPerHour: number; quietHourWakeups: number };
  } catch {
    return `bench/web-shell.ts failed: ${(run.stderr || run.stdout).trim().split('\n')[0]}`;
  }
}

async function twoYears() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'movesnack-bench-'));
  const now = new Date('2026-11-23T12:00:00Z');
  const history = generateHistory(now, 104);
  const store = new HistoryStore(dir, () => {});
  store.appendMany(history);
  const records = Object.values(history).reduce((n, list) => n + list.length, 0);

  const loadStart = performance.now();
  const companion = createCompanion({ dataDir: dir });
  const loadMs = performance.now() - loadStart;
  companion.start();

  const appends: number[] = [];
  for (let i = 0; i < 300; i++) {
    const t = performance.now();
    companion.dispatch({ type: 'discomfort/report' });
    appends.push(performance.now() - t);
  }
  await companion.stop();
  // The append alone: the history store with the same two years loaded, one record at a time.
  const store2 = new HistoryStore(dir, () => {});
  store2.load();
  const storeAppends: number[] = [];
  for (let i = 0; i < 300; i++) {
    const t = performance.now();
    store2.append('discomforts', { at: new Date(now.getTime() + 3600_000 + i * 1000).toISOString(), inStretch: true });
    storeAppends.push(performance.now() - t);
  }
  const again = createCompanion({ dataDir: dir });
  again.start();
  const summaries: number[] = [];
  for (let i = 0; i < 50; i++) {
    const t = performance.now();
    again.weeklySummary(new Date(now.getTime() - (i % 10) * 7 * 24 * HOUR));
    summaries.push(performance.now() - t);
  }
  const progress: number[] = [];
  for (let i = 0; i < 10; i++) {
    const t = performance.now();
    again.getProgress(12);
    progress.push(performance.now() - t);
  }
  const heapMb = process.memoryUsage().heapUsed / 2 ** 20;
  await again.stop();
  fs.rmSync(dir, { recursive: true, force: true });
  return {
    records,
    loadMs,
    reportMedianMs: median(appends),
    appendMedianMs: median(storeAppends),
    summaryMedianMs: median(summaries),
    progressMedianMs: median(progress),
    heapMb,
  };
}

/**
 * What durability costs (issue 16, items 8 and 12): an append is one fsynced JSON line in the
 * month's journal, so its cost does not grow with the month; a month rewrite (start, stop,
 * compaction, import) fsyncs the file and its folder. Each figure with and without the fsyncs.
 */
function durability() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'movesnack-bench-sync-'));
  const store = new HistoryStore(dir, () => {});
  store.load();
  const base = Date.UTC(2026, 10, 1);
  store.appendMany({ discomforts: Array.from({ length: 30_000 }, (_, i) => ({ at: new Date(base + i * 60_000).toISOString(), inStretch: false })) });
  const appends: number[] = [];
  for (let i = 0; i < 300; i++) {
    const t = performance.now();
    store.append('discomforts', { at: new Date(base + 29 * 86_400_000 + i * 1000).toISOString(), inStretch: true });
    appends.push(performance.now() - t);
  }
  const line = `${JSON.stringify({ kind: 'discomforts', record: { at: new Date(base).toISOString(), inStretch: true } })}\n`;
  const timed = (n: number, fn: () => void) => {
    const times: number[] = [];
    for (let i = 0; i < n; i++) {
      const t = performance.now();
      fn();
      times.push(performance.now() - t);
    }
    return median(times);
  };
  const journal = path.join(dir, 'bench.jsonl');
  const lineSynced = timed(300, () => appendLineDurable(journal, line));
  const lineUnsynced = timed(300, () => fs.appendFileSync(journal, line));
  const monthText = fs.readFileSync(path.join(dir, 'history', '2026-11.json'), 'utf8');
  const target = path.join(dir, 'rewrite.json');
  const rewriteSynced = timed(20, () => writeJsonTextAtomic(target, monthText));
  const rewriteUnsynced = timed(20, () => {
    fs.writeFileSync(`${target}.tmp`, monthText);
    fs.renameSync(`${target}.tmp`, target);
  });
  fs.rmSync(dir, { recursive: true, force: true });
  return { appendMedianMs: median(appends), lineSynced, lineUnsynced, rewriteSynced, rewriteUnsynced, monthKb: monthText.length / 1024 };
}

/** Import of 100,000 check-ins, newest first (the order that once took minutes). */
function largeImport(): number {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'movesnack-bench-import-'));
  const c = createCompanion({ dataDir: dir });
  const checkins = Array.from({ length: 100_000 }, (_, i) => ({
    at: new Date(Date.UTC(2024, 0, 1) + (100_000 - i) * 60_000).toISOString(),
    painLow: 1,
    painHigh: 3,
    stiffnessMin: 5,
    walkingMin: 20,
    confidence: 6,
    note: '',
  }));
  const file = { format: 'movesnack-export', version: 2, exportedAt: new Date().toISOString(), breaks: [], stretches: [], checklists: [], checkins, discomforts: [] };
  const t0 = performance.now();
  const result = c.importData(file);
  if (result.imported !== 100_000) throw new Error(`bench import: ${JSON.stringify(result).slice(0, 300)}`);
  const ms = performance.now() - t0;
  void c.stop();
  fs.rmSync(dir, { recursive: true, force: true });
  return ms;
}

async function main() {
  const importMs = largeImport();
  const sync = durability();
  const day = await workday();
  const years = await twoYears();
  const web = browserShell();
  const webRows: [string, string, string, boolean][] =
    typeof web === 'string'
      ? [['browser shell', 'not measured', '—', false]]
      : [
          ['browser shell: resident memory after an 8 h day (MB)', web.rssMb.toFixed(1), '—', true],
          ['browser shell: wake-ups per hour, 8 h day', web.dayWakeupsPerHour.toFixed(0), '≤ 60', web.dayWakeupsPerHour <= 60],
          ['browser shell: wake-ups in a quiet hour, page open', String(web.quietHourWakeups), '≤ 60', web.quietHourWakeups <= 60],
        ];
  const rows: [string, string, string, boolean][] = [
    ['wake-ups per hour while sitting (engine and shell polls)', day.sittingPerHour.toFixed(0), '≤ 60', day.sittingPerHour <= 60],
    ['  of which Node timers fired by the shell', String(day.sittingShell), '0', day.sittingShell === 0],
    ['  desktop probe reads that hour (inside the polls)', String(day.sittingProbeReads), '—', true],
    ['wake-ups per hour over an 8 h workday', day.dayWakeupsPerHour.toFixed(0), '≤ 60', day.dayWakeupsPerHour <= 60],
    ['CPU for the 8 h workday (ms)', day.cpuMs.toFixed(0), '—', true],
    ['file reads during the day', String(day.fileReads), '0', day.fileReads === 0],
    [`load 2 years of history (${years.records} records, ms)`, years.loadMs.toFixed(1), '—', true],
    ['append over 2 years of history, median (ms)', years.appendMedianMs.toFixed(3), '≤ 1', years.appendMedianMs <= 1],
    ['discomfort report through the engine, 2 years, median (ms)', years.reportMedianMs.toFixed(3), '—', true],
    ['weekly summary over 2 years, median (ms)', years.summaryMedianMs.toFixed(2), '≤ 20', years.summaryMedianMs <= 20],
    ['12-week progress view, median (ms)', years.progressMedianMs.toFixed(2), '—', true],
    ['import 100,000 check-ins, newest first (ms)', importMs.toFixed(0), '≤ 3000', importMs <= 3000],
    ['heap after loading 2 years (MB)', years.heapMb.toFixed(1), '—', true],
    ['append with 30,000 records in the month, median (ms)', sync.appendMedianMs.toFixed(3), '≤ 1', sync.appendMedianMs <= 1],
    ['journal line fsynced / not fsynced, median (ms)', `${sync.lineSynced.toFixed(3)} / ${sync.lineUnsynced.toFixed(3)}`, '—', true],
    [`month rewrite (${sync.monthKb.toFixed(0)} kB) fsynced / not, median (ms)`, `${sync.rewriteSynced.toFixed(2)} / ${sync.rewriteUnsynced.toFixed(2)}`, '—', true],
    ...webRows,
  ];
  const width = Math.max(...rows.map((r) => r[0].length));
  console.log(`Movesnack benchmarks — Node ${process.version}, ${os.cpus().length} cores\n`);
  for (const [name, value, target, ok] of rows) {
    console.log(`${name.padEnd(width)}  ${value.padStart(9)}  target ${target.padEnd(6)} ${ok ? 'ok' : 'MISSED'}`);
  }
  if (typeof web === 'string') console.log(`\nbrowser shell not measured: ${web}`);
  process.exitCode = rows.every((r) => r[3]) ? 0 : 1;
}

void main();
