import { afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createProgramService, type ProgramReminder, type ProgramService } from '../../main/core/program';
import { DEFAULT_PROFILE, safetyGateOpen, type Profile } from '../../shared/profile';
import { ManualClock } from '../support/manual-clock';

process.env.TZ = 'Europe/London';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const local = (y: number, m: number, d: number, h: number, min = 0) => new Date(y, m - 1, d, h, min);
const CLEAR: Profile = { ...DEFAULT_PROFILE, firstRunDone: true, redFlags: { answeredAt: '2026-11-01T10:00:00.000Z', present: [], clearedAt: null, ageBand: '20-49', newPain: false } };

const open: { service: ProgramService; dir: string }[] = [];
afterEach(() => {
  for (const o of open.splice(0)) {
    o.service.stop();
    fs.rmSync(o.dir, { recursive: true, force: true });
  }
});

function make(start: Date, profile: Profile) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'movesnack-program-'));
  const clock = new ManualClock(start.getTime());
  const heard: ProgramReminder[] = [];
  const service = createProgramService({ dataDir: dir, clock, gateOpen: () => safetyGateOpen(profile), profile: () => profile, onReminder: (r) => heard.push(r) });
  open.push({ service, dir });
  const session = (answer: 'better' | 'same' | 'worse' = 'same', extra: { legWorse?: boolean; tooEasy?: string[] } = {}) => {
    service.dispatch({ type: 'program/session-start' });
    clock.advance(8 * MIN);
    return service.dispatch({ type: 'program/session-end', answer, lingering: false, legWorse: extra.legWorse ?? false, soreness: false, tooEasy: extra.tooEasy ?? [] });
  };
  return { dir, clock, heard, service, session };
}

describe('home program over weeks', () => {
  it('after two steady weeks plans three structured sessions a week, reminds on those days only, and returns to short sessions after a setback', () => {
    const r = make(local(2026, 11, 9, 7), CLEAR); // Monday
    r.service.dispatch({ type: 'program/start' });
    r.service.dispatch({ type: 'program/reminders', morning: '07:30', lunch: null, evening: null });
    let later: string[] = [];
    for (let d = 0; d < 15; d++) {
      r.clock.advance(local(2026, 11, 9 + d, 8).getTime() - r.clock.now());
      later = later.concat(r.session('better').changes.map((c) => c.code));
    }
    expect(later).toEqual(['stage.later']);
    const view = r.service.view();
    expect(view.stage).toBe('later');
    expect(view.changes[0]!.text).toMatch(/three longer sessions a week/);
    r.clock.advance(local(2026, 11, 30, 0).getTime() - r.clock.now()); // to Monday 30 Nov
    r.heard.length = 0;
    expect(r.service.view().week.planned).toBe(3);
    r.clock.advance(7 * DAY);
    expect(r.heard.map((x) => new Date(x.at).getDay())).toEqual([1, 3, 5]);
    // A worse leg: back to the early plan, explained, and the weekday reminders return.
    r.session('same', { legWorse: true });
    const after = r.service.view();
    expect(after.stage).toBe('early');
    expect(after.changes.map((c) => c.code)).toContain('stage.early');
    r.heard.length = 0;
    r.clock.advance(7 * DAY);
    expect(r.heard.map((x) => new Date(x.at).getDay())).toEqual([1, 2, 3, 4, 5]);
  });

  it('steers by the profile: a nerve glide for leg symptoms, the direction that eases, no weighted hinge until calm', () => {
    const legs: Profile = { ...CLEAR, legSymptoms: true, directionalPreference: 'extension' };
    const r = make(local(2026, 11, 23, 8), legs);
    r.service.dispatch({ type: 'program/start' });
    const v = r.service.view();
    expect(v.picks.map((p) => p.id)).toEqual(['prone-on-elbows', 'nerve-glide-seated', 'breathing-knees-supported']);
    expect(v.picks[1]!.cautionText).toMatch(/2–3 out of 10/);
    expect(v.offered.map((e) => e.id)).not.toContain('hands-to-thighs-tilt');
    expect(v.offered.map((e) => e.id)).not.toContain('hip-hinge-loaded');
  });

  it('keeps a program.json written by a newer version aside rather than reading it wrongly', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'movesnack-program-'));
    fs.writeFileSync(path.join(dir, 'program.json'), JSON.stringify({ version: 2, somethingNew: true }));
    const clock = new ManualClock(local(2026, 11, 23, 8).getTime());
    const service = createProgramService({ dataDir: dir, clock, gateOpen: () => true, profile: () => CLEAR });
    open.push({ service, dir });
    expect(service.view().notices.join(' ')).toMatch(/newer Movesnack.*program\.newer-/);
    expect(fs.readdirSync(dir).some((f) => f.startsWith('program.newer-'))).toBe(true);
  });
});
