import { afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createProgramService, type ProgramReminder, type ProgramService } from '../../main/core/program';
import { DEFAULT_PROFILE, safetyGateOpen, type Profile } from '../../shared/profile';
import { URGENCY_ADVICE } from '../../shared/red-flags';
import { ProgramRefusal, programRefusalOf } from '../../shared/program/messages';
import { ManualClock } from '../support/manual-clock';

process.env.TZ = 'Europe/London';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const local = (y: number, m: number, d: number, h: number, min = 0) => new Date(y, m - 1, d, h, min);
const CLEAR: Profile = { ...DEFAULT_PROFILE, firstRunDone: true, redFlags: { answeredAt: '2026-11-01T10:00:00.000Z', present: [], clearedAt: null, ageBand: '20-49', newPain: false } };

interface Rig {
  dir: string;
  clock: ManualClock;
  service: ProgramService;
  profile: Profile;
  heard: ProgramReminder[];
  changes: number;
  reopen(): ProgramService;
}

const rigs: Rig[] = [];
afterEach(() => {
  for (const r of rigs.splice(0)) {
    r.service.stop();
    fs.rmSync(r.dir, { recursive: true, force: true });
  }
});

function rig(start: Date, profile: Profile = CLEAR, dir = fs.mkdtempSync(path.join(os.tmpdir(), 'movesnack-program-'))): Rig {
  const clock = new ManualClock(start.getTime());
  const r = { dir, clock, profile, heard: [], changes: 0 } as unknown as Rig;
  const make = () =>
    createProgramService({
      dataDir: dir,
      clock,
      gateOpen: () => safetyGateOpen(r.profile),
      profile: () => r.profile,
      onChange: () => r.changes++,
      onReminder: (x) => r.heard.push(x),
    });
  r.service = make();
  r.reopen = () => {
    r.service.stop();
    r.service = make();
    return r.service;
  };
  rigs.push(r);
  return r;
}

/** A session as the user does it: start, a few minutes of moves, the closing questions. */
function session(r: Rig, answers: { answer?: 'better' | 'same' | 'worse'; lingering?: boolean; legWorse?: boolean; soreness?: boolean; tooEasy?: string[] } = {}) {
  r.service.dispatch({ type: 'program/session-start' });
  r.clock.advance(8 * MIN);
  return r.service.dispatch({
    type: 'program/session-end',
    answer: answers.answer ?? 'same',
    lingering: answers.lingering ?? false,
    legWorse: answers.legWorse ?? false,
    soreness: answers.soreness ?? false,
    tooEasy: answers.tooEasy ?? [],
  });
}

/** Move the clock to a local time on a later day. */
function goTo(r: Rig, when: Date) {
  r.clock.advance(when.getTime() - r.clock.now());
}

const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return programRefusalOf(error);
  }
  throw new Error('expected a refusal');
};

describe('home program service', () => {
  it("follows a plan's week: two sessions on each of five days, walking logged, adherence counted", () => {
    const r = rig(local(2026, 11, 23, 7)); // Monday
    r.service.dispatch({ type: 'program/start' });
    const first = r.service.view();
    expect(first.started).toBe(true);
    expect(first.lane).toBe('calm');
    expect(first.picks.map((p) => p.id)).toEqual(['pelvic-tilt-small', 'breathing-knees-supported', 'hook-lying-march']);
    expect(first.picks.every((p) => p.cautionText)).toBe(true); // all three are floor moves
    expect(first.today).toMatchObject({ kind: 'sessions', sessions: 2, minutes: { min: 5, max: 10 } });
    for (let d = 23; d <= 27; d++) {
      goTo(r, local(2026, 11, d, 7, 30));
      session(r, { answer: 'better' });
      r.service.dispatch({ type: 'program/track-stiffness', minutes: 30 - (d - 23) * 5 });
      goTo(r, local(2026, 11, d, 18));
      session(r);
      r.service.dispatch({ type: 'program/track-walk', minutes: 15 });
      if (d === 24) expect(r.service.view().doneToday).toBe(2);
    }
    goTo(r, local(2026, 11, 28, 10)); // Saturday: movement snacks and a walk, no planned session
    expect(r.service.view().today).toMatchObject({ kind: 'snacks', sessions: 0, walk: true });
    r.service.dispatch({ type: 'program/track-walk', metres: 2500 });
    const week = r.service.view().week;
    expect(week).toMatchObject({ planned: 10, done: 10, adherence: 1, lane: 'calm', stage: 'early', walkingMin: 75, walkingMetres: 2500, walkingDays: 6, stiffnessMin: 20 });
    expect(week.answers).toEqual({ better: 5, same: 5, worse: 0 });
    const rows = r.service.reportRows(local(2026, 11, 23, 0).getTime(), local(2026, 11, 30, 0).getTime());
    expect(rows.find((x) => x.key === 'sessions')!.value).toBe('10 / 10');
    // Everything survives a restart: program.json holds it.
    expect(r.reopen().view().week.done).toBe(10);
  });

  it('progresses one step only after steady sessions over three days, explains it, and can undo it', () => {
    const r = rig(local(2026, 11, 23, 8)); // Monday
    r.service.dispatch({ type: 'program/start' });
    const codes: string[] = [];
    for (const d of [23, 24]) {
      for (const h of [9, 18]) {
        goTo(r, local(2026, 11, d, h));
        const out = session(r, { answer: 'same', tooEasy: ['pelvic-tilt-small'] });
        codes.push(...out.changes.map((c) => c.code), ...out.notes.map((n) => n.code));
      }
    }
    expect(codes).toEqual(['progress.wait-calm', 'progress.wait-calm', 'progress.wait-calm', 'progress.wait-calm']);
    goTo(r, local(2026, 11, 25, 9));
    const out = session(r, { answer: 'same', tooEasy: ['pelvic-tilt-small'] });
    expect(out.changes).toHaveLength(1);
    expect(out.changes[0]).toMatchObject({ code: 'progress.step', params: { fromId: 'pelvic-tilt-small', toId: 'pelvic-tilt', variable: 'range' }, undoable: true });
    expect(out.changes[0]!.text).toMatch(/one step/);
    expect(r.service.view().picks[0]!.id).toBe('pelvic-tilt');
    expect(r.service.view().changes[0]!.code).toBe('progress.step');
    r.service.dispatch({ type: 'program/undo', changeId: out.changes[0]!.id });
    expect(r.service.view().picks[0]!.id).toBe('pelvic-tilt-small');
    expect(r.service.view().changes[0]).toMatchObject({ undone: true, undoable: false });
    expect(refusal(() => r.service.dispatch({ type: 'program/undo', changeId: out.changes[0]!.id }))?.code).toBe('program.undo-unknown');
  });

  it('backs up a step after a worse answer, and after symptoms that lingered (asked at the start of the day\'s first session, before the moves are set), but not for muscle soreness', () => {
    const r = rig(local(2026, 11, 23, 8)); // Monday
    r.service.dispatch({ type: 'program/start' });
    r.service.dispatch({ type: 'program/pick', exerciseIds: ['pelvic-tilt', 'breathing-knees-supported', 'hook-lying-march'] });
    // The first session ever: nothing to ask about yet.
    expect(r.service.view().ask.lingering).toBeNull();
    session(r);
    goTo(r, local(2026, 11, 23, 18));
    // A later session the same day: not asked either.
    expect(r.service.view().ask.lingering).toBeNull();
    const sore = session(r, { answer: 'same', soreness: true });
    expect(sore.changes).toEqual([]);
    expect(sore.notes.map((n) => n.code)).toEqual(['soreness.normal']);
    expect(sore.notes[0]!.text).toMatch(/soreness/i);
    expect(r.service.view().picks[0]!.id).toBe('pelvic-tilt');

    // Tuesday's first session asks, and the question leaves muscle soreness out.
    goTo(r, local(2026, 11, 24, 8));
    const ask = r.service.view().ask.lingering;
    expect(ask?.code).toBe('ask.lingering');
    expect(ask?.text).toMatch(/more than a day/);
    expect(ask?.text).toMatch(/Muscle soreness does not count/);
    const start = r.service.dispatch({ type: 'program/session-start', lingering: true });
    expect(start.changes.map((c) => [c.code, c.params.reason, c.params.toId])).toEqual([['backup.step', 'lingering', 'pelvic-tilt-small']]);
    // The session already does the gentler step.
    expect(r.service.view().active?.exercises.map((e) => e.id)).toEqual(['pelvic-tilt-small', 'breathing-knees-supported', 'hook-lying-march']);
    r.clock.advance(8 * MIN);
    const ended = r.service.dispatch({ type: 'program/session-end', answer: 'same', legWorse: false, soreness: false });
    expect(ended.changes).toEqual([]); // not backed up twice for the same answer
    expect(r.service.exportSection()!.sessions.at(-1)).toMatchObject({ lingering: true, answer: 'same' });

    // A worse answer backs up the latest step forward (here: the one the user named).
    goTo(r, local(2026, 11, 24, 18));
    r.service.dispatch({ type: 'program/pick', exerciseIds: ['pelvic-tilt', 'breathing-knees-supported', 'hook-lying-march'] });
    r.service.dispatch({ type: 'program/session-start' });
    r.clock.advance(8 * MIN);
    const worse = r.service.dispatch({ type: 'program/session-end', answer: 'worse', legWorse: false, soreness: false, worseExerciseId: 'pelvic-tilt' });
    expect(worse.changes.map((c) => [c.code, c.params.reason, c.params.toId])).toEqual([['backup.step', 'worse', 'pelvic-tilt-small']]);
    expect(worse.changes[0]!.text).toMatch(/You can move up to Pelvic tilts, fuller rock again once your back has settled/);
    expect(r.service.view().picks[0]!.id).toBe('pelvic-tilt-small');
  });

  it('swaps a move that made the leg worse and has no gentler step for a neutral calm move, and brings the nerve glide back only when asked', () => {
    const legs: Profile = { ...CLEAR, legSymptoms: true, directionalPreference: 'extension' };
    const r = rig(local(2026, 11, 23, 8), legs);
    const setbacks: [string, string][] = [];
    r.service.stop();
    r.service = createProgramService({ dataDir: r.dir, clock: r.clock, gateOpen: () => true, profile: () => r.profile, onSetback: (kind, at) => setbacks.push([kind, at]) });
    r.service.dispatch({ type: 'program/start' });
    expect(r.service.view().picks.map((p) => p.id)).toEqual(['prone-on-elbows', 'nerve-glide-seated', 'breathing-knees-supported']);
    r.service.dispatch({ type: 'program/session-start' });
    r.clock.advance(8 * MIN);
    const out = r.service.dispatch({ type: 'program/session-end', answer: 'worse', legWorse: true, soreness: false, worseExerciseId: 'nerve-glide-seated' });
    expect(out.changes.map((c) => [c.code, c.params.fromId, c.params.toId])).toEqual([['backup.swap', 'nerve-glide-seated', 'hook-lying-march']]);
    expect(out.changes[0]!.text).toMatch(/leaves your plan for now/);
    expect(r.service.view().picks.map((p) => p.id)).toEqual(['prone-on-elbows', 'hook-lying-march', 'breathing-knees-supported']);
    // M7: the answer is reported for the safety check, and the note points to the safety questions.
    expect(out.setbacks.map((s) => s.kind)).toEqual(['worse', 'leg-worse']);
    expect(setbacks.map(([k]) => k)).toEqual(['worse', 'leg-worse']);
    expect(out.notes.map((n) => n.code)).toContain('leg-worse.recheck');
    expect(out.notes.find((n) => n.code === 'leg-worse.recheck')!.text).toMatch(/safety questions again now/);
    expect(out.notes.find((n) => n.code === 'direction.rethink')?.params.exerciseId).toBe('prone-on-elbows');
    // Not offered again automatically, even once things are calm.
    expect(r.service.view().offered.map((e) => e.id)).not.toContain('nerve-glide-seated');
    for (let d = 1; d <= 8; d++) {
      goTo(r, local(2026, 11, 23 + d, 9));
      r.service.dispatch({ type: 'program/session-start', lingering: false });
      r.clock.advance(8 * MIN);
      r.service.dispatch({ type: 'program/session-end', answer: 'same', legWorse: false, soreness: false });
    }
    const calm = r.service.view();
    expect(calm.calm).toBe(true);
    expect(calm.offered.map((e) => e.id)).not.toContain('nerve-glide-seated');
    expect(calm.ask.tryAgain).toEqual([expect.objectContaining({ exerciseId: 'nerve-glide-seated', code: 'ask.nerve-glide-again' })]);
    expect(refusal(() => r.service.dispatch({ type: 'program/allow-move', exerciseId: 'bird-dog' }))?.code).toBe('program.not-asked');
    r.service.dispatch({ type: 'program/allow-move', exerciseId: 'nerve-glide-seated' });
    expect(r.service.view().offered.map((e) => e.id)).toContain('nerve-glide-seated');
    expect(r.service.view().ask.tryAgain).toEqual([]);
    // The engine can count program answers with break answers.
    expect(r.service.setbacks(local(2026, 11, 23, 0).getTime()).map((s) => s.kind)).toEqual(['worse', 'leg-worse']);
    expect(r.service.setbacks(local(2026, 11, 24, 0).getTime())).toEqual([]);
  });

  it('asks the nerve questions after every "leg felt worse", and suggests a clinician after two in a week', () => {
    const r = rig(local(2026, 11, 23, 8), { ...CLEAR, legSymptoms: true });
    r.service.dispatch({ type: 'program/start' });
    const first = session(r, { legWorse: true });
    expect(first.setbacks).toEqual([{ kind: 'leg-worse', at: new Date(r.clock.now()).toISOString() }]);
    expect(first.notes.map((n) => n.code)).not.toContain('leg-worse.see-clinician');
    goTo(r, local(2026, 11, 25, 9));
    const second = session(r, { legWorse: true });
    expect(second.notes.map((n) => n.code)).toEqual(expect.arrayContaining(['leg-worse.recheck', 'leg-worse.see-clinician']));
    expect(r.service.view().legWorseThisWeek).toBe(2);
    expect(r.service.view().recentSetbacks.map((x) => x.kind)).toEqual(['leg-worse', 'leg-worse']);
  });

  it('shows the stop rule and the emergency signs at the start of every session, as codes with their text', () => {
    const r = rig(local(2026, 11, 23, 8));
    r.service.dispatch({ type: 'program/start' });
    const rules = r.service.view().sessionRules;
    expect(rules.map((x) => x.code)).toEqual(['session.stop-rule', 'session.emergency']);
    expect(rules[0]!.text).toMatch(/spreads further down your leg/);
    expect(rules[1]!.text).toMatch(/emergency help now/);
    expect(rules[1]!.text).toContain(URGENCY_ADVICE.emergency.action);
    r.service.dispatch({ type: 'program/session-start' });
    expect(r.service.view().active?.sessionRules).toEqual(rules);
    // Every move shows all its cautions, floor moves how to get down and up.
    const first = r.service.view().active!.exercises[0]!;
    expect(first.cautionDetails[0]).toMatchObject({ code: 'floor.get-down' });
    expect(first.cautionDetails[0]!.help).toHaveLength(2);
  });

  it('serves a weighted move unloaded in the view and the session while symptoms are not calm', () => {
    const r = rig(local(2026, 11, 23, 8));
    r.service.dispatch({ type: 'program/start' });
    const file = path.join(r.dir, 'program.json');
    const saved = JSON.parse(fs.readFileSync(file, 'utf8')) as { lane: string; picks: string[] };
    fs.writeFileSync(file, JSON.stringify({ ...saved, lane: 'capacity', picks: ['hip-hinge-loaded', 'suitcase-carry', 'bird-dog'] }));
    const view = r.reopen().view();
    expect(view.calm).toBe(false);
    expect(view.picks.map((e) => e.id)).toEqual(['hip-hinge-loaded', 'suitcase-carry', 'bird-dog']);
    expect(view.sessionMoves.map((e) => e.id)).toEqual(['hip-hinge-dowel', 'split-squat', 'bird-dog']);
    expect(view.sessionNotes.map((n) => n.code)).toEqual(['held.not-calm', 'held.not-calm']);
    const start = r.service.dispatch({ type: 'program/session-start' });
    expect(start.notes.map((n) => n.code)).toEqual(['held.not-calm', 'held.not-calm']);
    expect(r.service.view().active?.exercises.map((e) => e.id)).toEqual(['hip-hinge-dowel', 'split-squat', 'bird-dog']);
  });

  it('refits picks that no longer fit the profile at the next session, keeps knee hugs and weights back for thin bones, and shows the flare-up plan after a setback', () => {
    const r = rig(local(2026, 11, 23, 8), { ...CLEAR, directionalPreference: 'extension' });
    r.service.dispatch({ type: 'program/start' });
    expect(r.service.view().picks[0]!.id).toBe('prone-on-elbows');
    expect(r.service.view().programNotes.map((n) => n.code)).toEqual(['program.pregnancy']);
    // The user now finds that bending forward eases their back.
    r.profile = { ...r.profile, directionalPreference: 'flexion' };
    expect(r.service.view().sessionMoves[0]!.id).toBe('hands-to-thighs-tilt');
    const start = r.service.dispatch({ type: 'program/session-start' });
    expect(start.changes.map((c) => [c.code, c.params.fromId, c.params.toId])).toEqual([['picks.refit', 'prone-on-elbows', 'hands-to-thighs-tilt']]);
    expect(start.changes[0]!.text).toMatch(/no longer fits what you told us/);
    r.clock.advance(8 * MIN);
    const worse = r.service.dispatch({ type: 'program/session-end', answer: 'worse', legWorse: false, soreness: false });
    expect(worse.notes.map((n) => n.code)).toContain('flare.plan');
    expect(worse.notes.find((n) => n.code === 'flare.plan')!.text).toMatch(/usually settle/);
    // Thin bones or long-term steroids (cleared by a clinician): no knee hug, no weights.
    r.profile = { ...r.profile, redFlags: { ...CLEAR.redFlags!, present: ['osteoporosis-steroids'], clearedAt: '2026-11-02T10:00:00.000Z' } };
    const offered = r.service.view().offered.map((e) => e.id);
    expect(offered).toContain('hands-to-thighs-tilt');
    expect(offered).not.toContain('knee-to-chest');
  });

  it('while the easing direction is unknown, offers no direction moves and never lets extension and flexion moves be picked together', () => {
    const r = rig(local(2026, 11, 23, 8)); // directionalPreference: 'unsure'
    r.service.dispatch({ type: 'program/start' });
    const offered = r.service.view().offered.map((e) => e.id);
    for (const id of ['prone-on-elbows', 'press-up', 'hands-to-thighs-tilt', 'knee-to-chest']) expect(offered).not.toContain(id);
    expect(refusal(() => r.service.dispatch({ type: 'program/pick', exerciseIds: ['prone-on-elbows', 'knee-to-chest', 'pelvic-tilt-small'] }))?.code).toBe('program.two-directions');
    // One direction, if the user insists, is allowed, and kept at the next session.
    r.service.dispatch({ type: 'program/pick', exerciseIds: ['prone-on-elbows', 'hook-lying-march', 'pelvic-tilt-small'] });
    expect(r.service.dispatch({ type: 'program/session-start' }).changes).toEqual([]);
    expect(r.service.view().active?.exercises[0]!.id).toBe('prone-on-elbows');
  });

  it('offers nothing while the safety gate holds, and refuses a session with a code', () => {
    const r = rig(local(2026, 11, 23, 8), { ...DEFAULT_PROFILE });
    expect(refusal(() => r.service.dispatch({ type: 'program/start' }))?.code).toBe('program.safety-unanswered');
    r.profile = CLEAR;
    r.service.dispatch({ type: 'program/start' });
    r.service.dispatch({ type: 'program/reminders', morning: '09:00', lunch: null, evening: null });
    r.profile = { ...CLEAR, redFlags: { ...CLEAR.redFlags!, present: ['saddle-numbness'], clearedAt: null } };
    const view = r.service.view();
    expect(view.held?.code).toBe('program.safety-flagged');
    expect(view.offered).toEqual([]);
    expect(view.picks).toEqual([]);
    expect(view.today).toBeNull();
    expect(view.nextReminder).toBeNull();
    const refused = refusal(() => r.service.dispatch({ type: 'program/session-start' }));
    expect(refused?.code).toBe('program.safety-flagged');
    expect(r.service.view().active).toBeNull();
    // Reminders stay quiet while held.
    goTo(r, local(2026, 11, 24, 12));
    expect(r.heard).toEqual([]);
    // Cleared by a clinician: offered again.
    r.profile = { ...r.profile, redFlags: { ...r.profile.redFlags!, clearedAt: '2026-11-24T12:00:00.000Z' } };
    expect(r.service.view().offered.length).toBeGreaterThan(0);
    r.service.dispatch({ type: 'program/session-start' });
    expect(r.service.view().active?.exercises).toHaveLength(3);
  });

  it('fires reminders at the chosen times on the injected clock, on plan days only, and arms nothing after stop', () => {
    const r = rig(local(2026, 11, 23, 6)); // Monday 06:00
    r.service.dispatch({ type: 'program/start' });
    r.service.dispatch({ type: 'program/reminders', morning: '07:30', lunch: null, evening: '19:15' });
    expect(r.service.view().nextReminder).toEqual({ slot: 'morning', at: local(2026, 11, 23, 7, 30).toISOString() });
    r.clock.advance(7 * DAY);
    const heard = r.heard.map((x) => [x.slot, new Date(x.at).getDay(), new Date(x.at).getHours(), new Date(x.at).getMinutes()]);
    expect(heard).toEqual([1, 2, 3, 4, 5].flatMap((d) => [['morning', d, 7, 30], ['evening', d, 19, 15]]));
    expect(r.heard[0]!.text.length).toBeGreaterThan(10);
    // Changed times take effect; switching them off arms nothing.
    r.service.dispatch({ type: 'program/reminders', morning: null, lunch: '12:45', evening: null });
    r.heard.length = 0;
    r.clock.advance(DAY);
    expect(r.heard.map((x) => [x.slot, new Date(x.at).getHours(), new Date(x.at).getMinutes()])).toEqual([['lunch', 12, 45]]);
    r.service.dispatch({ type: 'program/reminders', morning: null, lunch: null, evening: null });
    expect(r.clock.pending).toBe(0);
    r.service.dispatch({ type: 'program/reminders', morning: '08:00', lunch: null, evening: null });
    expect(r.clock.pending).toBe(1);
    r.service.stop();
    expect(r.clock.pending).toBe(0);
  });

  it('rejects bad input with a clear error and changes nothing', () => {
    const r = rig(local(2026, 11, 23, 8));
    r.service.dispatch({ type: 'program/start' });
    const before = fs.readFileSync(path.join(r.dir, 'program.json'), 'utf8');
    const changes = r.changes;
    for (const bad of [
      { type: 'program/pick', exerciseIds: ['bridge-two-leg'] },
      { type: 'program/pick', exerciseIds: ['a', 'b', 'c'] },
      { type: 'program/reminders', morning: '25:00', lunch: null, evening: null },
      { type: 'program/track-walk' },
      { type: 'program/session-end', answer: 'meh', lingering: false, legWorse: false, soreness: false },
      { type: 'program/nope' },
      null,
    ]) {
      const err = refusal(() => r.service.dispatch(bad));
      expect(err?.code).toBe('program.invalid');
    }
    try {
      r.service.dispatch({ type: 'program/reminders', morning: '25:00', lunch: null, evening: null });
    } catch (error) {
      expect(error).toBeInstanceOf(ProgramRefusal);
      expect((error as Error).message).toMatch(/morning/);
    }
    // Capacity moves are not offered in the calm lane.
    expect(refusal(() => r.service.dispatch({ type: 'program/pick', exerciseIds: ['hip-hinge-dowel', 'bird-dog', 'bridge-two-leg'] }))?.code).toBe('program.not-eligible');
    expect(refusal(() => r.service.dispatch({ type: 'program/session-end', answer: 'same', lingering: false, legWorse: false, soreness: false }))?.code).toBe('program.no-session');
    expect(fs.readFileSync(path.join(r.dir, 'program.json'), 'utf8')).toBe(before);
    expect(r.changes).toBe(changes);
    // A valid pick from what is offered works.
    r.service.dispatch({ type: 'program/pick', exerciseIds: ['hook-lying-march', 'pelvic-tilt-small', 'prone-on-elbows'] });
    expect(r.service.view().picks.map((p) => p.id)).toEqual(['hook-lying-march', 'pelvic-tilt-small', 'prone-on-elbows']);
  });

  it('keeps a corrupt or invalid program.json aside, says so, and starts afresh', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'movesnack-program-'));
    fs.writeFileSync(path.join(dir, 'program.json'), '{"version":1,"lane":"calm", broken');
    const r = rig(local(2026, 11, 23, 8), CLEAR, dir);
    const view = r.service.view();
    expect(view.started).toBe(false);
    expect(view.notices.join(' ')).toMatch(/damaged.*kept as program\.corrupt-/);
    const kept = fs.readdirSync(dir).filter((f) => f.startsWith('program.corrupt-'));
    expect(kept).toHaveLength(1);
    expect(fs.readFileSync(path.join(dir, kept[0]!), 'utf8')).toBe('{"version":1,"lane":"calm", broken');
    r.service.dispatch({ type: 'program/start' });
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'program.json'), 'utf8')).startedAt).toBeTruthy();

    fs.writeFileSync(path.join(dir, 'program.json'), JSON.stringify({ version: 1, lane: 'sideways' }));
    const again = r.reopen().view();
    expect(again.notices.join(' ')).toMatch(/kept as program\.invalid-/);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('program.invalid-'))).toHaveLength(1);
  });

  it('round-trips export v2 into a fresh folder, reads v1 files (no section), and merges without duplicates', () => {
    const a = rig(local(2026, 11, 23, 8));
    a.service.dispatch({ type: 'program/start' });
    session(a, { answer: 'better' });
    a.service.dispatch({ type: 'program/track-confidence', task: 'Lift the laundry basket', rating: 4 });
    a.service.dispatch({ type: 'program/track-walk', minutes: 20, metres: 1500 });
    const section = a.service.exportSection()!;
    const file = JSON.parse(
      JSON.stringify({ format: 'movesnack-export', version: 2, exportedAt: new Date(a.clock.now()).toISOString(), stretches: [], breaks: [], checkins: [], checklists: [], program: section }),
    ) as Record<string, unknown>;

    const b = rig(local(2026, 12, 1, 8));
    expect(b.service.exportSection()).toBeUndefined();
    const v1 = { format: 'movesnack-export', version: 1, exportedAt: '2026-11-20T10:00:00.000Z', stretches: [], breaks: [], checkins: [], checklists: [] };
    expect(b.service.importSection(v1)).toEqual({ imported: 0, rejected: 0 });
    expect(b.service.importSection(file)).toEqual({ imported: 3, rejected: 0 });
    expect(b.service.exportSection()!.sessions).toEqual(section.sessions);
    expect(b.service.exportSection()!.tracking).toEqual(section.tracking);
    expect(b.service.importSection(file)).toEqual({ imported: 0, rejected: 0 });
    // A bad record costs that record only.
    const damaged = { ...file, program: { ...section, sessions: [{ at: 'yesterday' }], tracking: [{ at: '2026-11-25T08:00:00.000Z', kind: 'stiffness', minutes: 12 }] } };
    expect(b.service.importSection(damaged)).toEqual({ imported: 1, rejected: 1 });
    expect(b.reopen().exportSection()!.tracking).toHaveLength(3);
  });
});
