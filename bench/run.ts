/**
 * Movesnack benchmarks: `npm run bench`. Prints figures; asserts nothing (targets are printed
 * beside them, and the exit code says whether they were met).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCompanion } from '../main/core';
import { HistoryStore } from '../main/core/store-history';
import { appendLineDurable, writeJsonTextAtomic } from '../main/core/store-files';
import { generateHistory } from './generate-history';
import { ClockUser, ManualClock } from '../tests/support/manual-clock';

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
 * An 8-hour simulated day on the engine's injected clock: every timer callback the engine
 * arms goes through `clock`, so `clock.fired` counts its wake-ups exactly. The shell's probes
 * run inside the idle poll (main/system), so they add none.
 */
async function workday() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'movesnack-bench-'));
  const clock = new ManualClock('2026-11-23T08:00:00Z');
  const user = new ClockUser(clock);
  const companion = createCompanion({ dataDir: dir, idleSeconds: user.idleSeconds, clock });
  companion.dispatch({ type: 'profile/save', profile: { redFlags: { answeredAt: '2026-11-01T09:00:00.000Z', present: [], clearedAt: null } } });
  companion.start();

  // One hour of plain sitting, with the break interval set past it, for the pure sitting rate.
  // Calendar reminders off, so the hour shows the sitting cost alone (polls and the due timer).
  companion.dispatch({
    type: 'settings/update',
    settings: { breakIntervalMin: 120, checkinReminder: null, weeklySummaryReminder: null },
  });
  const sittingStart = clock.fired;
  clock.advance(HOUR);
  const sittingPerHour = clock.fired - sittingStart;
  companion.dispatch({ type: 'settings/update', settings: { breakIntervalMin: 30 } });

  // Then a whole 8-hour day: breaks taken, snoozed and skipped, a lunch away, a short lock, and
  // an hour-long video call with presence reports (the break held, then taken).
  const reads = countFileReads();
  const cpuBefore = process.cpuUsage();
  const dayStart = clock.fired;
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
  }
  const cpu = process.cpuUsage(cpuBefore);
  const dayWakeups = clock.fired - dayStart;
  const fileReads = reads.stop();
  await companion.stop();
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

async function main() {
  const sync = durability();
  const day = await workday();
  const years = await twoYears();
  const rows: [string, string, string, boolean][] = [
    ['timer wake-ups per hour, sitting', day.sittingPerHour.toFixed(0), '≤ 60', day.sittingPerHour <= 60],
    ['timer wake-ups per hour, 8 h workday', day.dayWakeupsPerHour.toFixed(0), '≤ 60', day.dayWakeupsPerHour <= 60],
    ['CPU for the 8 h workday (ms)', day.cpuMs.toFixed(0), '—', true],
    ['file reads during the workday', String(day.fileReads), '0', day.fileReads === 0],
    [`load 2 years of history (${years.records} records, ms)`, years.loadMs.toFixed(1), '—', true],
    ['append, median (ms)', years.appendMedianMs.toFixed(3), '≤ 1', years.appendMedianMs <= 1],
    ['weekly summary over 2 years, median (ms)', years.summaryMedianMs.toFixed(2), '≤ 20', years.summaryMedianMs <= 20],
    ['12-week progress view, median (ms)', years.progressMedianMs.toFixed(2), '—', true],
    ['heap after loading 2 years (MB)', years.heapMb.toFixed(1), '—', true],
    ['append with 30,000 records in the month, median (ms)', sync.appendMedianMs.toFixed(3), '≤ 1', sync.appendMedianMs <= 1],
    ['journal line fsynced / not fsynced, median (ms)', `${sync.lineSynced.toFixed(3)} / ${sync.lineUnsynced.toFixed(3)}`, '—', true],
    [`month rewrite (${sync.monthKb.toFixed(0)} kB) fsynced / not, median (ms)`, `${sync.rewriteSynced.toFixed(2)} / ${sync.rewriteUnsynced.toFixed(2)}`, '—', true],
  ];
  const width = Math.max(...rows.map((r) => r[0].length));
  console.log(`Movesnack benchmarks — Node ${process.version}, ${os.cpus().length} cores\n`);
  for (const [name, value, target, ok] of rows) {
    console.log(`${name.padEnd(width)}  ${value.padStart(9)}  target ${target.padEnd(6)} ${ok ? 'ok' : 'MISSED'}`);
  }
  process.exitCode = rows.every((r) => r[3]) ? 0 : 1;
}

void main();
