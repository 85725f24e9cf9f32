/**
 * Movesnack benchmarks: `npm run bench`. Prints figures; asserts nothing (targets are printed
 * beside them, and the exit code says whether they were met).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import FakeTimers from '@sinonjs/fake-timers';
import { createCompanion } from '../main/core';
import { HistoryStore } from '../main/core/store-history';
import { generateHistory } from './generate-history';

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
    if (flags === undefined || flags === 'r' || flags === 0) reads++;
    return original.openSync(file, flags ?? 'r', mode);
  }) as typeof fs.openSync;
  return {
    stop() {
      Object.assign(fs, original);
      return reads;
    },
  };
}

/** Wraps the (fake) timer functions so every callback that runs is counted as a wake-up. */
function countWakeups(): { count(): number; stop(): void } {
  type TimerFn = (callback: (...a: unknown[]) => void, ...rest: unknown[]) => unknown;
  const g = globalThis as unknown as Record<'setTimeout' | 'setInterval', TimerFn>;
  const original = { setTimeout: g.setTimeout, setInterval: g.setInterval };
  let wakeups = 0;
  const wrap =
    (fn: TimerFn): TimerFn =>
    (callback, ...rest) =>
      fn(
        (...a: unknown[]) => {
          wakeups++;
          callback(...a);
        },
        ...rest,
      );
  g.setTimeout = wrap(original.setTimeout);
  g.setInterval = wrap(original.setInterval);
  return {
    count: () => wakeups,
    stop() {
      g.setTimeout = original.setTimeout;
      g.setInterval = original.setInterval;
    },
  };
}

async function workday() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'movesnack-bench-'));
  const clock = FakeTimers.install({
    now: new Date('2026-11-23T08:00:00Z'),
    toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date', 'performance'],
  });
  let leftAt: number | null = null;
  const idleSeconds = () => (leftAt === null ? 0 : (performance.now() - leftAt) / 1000);
  const companion = createCompanion({ dataDir: dir, idleSeconds });
  const wakeups = countWakeups();
  companion.start();

  // One hour of plain sitting, with the break interval set past it, for the pure sitting rate.
  // Calendar reminders off, so the hour shows the sitting cost alone (polls and the due timer).
  companion.dispatch({
    type: 'settings/update',
    settings: { breakIntervalMin: 120, checkinReminder: null, weeklySummaryReminder: null },
  });
  const sittingStart = wakeups.count();
  clock.tick(HOUR);
  const sittingPerHour = wakeups.count() - sittingStart;
  companion.dispatch({ type: 'settings/update', settings: { breakIntervalMin: 30 } });

  // Then a whole 8-hour day: breaks taken, snoozed and skipped, a lunch away, short lock.
  const reads = countFileReads();
  const cpuBefore = process.cpuUsage();
  const dayStart = wakeups.count();
  const end = Date.now() + 8 * HOUR;
  let n = 0;
  while (Date.now() < end) {
    const state = companion.getState();
    if (state.phase === 'due') {
      n++;
      if (n % 4 === 1) companion.dispatch({ type: 'break/snooze' });
      else if (n % 4 === 2) companion.dispatch({ type: 'break/skip' });
      else {
        companion.dispatch({ type: 'break/start' });
        clock.tick(MIN);
        companion.dispatch({ type: 'routine/complete', feeling: n % 3 ? 'better' : 'same' });
      }
    }
    if (n === 5 && leftAt === null) {
      leftAt = performance.now(); // lunch
      clock.tick(45 * MIN);
      leftAt = null;
      n++;
    }
    if (n === 8) {
      companion.dispatch({ type: 'system/lock' });
      clock.tick(5 * MIN);
      companion.dispatch({ type: 'system/unlock' });
      n++;
    }
    clock.tick(10_000);
  }
  const cpu = process.cpuUsage(cpuBefore);
  const dayWakeups = wakeups.count() - dayStart;
  const fileReads = reads.stop();
  wakeups.stop();
  await companion.stop();
  clock.uninstall();
  fs.rmSync(dir, { recursive: true, force: true });
  return { sittingPerHour, dayWakeupsPerHour: dayWakeups / 8, cpuMs: (cpu.user + cpu.system) / 1000, fileReads };
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
  const summaries: number[] = [];
  for (let i = 0; i < 50; i++) {
    const t = performance.now();
    companion.weeklySummary(new Date(now.getTime() - (i % 10) * 7 * 24 * HOUR));
    summaries.push(performance.now() - t);
  }
  const progress: number[] = [];
  for (let i = 0; i < 10; i++) {
    const t = performance.now();
    companion.getProgress(12);
    progress.push(performance.now() - t);
  }
  const heapMb = process.memoryUsage().heapUsed / 2 ** 20;
  await companion.stop();
  fs.rmSync(dir, { recursive: true, force: true });
  return {
    records,
    loadMs,
    appendMedianMs: median(appends),
    summaryMedianMs: median(summaries),
    progressMedianMs: median(progress),
    heapMb,
  };
}

async function main() {
  const day = await workday();
  const years = await twoYears();
  const rows: [string, string, string, boolean][] = [
    ['timer wake-ups per hour, sitting', day.sittingPerHour.toFixed(0), '≤ 360', day.sittingPerHour <= 360],
    ['timer wake-ups per hour, 8 h workday', day.dayWakeupsPerHour.toFixed(0), '≤ 360', day.dayWakeupsPerHour <= 360],
    ['CPU for the 8 h workday (ms)', day.cpuMs.toFixed(0), '—', true],
    ['file reads during the workday', String(day.fileReads), '0', day.fileReads === 0],
    [`load 2 years of history (${years.records} records, ms)`, years.loadMs.toFixed(1), '—', true],
    ['append, median (ms)', years.appendMedianMs.toFixed(3), '≤ 1', years.appendMedianMs <= 1],
    ['weekly summary over 2 years, median (ms)', years.summaryMedianMs.toFixed(2), '≤ 20', years.summaryMedianMs <= 20],
    ['12-week progress view, median (ms)', years.progressMedianMs.toFixed(2), '—', true],
    ['heap after loading 2 years (MB)', years.heapMb.toFixed(1), '—', true],
  ];
  const width = Math.max(...rows.map((r) => r[0].length));
  console.log(`Movesnack benchmarks — Node ${process.version}, ${os.cpus().length} cores\n`);
  for (const [name, value, target, ok] of rows) {
    console.log(`${name.padEnd(width)}  ${value.padStart(9)}  target ${target.padEnd(6)} ${ok ? 'ok' : 'MISSED'}`);
  }
  process.exitCode = rows.every((r) => r[3]) ? 0 : 1;
}

void main();
