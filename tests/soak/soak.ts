import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import FakeTimers from '@sinonjs/fake-timers';
import { createCompanion } from '../../main/core';
import type { CompanionState } from '../../shared/state';
import { seededRandom } from '../../bench/generate-history';

const MIN = 60_000;
const HOUR = 60 * MIN;

export interface SoakResult {
  days: number;
  did: { taken: number; skipped: number; snoozed: number };
  recorded: { taken: number; skipped: number; natural: number; snoozes: number; stretches: number };
  violations: string[];
  heapMb: { afterFirstWeek: number; atEnd: number };
}

/**
 * `days` of a realistic working pattern, driven by fake timers: mornings at the desk, breaks
 * taken, snoozed or skipped, lunch away, a locked meeting, the laptop suspended overnight and at
 * weekends, a manual clock change on one day, and whatever DST the calendar brings (run it with
 * TZ set). Invariants are checked on every state the engine emits.
 */
export async function runSoak(days: number, seed = 11, start = '2026-10-05T06:00:00.000Z'): Promise<SoakResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'movesnack-soak-'));
  const clock = FakeTimers.install({
    now: new Date(start),
    toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date', 'performance'],
  });
  const random = seededRandom(seed);
  let leftAt: number | null = null;
  const idleSeconds = () => (leftAt === null ? 0 : (performance.now() - leftAt) / 1000);
  const companion = createCompanion({ dataDir: dir, idleSeconds });
  const violations: string[] = [];
  let suspended = false;
  let previous: CompanionState | null = null;
  companion.subscribe((s) => {
    if (s.phase === 'due' && previous?.phase !== 'due') {
      if (suspended) violations.push(`prompt while suspended at ${new Date().toISOString()}`);
      if (leftAt !== null && idleSeconds() >= s.settings.naturalBreakMin * 60) violations.push(`prompt while away at ${new Date().toISOString()}`);
      if (s.pausedUntil) violations.push('prompt while paused');
    }
    const active = s.phase === 'sitting' || s.phase === 'due';
    if ((s.stretchStart !== null) !== active) violations.push(`stretchStart/phase mismatch in ${s.phase}`);
    previous = s;
  });
  const did = { taken: 0, skipped: 0, snoozed: 0 };
  const runFor = (ms: number) => {
    const end = Date.now() + ms;
    while (Date.now() < end) {
      if (companion.getState().phase === 'due') {
        const roll = random();
        if (roll < 0.6) {
          companion.dispatch({ type: 'break/start' });
          did.taken++;
          clock.tick(MIN);
          companion.dispatch({ type: 'routine/complete', feeling: roll < 0.4 ? 'better' : 'same' });
        } else if (roll < 0.8 && companion.getState().snoozesLeft > 0) {
          companion.dispatch({ type: 'break/snooze' });
          did.snoozed++;
        } else {
          companion.dispatch({ type: 'break/skip' });
          did.skipped++;
        }
        if (random() < 0.1) companion.dispatch({ type: 'discomfort/report' });
      }
      clock.tick(Math.min(30_000, end - Date.now()));
    }
  };
  const local = (day: Date, h: number, m = 0) => new Date(day.getFullYear(), day.getMonth(), day.getDate(), h, m).getTime();
  // A user who answered the safety check with no warning signs (guided routines may run).
  companion.dispatch({ type: 'profile/save', profile: { redFlags: { answeredAt: start, present: [], clearedAt: null } } });
  companion.start();
  companion.dispatch({ type: 'system/suspend' });
  suspended = true;
  let heapAfterFirstWeek = 0;
  for (let d = 0; d < days; d++) {
    const day = new Date(new Date(start).getTime() + d * 24 * HOUR + 12 * HOUR);
    const weekend = day.getDay() === 0 || day.getDay() === 6;
    if (!weekend) {
      clock.tick(Math.max(0, local(day, 8, 30) - Date.now())); // asleep overnight
      companion.dispatch({ type: 'system/resume' });
      suspended = false;
      if (d === 45) {
        runFor(HOUR);
        clock.setSystemTime(Date.now() + HOUR); // the user sets the clock an hour ahead by mistake
        runFor(2 * HOUR);
        clock.setSystemTime(Date.now() - HOUR); // and puts it right again
      }
      runFor(Math.max(0, local(day, 12) - Date.now()));
      leftAt = performance.now(); // lunch
      runFor(45 * MIN);
      leftAt = null;
      runFor(Math.max(0, local(day, 15) - Date.now()));
      companion.dispatch({ type: 'system/lock' }); // a meeting
      clock.tick(30 * MIN);
      companion.dispatch({ type: 'system/unlock' });
      runFor(Math.max(0, local(day, 17, 45) - Date.now()));
      if (d % 7 === 2) companion.dispatch({ type: 'checkin/save', checkin: { painLow: 1, painHigh: 4, stiffnessMin: 10, walkingMin: 30, confidence: 6, note: '' } });
      companion.dispatch({ type: 'system/suspend' });
      suspended = true;
    }
    clock.tick(Math.max(0, local(new Date(day.getTime() + 24 * HOUR), 6) - Date.now()));
    if (d === 6) {
      (globalThis as { gc?: () => void }).gc?.();
      heapAfterFirstWeek = process.memoryUsage().heapUsed / 2 ** 20;
    }
  }
  (globalThis as { gc?: () => void }).gc?.();
  const heapAtEnd = process.memoryUsage().heapUsed / 2 ** 20;
  const data = companion.exportData();
  let lastEnd = -Infinity;
  for (const s of data.stretches) {
    if (Date.parse(s.end) < Date.parse(s.start)) violations.push(`stretch runs backwards at ${s.start}`);
    if (Date.parse(s.start) < lastEnd) violations.push(`stretches overlap at ${s.start}`);
    lastEnd = Date.parse(s.end);
  }
  const count = (o: string) => data.breaks.filter((b) => b.outcome === o).length;
  await companion.stop();
  clock.uninstall();
  fs.rmSync(dir, { recursive: true, force: true });
  return {
    days,
    did,
    recorded: {
      taken: count('taken'),
      skipped: count('skipped'),
      natural: count('natural'),
      snoozes: data.breaks.reduce((n, b) => n + b.snoozes, 0),
      stretches: data.stretches.length,
    },
    violations,
    heapMb: { afterFirstWeek: heapAfterFirstWeek, atEnd: heapAtEnd },
  };
}
