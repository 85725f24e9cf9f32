import { describe, expect, it } from 'vitest';
import { emptyProgramState, type ProgramState } from '../../shared/program/state';
import {
  endSession,
  offeredExercises,
  servedMoves,
  startSession,
  programReportRows,
  programWeekSummary,
  readyForLater,
  recordChange,
  laneAt,
  suggestPicks,
  undoChange,
  weekPlan,
  type ProfileSteer,
  type SessionEnd,
} from '../../shared/program/rules';
import { changeText, noteText } from '../../shared/program/messages';

process.env.TZ = 'Europe/London';

const neutral: ProfileSteer = { directionalPreference: 'unsure', legSymptoms: false };
const local = (y: number, m: number, d: number, h = 9) => new Date(y, m - 1, d, h);
const MON = local(2026, 11, 23, 0);

function started(picks = suggestPicks(neutral), at = local(2026, 11, 23, 8)): ProgramState {
  return { ...emptyProgramState(), startedAt: at.toISOString(), picks };
}

function end(at: Date, over: Partial<SessionEnd> = {}): SessionEnd {
  return {
    startedAt: new Date(at.getTime() - 8 * 60_000).toISOString(),
    at: at.toISOString(),
    day: at.toISOString().slice(0, 10),
    exerciseIds: [],
    answer: 'same',
    lingering: false,
    legWorse: false,
    soreness: false,
    tooEasy: [],
    ...over,
  };
}

/** A session of the current picks, ended with these answers. */
const go = (s: ProgramState, at: Date, over: Partial<SessionEnd> = {}, profile = neutral) => endSession(s, end(at, { exerciseIds: [...s.picks], ...over }), profile);

/** Two steady sessions a day (09:00 and 18:00) on each day from `from` for `days` days. */
function steady(s: ProgramState, from: Date, days: number, over: Partial<SessionEnd> = {}, profile = neutral): ProgramState {
  for (let i = 0; i < days; i++) {
    for (const h of [9, 18]) s = go(s, new Date(from.getFullYear(), from.getMonth(), from.getDate() + i, h), over, profile).state;
  }
  return s;
}

describe('program rules', () => {
  it('starts in calm with three moves steered by the profile', () => {
    expect(suggestPicks(neutral)).toEqual(['pelvic-tilt-small', 'breathing-knees-supported', 'hook-lying-march']);
    expect(suggestPicks({ directionalPreference: 'extension', legSymptoms: true })).toEqual(['prone-on-elbows', 'nerve-glide-seated', 'breathing-knees-supported']);
    expect(suggestPicks({ directionalPreference: 'flexion', legSymptoms: false })[0]).toBe('hands-to-thighs-tilt');
    const offered = offeredExercises({ lane: 'calm', profile: { directionalPreference: 'flexion', legSymptoms: false }, calm: false }).map((e) => e.id);
    expect(offered).toContain('knee-to-chest');
    expect(offered).not.toContain('press-up');
    expect(offered).not.toContain('nerve-glide-seated');
    expect(offered).not.toContain('bridge-two-leg');
    const capacity = (calm: boolean) => offeredExercises({ lane: 'capacity', profile: neutral, calm }).map((e) => e.id);
    expect(capacity(false)).not.toContain('hip-hinge-loaded');
    expect(capacity(true)).toContain('hip-hinge-loaded');
  });

  it("plans the early week as two or three 5–10 minute sessions on five days, walking every day", () => {
    const plan = weekPlan(started(), MON);
    expect(plan.map((d) => d.sessions)).toEqual([2, 2, 2, 2, 2, 0, 0]);
    expect(plan[0]!.minutes).toEqual({ min: 5, max: 10 });
    expect(plan.every((d) => d.walk)).toBe(true);
    const three = weekPlan({ ...started(), schedule: { days: [1, 2, 3, 4, 5], sessionsPerDay: 3 } }, MON);
    expect(three.reduce((n, d) => n + d.sessions, 0)).toBe(15);
    // Started on Wednesday: Monday and Tuesday plan nothing.
    expect(weekPlan(started(undefined, local(2026, 11, 25, 8)), MON).map((d) => d.sessions)).toEqual([0, 0, 2, 2, 2, 0, 0]);
  });

  it('steps up only after calm on three different days, three sessions on two days at the step, and 48 hours since the last change', () => {
    let s = started(); // Monday 08:00
    const codes: string[][] = [];
    const easy = { answer: 'better' as const, tooEasy: ['pelvic-tilt-small'] };
    // Two sessions a day, every one "too easy": Monday and Tuesday are not yet three calm days.
    for (const at of [local(2026, 11, 23, 9), local(2026, 11, 23, 18), local(2026, 11, 24, 9), local(2026, 11, 24, 18)]) {
      const out = go(s, at, easy);
      codes.push(out.changes.map((c) => c.code));
      expect(out.notes.map((n) => n.code)).toEqual(['progress.wait-calm']);
      s = out.state;
    }
    expect(codes.flat()).toEqual([]);
    // Wednesday 07:00: three calm days, but only 47 hours since the program began.
    const early = go(s, local(2026, 11, 25, 7), easy);
    expect(early.changes).toEqual([]);
    expect(early.notes.map((n) => n.code)).toEqual(['progress.wait-time']);
    expect(noteText('progress.wait-time')).toMatch(/two days/);
    // Wednesday 09:00: all of it holds, so one move goes up one step, explained.
    const out = go(early.state, local(2026, 11, 25, 9), easy);
    expect(out.changes.map((c) => c.code)).toEqual(['progress.step']);
    expect(out.state.picks).toEqual(['pelvic-tilt', 'breathing-knees-supported', 'hook-lying-march']);
    expect(out.changes[0]!.params).toMatchObject({ fromId: 'pelvic-tilt-small', toId: 'pelvic-tilt', variable: 'range' });
    expect(changeText('progress.step', out.changes[0]!.params)).toMatch(/too easy/);
    // The new step gets its own sessions and two days before anything moves again.
    const next = go(out.state, local(2026, 11, 25, 18), { tooEasy: ['pelvic-tilt', 'hook-lying-march'] });
    expect(next.changes).toEqual([]);
    expect(next.notes.map((n) => n.code)).toEqual(['progress.wait-time']);
    // Undo restores the plan.
    const undone = undoChange(out.state, out.changes[0]!.id, local(2026, 11, 25, 10).toISOString());
    expect('state' in undone && undone.state.picks).toEqual(s.picks);
  });

  it('does not progress when the move was not too easy, or when symptoms got worse', () => {
    expect(endSession(started(), end(local(2026, 11, 23), { answer: 'better' }), neutral).changes).toEqual([]);
    const worse = endSession(started(), end(local(2026, 11, 23), { answer: 'worse', tooEasy: ['pelvic-tilt-small'] }), neutral);
    expect(worse.state.picks).toEqual(suggestPicks(neutral));
    expect(worse.notes.map((n) => n.code)).toEqual(['backup.gentlest', 'flare.plan', 'progress.wait-stable']);
  });

  it('backs up a step after a worse answer, lingering symptoms or a worse leg, and not after soreness', () => {
    const s = started(['pelvic-tilt', 'breathing-knees-supported', 'hook-lying-march']);
    for (const over of [{ answer: 'worse' as const }, { lingering: true }, { legWorse: true }]) {
      const out = endSession(s, end(local(2026, 11, 24), over), neutral);
      expect(out.changes.map((c) => c.code)).toEqual(['backup.step']);
      expect(out.state.picks[0]).toBe('pelvic-tilt-small');
    }
    const sore = endSession(s, end(local(2026, 11, 24), { answer: 'same', soreness: true }), neutral);
    expect(sore.changes).toEqual([]);
    expect(sore.state.picks).toEqual(s.picks);
    expect(sore.notes.map((n) => n.code)).toEqual(['soreness.normal']);
    expect(noteText('soreness.normal')).toMatch(/not a reason to step back/);
  });

  it('moves into the next lane only when calm, after a week in the lane, when a move at the top of its chain felt too easy', () => {
    let s = started(['breathing-knees-supported', 'pelvic-tilt', 'hook-lying-march']); // Monday 23 Nov 08:00
    const easy = { answer: 'better' as const, tooEasy: ['breathing-knees-supported'] };
    // Not calm yet (sessions on fewer than three days): waits.
    let out = go(s, local(2026, 11, 23), easy);
    expect(out.state.lane).toBe('calm');
    expect(out.notes.map((n) => n.code)).toEqual(['lane.wait-calm']);
    expect(noteText('lane.wait-calm', { lane: 'control' })).toMatch(/settled for about a week/);
    // Calm by Wednesday, but less than a week in the calm lane: waits, and says why.
    s = steady(out.state, local(2026, 11, 24, 0), 2);
    out = go(s, local(2026, 11, 26), easy);
    expect(out.changes).toEqual([]);
    expect(out.notes.map((n) => n.code)).toEqual(['lane.wait-time']);
    // A week on (Monday 30 Nov 09:00), steady all along: the lane moves forward.
    s = steady(out.state, local(2026, 11, 26, 0), 4);
    out = go(s, local(2026, 11, 30), easy);
    expect(out.changes.map((c) => c.code)).toEqual(['lane.forward']);
    expect(out.state.lane).toBe('control');
    expect(out.state.picks).toEqual(['bridge-two-leg', 'pelvic-tilt', 'hook-lying-march']);
    // A setback right after backs out of the lane, to the move it replaced.
    const back = go(out.state, local(2026, 11, 30, 18), { answer: 'worse' });
    expect(back.changes.map((c) => c.code)).toEqual(['backup.lane']);
    expect(back.state.lane).toBe('calm');
    expect(back.state.picks).toEqual(['breathing-knees-supported', 'pelvic-tilt', 'hook-lying-march']);
    // Already in control, a calm move at the top of its chain makes way for another control move
    // once the control lane has had its week; the lane stays where it is.
    s = steady(out.state, local(2026, 12, 1, 0), 6);
    const soon = go(s, local(2026, 12, 6, 20), { tooEasy: ['hook-lying-march'] });
    expect(soon.notes.map((n) => n.code)).toEqual(['lane.wait-time']);
    const more = go(soon.state, local(2026, 12, 7, 10), { tooEasy: ['hook-lying-march'] });
    // (Two steady weeks in, the plan also moves to its later stage.)
    expect(more.changes.map((c) => [c.code, c.params.toId ?? null])).toEqual([
      ['lane.forward', 'dead-bug-heel-tap'],
      ['stage.later', null],
    ]);
    expect(more.state.lane).toBe('control');
    expect(changeText('lane.forward', more.changes[0]!.params)).toMatch(/control lane/);
  });

  it('switches to three structured sessions a week after two steady weeks, and back after a setback', () => {
    let s = started(undefined, local(2026, 11, 9, 8));
    for (let d = 9; d <= 22; d += 2) s = endSession(s, end(local(2026, 11, d)), neutral).state;
    // Thirteen days in: not two full weeks yet.
    expect(readyForLater(s, local(2026, 11, 22).getTime())).toBe(false);
    expect(readyForLater(s, local(2026, 11, 23).getTime())).toBe(true);
    const out = endSession(s, end(local(2026, 11, 23)), neutral);
    expect(out.changes.map((c) => c.code)).toEqual(['stage.later']);
    expect(out.state.stage).toBe('later');
    const plan = weekPlan(out.state, MON);
    expect(plan.map((d) => d.sessions)).toEqual([1, 0, 1, 0, 1, 0, 0]);
    expect(plan[0]!.minutes).toEqual({ min: 10, max: 15 });
    expect(plan[0]!.sets).toEqual({ min: 2, max: 3 });
    expect(changeText('stage.later', { weeks: 2 })).toMatch(/two sets/);
    expect(plan.filter((d) => d.kind === 'structured').map((d) => d.weekday)).toEqual([1, 3, 5]);
    const back = endSession(out.state, end(local(2026, 11, 24), { lingering: true }), neutral);
    expect(back.changes.map((c) => c.code)).toContain('stage.early');
    expect(back.state.stage).toBe('early');
  });

  it('refuses to undo anything but the newest change still in effect', () => {
    const s = steady(started(), local(2026, 11, 23, 0), 2);
    const a = go(s, local(2026, 11, 25), { tooEasy: ['pelvic-tilt-small'] });
    expect(a.changes.map((c) => c.code)).toEqual(['progress.step']);
    const b = go(a.state, local(2026, 11, 26), { answer: 'worse' });
    expect(undoChange(b.state, a.changes[0]!.id, local(2026, 11, 26, 10).toISOString())).toEqual({ error: 'not-latest' });
    expect(undoChange(b.state, 'nope', local(2026, 11, 26, 10).toISOString())).toEqual({ error: 'unknown' });
  });

  it('steps into the weighted hinge only after the stick hinge on three calm days, and serves weighted moves unloaded while not calm, even after a setback named another move', () => {
    const capacity = (picks: string[]): ProgramState => ({ ...started(picks), lane: 'capacity' });
    // Monday without the stick hinge, then Tuesday and Wednesday with it: calm, three sessions on
    // two days (enough for an ordinary step), but the weighted step waits for three days.
    let s = steady(capacity(['hip-hinge-dowel', 'split-squat', 'bird-dog']), local(2026, 11, 23, 0), 1, { exerciseIds: ['split-squat', 'bird-dog'] });
    s = steady(s, local(2026, 11, 24, 0), 1);
    s = go(s, local(2026, 11, 25, 7)).state;
    const wait = go(s, local(2026, 11, 25, 9), { tooEasy: ['hip-hinge-dowel'] });
    expect(wait.changes).toEqual([]);
    expect(wait.notes.map((n) => n.code)).toEqual(['progress.wait-time']);
    s = go(wait.state, local(2026, 11, 25, 18)).state;
    const up = go(s, local(2026, 11, 26, 9), { tooEasy: ['hip-hinge-dowel'] });
    expect(up.changes.map((c) => c.params.toId)).toEqual(['hip-hinge-loaded']);
    // A "worse" naming the split squat: the split squat has no gentler step, so it is swapped,
    // and the weighted hinge steps back too (a safety hold).
    const worse = go(up.state, local(2026, 11, 26, 18), { answer: 'worse', worseExerciseId: 'split-squat' });
    expect(worse.changes.map((c) => [c.code, c.params.fromId, c.params.toId])).toEqual([
      ['backup.swap', 'split-squat', 'breathing-knees-supported'],
      ['backup.loaded', 'hip-hinge-loaded', 'hip-hinge-dowel'],
    ]);
    expect(worse.state.picks).not.toContain('hip-hinge-loaded');
    // Whatever the picks hold, a weighted move is served as its unloaded form while not calm.
    expect(servedMoves(['hip-hinge-loaded', 'suitcase-carry', 'bird-dog'], false, neutral).ids).toEqual(['hip-hinge-dowel', 'split-squat', 'bird-dog']);
    // (Say the user undid the step back: the last session was still a setback.)
    const setback = { ...up.state, sessions: up.state.sessions.map((x, i, all) => (i === all.length - 1 ? { ...x, answer: 'worse' as const } : x)) };
    const start = startSession(setback, { at: local(2026, 11, 27, 9).toISOString(), day: '2026-11-27', lingering: null }, neutral);
    expect(start.exerciseIds).not.toContain('hip-hinge-loaded');
    expect(start.notes.map((n) => n.code)).toContain('held.not-calm');
    expect(noteText('held.not-calm', start.notes.find((n) => n.code === 'held.not-calm')!.params)).toMatch(/uses a weight/);
    // Every weighted move waits for calm in the offer, the carry included.
    const offered = (calm: boolean) => offeredExercises({ lane: 'capacity', profile: neutral, calm }).map((e) => e.id);
    expect(offered(false)).not.toContain('suitcase-carry');
    expect(offered(true)).toContain('suitcase-carry');
  });

  it('after two weeks without a session restarts each move one step lower, and the user can undo that', () => {
    let s = steady(started(), local(2026, 11, 23, 0), 2);
    s = go(s, local(2026, 11, 25), { tooEasy: ['pelvic-tilt-small'] }).state;
    expect(s.picks[0]).toBe('pelvic-tilt');
    const back = startSession(s, { at: local(2026, 12, 10, 9).toISOString(), day: '2026-12-10', lingering: null }, neutral);
    expect(back.changes.map((c) => c.code)).toEqual(['restart.lower']);
    expect(back.state.active?.exerciseIds).toEqual(['pelvic-tilt-small', 'breathing-knees-supported', 'hook-lying-march']);
    expect(changeText('restart.lower', back.changes[0]!.params)).toMatch(/break of 15 days/);
    expect('state' in undoChange(back.state, back.changes[0]!.id, local(2026, 12, 10, 9, ).toISOString())).toBe(true);
  });

  it('with thin bones or long-term steroids, never steps up into the knee hug or a weight, and says why', () => {
    const bones: ProfileSteer = {
      directionalPreference: 'flexion',
      legSymptoms: false,
      redFlags: { answeredAt: '2026-11-01T10:00:00.000Z', present: ['osteoporosis-steroids'], clearedAt: '2026-11-02T10:00:00.000Z', ageBand: null, newPain: false },
    };
    const s = steady(started(['hands-to-thighs-tilt', 'breathing-knees-supported', 'hook-lying-march']), local(2026, 11, 23, 0), 2, {}, bones);
    const out = go(s, local(2026, 11, 25), { tooEasy: ['hands-to-thighs-tilt'] }, bones);
    expect(out.changes).toEqual([]);
    expect(out.notes.map((n) => n.code)).toEqual(['held.bones']);
    expect(noteText('held.bones')).toMatch(/until your clinician says they suit you/);
    expect(offeredExercises({ lane: 'capacity', profile: bones, calm: true }).map((e) => e.id)).not.toContain('hip-hinge-loaded');
  });

  it('sums the week for the summary and the therapist report', () => {
    let s = started();
    s = endSession(s, end(local(2026, 11, 23), { answer: 'better' }), neutral).state;
    s = endSession(s, end(local(2026, 11, 24), { answer: 'same', soreness: true }), neutral).state;
    s = {
      ...s,
      tracking: [
        { at: local(2026, 11, 23, 7).toISOString(), kind: 'stiffness', minutes: 20 },
        { at: local(2026, 11, 24, 7).toISOString(), kind: 'stiffness', minutes: 10 },
        { at: local(2026, 11, 24, 18).toISOString(), kind: 'walk', minutes: 15, metres: null },
        { at: local(2026, 11, 25, 18).toISOString(), kind: 'confidence', task: 'Lift the laundry basket', rating: 6 },
      ],
    };
    const week = programWeekSummary(s, MON, local(2026, 11, 26).getTime());
    expect(week).toMatchObject({ planned: 10, done: 2, adherence: 0.2, lane: 'calm', stage: 'early', soreness: 1, stiffnessMin: 15, walkingMin: 15, walkingDays: 1 });
    expect(week.confidence).toEqual({ task: 'Lift the laundry basket', rating: 6 });
    const rows = programReportRows(s, MON.getTime(), local(2026, 11, 30, 0).getTime());
    expect(rows.find((r) => r.key === 'sessions')!.value).toBe('2 / 10');
    expect(rows.find((r) => r.key === 'lane')!.value).toMatch(/Calm/);
    expect(rows.find((r) => r.key === 'stiffness')!.value).toBe('15 min');
  });
  it('a past week shows the lane and plan it ended with, replayed from the change log; the running week shows the plan now', () => {
    let s = started();
    s = endSession(s, end(local(2026, 11, 24), { answer: 'better' }), neutral).state;
    // That session's answers move the lane on the same day; the next week has no session at all.
    s = recordChange(s, local(2026, 11, 24, 12).toISOString(), 'lane.forward', { toLane: 'control' }, { lane: 'control' }).state;
    // The week after, the plan moves to the later stage, a session runs, and then the lane step is undone.
    s = recordChange(s, local(2026, 12, 7, 8).toISOString(), 'stage.later', { weeks: 4 }, { stage: 'later' }).state;
    s = endSession(s, end(local(2026, 12, 7), { answer: 'same' }), neutral).state;
    const forward = s.changes.find((c) => c.code === 'lane.forward')!;
    s = { ...s, lane: 'calm', changes: s.changes.map((c) => (c.id === forward.id ? { ...c, undoneAt: local(2026, 12, 16).toISOString() } : c)) };
    const laterOn = local(2026, 12, 30).getTime();
    expect(programWeekSummary(s, MON, laterOn)).toMatchObject({ lane: 'control', stage: 'early', done: 1 });
    expect(programWeekSummary(s, local(2026, 11, 30, 0), laterOn)).toMatchObject({ lane: 'control', stage: 'early', done: 0 });
    expect(programWeekSummary(s, local(2026, 12, 7, 0), laterOn)).toMatchObject({ lane: 'control', stage: 'later', done: 1 });
    // The undo in the week of 14 December put the calm lane back.
    expect(programWeekSummary(s, local(2026, 12, 14, 0), laterOn)).toMatchObject({ lane: 'calm', stage: 'later' });
    expect(laneAt(s, local(2026, 11, 24, 11).getTime())).toBe('calm');
    // While a week is still running, it shows the plan now.
    expect(programWeekSummary(s, local(2026, 12, 28, 0), laterOn)).toMatchObject({ lane: 'calm' });
  });
});
