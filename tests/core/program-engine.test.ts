/**
 * The home program wired into the engine (main/core/program-service-adapter.ts): everything goes
 * through createCompanion as DESIGN.md documents it, on the injected ManualClock — program/*
 * actions through dispatch, the getProgram view, the weekly summary's program week and the
 * therapist rows, export v2 and import of v1/v2 files, backups, reminders through onReminder,
 * the safety gate (with its refusal code over IPC), and setbacks counted for the safety re-ask.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCompanion, type Companion } from '../../main/core';
import { handleInvoke } from '../../main/ipc';
import type { ProgramView } from '../../main/core/program';
import { REMINDER_TEXT, type Reminder } from '../../shared/reminders';
import { fixedT } from '../../shared/i18n';
import { reminderText } from '../../shared/i18n/text';
import { ManualClock } from '../support/manual-clock';
import { tempDir } from './harness';

process.env.TZ = 'Europe/London';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const local = (y: number, m: number, d: number, h: number, min = 0) => new Date(y, m - 1, d, h, min);
/** A safety check answered with no warning signs (age group included: no new questions). */
const CLEAR = { answeredAt: '2026-11-01T10:00:00.000Z', present: [], clearedAt: null, ageBand: '20-49', newPain: false };

/** The engine contract names the view by its shared part; its full type is the program's own. */
const viewOf = (companion: Companion) => companion.getProgram() as ProgramView;

const open: { companion: Companion; dir: string }[] = [];
afterEach(async () => {
  for (const o of open.splice(0)) {
    await o.companion.stop().catch(() => undefined);
    fs.rmSync(o.dir, { recursive: true, force: true });
  }
});

function make(start: Date, options: { screened?: boolean; dir?: string; clock?: ManualClock } = {}) {
  const dir = options.dir ?? tempDir();
  const clock = options.clock ?? new ManualClock(start.getTime());
  const companion = createCompanion({ dataDir: dir, clock, idleSeconds: () => 0 });
  open.push({ companion, dir });
  if (options.screened !== false) companion.dispatch({ type: 'profile/save', profile: { redFlags: CLEAR } });
  const goTo = (at: Date) => clock.advance(at.getTime() - clock.now());
  const session = (answer: 'better' | 'same' | 'worse', extra: { legWorse?: boolean; tooEasy?: string[]; lingering?: boolean } = {}) => {
    companion.dispatch({ type: 'program/session-start', ...(extra.lingering !== undefined ? { lingering: extra.lingering } : {}) });
    clock.advance(8 * MIN);
    return companion.dispatch({ type: 'program/session-end', answer, legWorse: extra.legWorse ?? false, soreness: false, tooEasy: extra.tooEasy ?? [] });
  };
  return { dir, clock, companion, goTo, session };
}

describe('the home program in the engine', () => {
  it('takes program/* actions through dispatch, shows getProgram, and adds the program week to the summary, progress and report', () => {
    const r = make(local(2026, 11, 23, 8)); // Monday
    const heard: string[] = [];
    r.companion.subscribe((s) => heard.push(s.phase));
    expect(viewOf(r.companion).started).toBe(false);
    r.companion.dispatch({ type: 'program/start' });
    expect(heard.length).toBeGreaterThanOrEqual(1);
    const view = viewOf(r.companion);
    expect(view.started).toBe(true);
    expect(view.held).toBeNull();
    expect(view.lane).toBe('calm');
    expect(view.picks).toHaveLength(3);
    expect(view.today?.sessions).toBeGreaterThanOrEqual(2);

    r.goTo(local(2026, 11, 23, 9));
    r.session('same');
    expect(viewOf(r.companion).doneToday).toBe(1);
    r.companion.dispatch({ type: 'program/track-walk', minutes: 20 });

    const week = r.companion.weeklySummary();
    expect(week.program).toMatchObject({ started: true, done: 1, lane: 'calm', walkingMin: 20 });
    expect(week.program!.planned).toBeGreaterThan(1);
    expect(week.program!.adherence).toBeCloseTo(1 / week.program!.planned, 9);
    // The core summary is unchanged beside it (DESIGN.md fields still there).
    expect(week).toHaveProperty('tolerance');
    expect(r.companion.getProgress(2).summaries.at(-1)!.program?.done).toBe(1);
    const rows = r.companion.getProgramReport();
    expect(rows.find((row) => row.key === 'lane')?.value).toMatch(/Calm/);

    // Bad program input: a clear error, nothing changed; an unknown action outside the prefix still refused.
    expect(() => r.companion.dispatch({ type: 'program/pick', exerciseIds: ['x'] })).toThrow(/program action/);
    expect(viewOf(r.companion).picks.map((p) => p.id)).toEqual(view.picks.map((p) => p.id));
    expect(() => r.companion.dispatch({ type: 'programme/start' })).toThrow();
  });

  it('holds the program while the safety gate is closed, and IPC returns the refusal code', () => {
    const r = make(local(2026, 11, 23, 8), { screened: false });
    const view = viewOf(r.companion);
    expect(view.held?.code).toBeTruthy();
    expect(view.offered).toEqual([]);
    expect(() => r.companion.dispatch({ type: 'program/start' })).toThrow();
    const answer = handleInvoke(r.companion, 'dispatch', [{ type: 'program/start' }]);
    expect(answer).toMatchObject({ ok: false, code: 'program.safety-unanswered' });
    const read = handleInvoke(r.companion, 'getProgram', []);
    expect(read.ok && (read.value as { started: boolean; held: unknown }).held).toBeTruthy();

    // Answered with a warning sign not cleared: still held, with its own code.
    r.companion.dispatch({ type: 'profile/save', profile: { redFlags: { ...CLEAR, present: ['fever'] } } });
    expect(handleInvoke(r.companion, 'dispatch', [{ type: 'program/start' }])).toMatchObject({ ok: false, code: 'program.safety-flagged' });
    // Cleared: the program starts.
    r.companion.dispatch({ type: 'profile/save', profile: { redFlags: CLEAR } });
    expect(handleInvoke(r.companion, 'dispatch', [{ type: 'program/start' }]).ok).toBe(true);
    expect(handleInvoke(r.companion, 'getProgram', [])).toMatchObject({ ok: true, value: { started: true, held: null } });
    expect(handleInvoke(r.companion, 'getProgramReport', ['2026-11-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z']).ok).toBe(true);
  });

  it('exports the program in version 2 and imports it back; a version 1 file still imports', () => {
    const r = make(local(2026, 11, 23, 8));
    r.companion.dispatch({ type: 'program/start' });
    r.goTo(local(2026, 11, 23, 9));
    r.session('better');
    r.goTo(local(2026, 11, 23, 18));
    r.session('same');
    r.companion.dispatch({ type: 'program/track-stiffness', minutes: 15 });
    const file = r.companion.exportData() as unknown as Record<string, unknown>;
    expect(file.version).toBe(2);
    const section = file.program as { sessions: unknown[]; tracking: unknown[] };
    expect(section.sessions).toHaveLength(2);
    expect(section.tracking).toHaveLength(1);

    const other = make(local(2026, 11, 24, 8));
    const json = JSON.parse(JSON.stringify(file)) as unknown;
    expect(other.companion.importData(json).imported).toBe(3);
    expect(other.companion.importData(json).imported).toBe(0);
    const back = other.companion.exportData() as unknown as Record<string, unknown>;
    expect((back.program as { sessions: unknown[] }).sessions).toHaveLength(2);
    expect(other.companion.weeklySummary(local(2026, 11, 23, 12)).program?.done).toBe(2);

    const v1 = {
      format: 'movesnack-export', version: 1, exportedAt: '2026-11-20T10:00:00.000Z', settings: {}, profile: {},
      stretches: [{ start: '2026-11-20T09:00:00.000Z', end: '2026-11-20T09:40:00.000Z', endedBy: 'natural', discomfortAt: null }],
      breaks: [], checkins: [], checklists: [],
    };
    const fresh = make(local(2026, 11, 24, 8));
    expect(fresh.companion.importData(v1).imported).toBe(1);
    expect(viewOf(fresh.companion).started).toBe(false);
    expect((fresh.companion.exportData() as unknown as Record<string, unknown>).program).toBeUndefined();
  });

  it('keeps program records in backups and restores them', async () => {
    const clock = new ManualClock(local(2026, 11, 23, 8).getTime());
    const dir = tempDir();
    const first = make(local(2026, 11, 23, 8), { dir, clock });
    first.companion.start();
    first.companion.dispatch({ type: 'pause', until: local(2026, 11, 30, 8).toISOString() }); // the desk timer stays quiet
    // Some break history, so a backup is due (the engine backs up once a day while there is any).
    first.companion.importData({
      format: 'movesnack-export', version: 1, exportedAt: '2026-11-20T10:00:00.000Z', settings: {}, profile: {},
      stretches: [{ start: '2026-11-20T09:00:00.000Z', end: '2026-11-20T09:40:00.000Z', endedBy: 'natural', discomfortAt: null }],
      breaks: [], checkins: [], checklists: [],
    });
    first.companion.dispatch({ type: 'program/start' });
    first.goTo(local(2026, 11, 23, 9));
    first.session('same');
    await first.companion.stop();
    open.splice(0, open.length);

    const second = createCompanion({ dataDir: dir, clock, idleSeconds: () => 0 });
    open.push({ companion: second, dir });
    second.start(); // the first start with history: a backup now
    const [backup] = second.listBackups();
    expect(backup).toBeDefined();
    const copy = JSON.parse(fs.readFileSync(path.join(dir, 'backups', backup!.name), 'utf8')) as { program?: { sessions: unknown[] } };
    expect(copy.program?.sessions).toHaveLength(1);
    await second.stop();
    open.splice(0, open.length);

    // program.json lost: the backup brings its records back.
    fs.rmSync(path.join(dir, 'program.json'));
    const third = createCompanion({ dataDir: dir, clock, idleSeconds: () => 0 });
    open.push({ companion: third, dir });
    expect((third.exportData() as unknown as Record<string, unknown>).program).toBeUndefined();
    expect(third.restoreBackup(backup!.name).imported).toBeGreaterThanOrEqual(1);
    expect(((third.exportData() as unknown as Record<string, unknown>).program as { sessions: unknown[] }).sessions).toHaveLength(1);
    expect(third.weeklySummary(local(2026, 11, 23, 12)).program?.done).toBe(1);
  });

  it('reads the program from a folder opened read-only, and refuses to change it there', async () => {
    const r = make(local(2026, 11, 23, 8));
    r.companion.dispatch({ type: 'program/start' });
    r.goTo(local(2026, 11, 23, 9));
    r.session('same');
    const before = fs.readFileSync(path.join(r.dir, 'program.json'), 'utf8');
    const reader = createCompanion({ dataDir: r.dir, clock: r.clock, readOnly: true });
    expect(viewOf(reader)).toMatchObject({ started: true, doneToday: 1 });
    expect(((reader.exportData() as unknown as Record<string, unknown>).program as { sessions: unknown[] }).sessions).toHaveLength(1);
    expect(() => reader.dispatch({ type: 'program/track-walk', minutes: 10 })).toThrow(/read-only/);
    expect(fs.readFileSync(path.join(r.dir, 'program.json'), 'utf8')).toBe(before);
  });

  it('fires program reminders through onReminder at the chosen time, and none while the gate holds', () => {
    const r = make(local(2026, 11, 23, 8)); // Monday
    const heard: Reminder[] = [];
    r.companion.onReminder((reminder) => heard.push(reminder));
    r.companion.dispatch({ type: 'program/start' });
    r.companion.dispatch({ type: 'program/reminders', morning: null, lunch: '12:30', evening: null });
    expect(viewOf(r.companion).nextReminder).toMatchObject({ slot: 'lunch', at: local(2026, 11, 23, 12, 30).toISOString() });
    r.goTo(local(2026, 11, 23, 12, 29));
    expect(heard).toEqual([]);
    r.clock.advance(2 * MIN);
    expect(heard).toEqual([{ kind: 'program', slot: 'lunch', at: local(2026, 11, 23, 12, 30).toISOString() }]);

    // What the shells show for it (browser: REMINDER_TEXT; desktop: reminderText in the user's language).
    expect(REMINDER_TEXT[heard[0]!.kind]).toMatchObject({ title: 'Time for your home program', view: 'program' });
    for (const lang of ['en', 'es', 'de', 'fr'] as const) {
      const text = reminderText(fixedT(lang), 'program');
      expect(text.view).toBe('program');
      expect(text.title).not.toMatch(/^reminders:|program\.title/);
      if (lang !== 'en') expect(text.title).not.toBe(REMINDER_TEXT.program.title);
    }

    // A warning sign answered: the gate holds, the next day's reminder is silent.
    r.companion.dispatch({ type: 'profile/save', profile: { redFlags: { ...CLEAR, present: ['fever'] } } });
    r.clock.advance(DAY);
    expect(heard).toHaveLength(1);
  });

  it('counts program "worse" and "leg felt worse" sessions with break answers for the safety re-ask', () => {
    const r = make(local(2026, 11, 23, 8)); // Monday
    r.companion.dispatch({ type: 'program/start' });
    r.goTo(local(2026, 11, 23, 9));
    r.session('worse');
    r.goTo(local(2026, 11, 24, 9));
    r.session('same', { legWorse: true, lingering: false });
    expect(r.companion.getSafetyReask()).toMatchObject({ reason: null, legWorseAt: local(2026, 11, 24, 9, 8).toISOString() });
    expect(r.companion.getSafetyReask().worse.map((w) => w.source)).toEqual(['program', 'program']);
    // A third: asked again.
    r.goTo(local(2026, 11, 25, 9));
    r.session('worse', { lingering: false });
    expect(r.companion.getSafetyReask().reason).toBe('worse');
    expect(handleInvoke(r.companion, 'getSafetyReask', [])).toMatchObject({ ok: true, value: { reason: 'worse' } });
    // A week later they have aged out of the window.
    r.goTo(local(2026, 12, 3, 9));
    expect(r.companion.getSafetyReask()).toMatchObject({ reason: null, worse: [], legWorseAt: null });
    // Break answers and program sessions count together: two worse routines and one worse session.
    const worseBreak = (at: Date) => ({ dueAt: new Date(at.getTime() - 5 * MIN).toISOString(), outcome: 'taken', at: at.toISOString(), snoozes: 0, routineId: null, seconds: 60, feeling: 'worse' });
    r.companion.importData({
      format: 'movesnack-export', version: 1, exportedAt: new Date(r.clock.now()).toISOString(), settings: {}, profile: {},
      stretches: [], breaks: [worseBreak(local(2026, 12, 2, 11)), worseBreak(local(2026, 12, 2, 15))], checkins: [], checklists: [],
    });
    expect(r.companion.getSafetyReask().reason).toBeNull();
    r.session('worse', { lingering: false });
    expect(r.companion.getSafetyReask()).toMatchObject({ reason: 'worse' });
    expect(r.companion.getSafetyReask().worse.map((w) => w.source)).toEqual(['break', 'break', 'program']);

    // Answering the safety check again starts the count afresh.
    r.goTo(local(2026, 12, 4, 9));
    r.companion.dispatch({ type: 'profile/save', profile: { redFlags: { ...CLEAR, answeredAt: new Date(r.clock.now()).toISOString() } } });
    expect(r.companion.getSafetyReask().reason).toBeNull();
  });
});
