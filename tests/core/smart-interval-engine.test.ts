import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createCompanion, type Companion } from '../../main/core';
import { ManualClock } from '../support/manual-clock';
import { CLEAR_SCREEN, MIN, tempDir } from './harness';

const NOW = Date.parse('2026-11-23T09:00:00.000Z');
const DAY = 24 * 60 * MIN;
const dirs: string[] = [];
const open: Companion[] = [];
afterEach(async () => {
  for (const c of open.splice(0)) await c.stop();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function make(clock: ManualClock) {
  const dir = tempDir();
  dirs.push(dir);
  const c = createCompanion({ dataDir: dir, clock });
  open.push(c);
  c.dispatch({ type: 'profile/save', profile: { redFlags: CLEAR_SCREEN } });
  c.dispatch({ type: 'settings/update', settings: { smartInterval: true, checkinReminder: null, weeklySummaryReminder: null } });
  c.start();
  return c;
}

/** Twelve comfortable hour-long stretches over the last days: "at least 60 minutes". */
function comfortableWeek() {
  const stretches = Array.from({ length: 12 }, (_, i) => {
    const start = NOW - (i + 1) * DAY / 2;
    return { start: new Date(start).toISOString(), end: new Date(start + 60 * MIN).toISOString(), endedBy: 'natural', discomfortAt: null };
  });
  return { format: 'movesnack-export', version: 1, exportedAt: new Date(NOW).toISOString(), stretches, breaks: [], checkins: [], checklists: [] };
}

describe('the smart-interval offer lives in the engine (issue 11, point 4)', () => {
  it('accepts only the interval it offers, at most one raise a week, and remembers "not now"', () => {
    const clock = new ManualClock(NOW);
    const c = make(clock);
    c.importData(comfortableWeek());
    const first = c.getSmartInterval().result!;
    expect(first).toMatchObject({ kind: 'suggest', direction: 'raise', current: 30, minutes: 33 });
    expect(() => c.dispatch({ type: 'interval/accept', minutes: 45 })).toThrow(/not what the suggestion offers/);
    expect(c.getState().settings.breakIntervalMin).toBe(30);
    c.dispatch({ type: 'interval/accept', minutes: 33 });
    expect(c.getState().settings.breakIntervalMin).toBe(33);
    expect(c.getSmartInterval().lastRaiseAt).toBe(new Date(NOW).toISOString());
    // The next raise waits a week, whatever the renderer tries.
    const next = c.getSmartInterval().result!;
    expect(next.kind).toBe('keep');
    expect(() => c.dispatch({ type: 'interval/accept', minutes: 36 })).toThrow(/not what the suggestion offers/);
    clock.advance(7 * DAY + MIN);
    expect(c.getSmartInterval().result).toMatchObject({ kind: 'suggest', minutes: 36 });
    c.dispatch({ type: 'interval/dismiss' });
    expect(c.getSmartInterval().dismissedUntil).toBe(new Date(clock.now() + 7 * DAY).toISOString());
    expect(() => c.dispatch({ type: 'interval/accept', minutes: 36 })).toThrow(/not what the suggestion offers/);
  });

  it('goes into the export (and so the backups), and an import cannot reset the weekly pace', () => {
    const clock = new ManualClock(NOW);
    const a = make(clock);
    a.importData(comfortableWeek());
    a.dispatch({ type: 'interval/accept', minutes: 33 });
    const file = a.exportData() as Record<string, unknown>;
    expect(file.version).toBe(2);
    expect(file.smartInterval).toEqual({ lastRaiseAt: new Date(NOW).toISOString(), dismissedUntil: null });
    const b = make(clock);
    b.importData(file);
    expect(b.getSmartInterval().lastRaiseAt).toBe(new Date(NOW).toISOString());
    // An older file (no section, or an earlier raise) never moves the pace back.
    b.importData({ ...file, smartInterval: { lastRaiseAt: new Date(NOW - 30 * DAY).toISOString(), dismissedUntil: null } });
    expect(b.getSmartInterval().lastRaiseAt).toBe(new Date(NOW).toISOString());
  });
});
