import { describe, expect, it } from 'vitest';
import { emptyProgramState, type ProgramState } from '../../shared/program/state';
import {
  endSession,
  offeredExercises,
  programReportRows,
  programWeekSummary,
  readyForLater,
  suggestPicks,
  undoChange,
  weekPlan,
  type SessionEnd,
} from '../../shared/program/rules';
import { changeText, noteText } from '../../shared/program/messages';

process.env.TZ = 'Europe/London';

const neutral = { directionalPreference: 'unsure' as const, legSymptoms: false };
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

  it('progresses one move one step after a stable, too-easy session, and explains it', () => {
    const s = started();
    const out = endSession(s, end(local(2026, 11, 23), { answer: 'better', tooEasy: ['pelvic-tilt-small', 'hook-lying-march'] }), neutral);
    expect(out.changes.map((c) => c.code)).toEqual(['progress.step']);
    expect(out.state.picks).toEqual(['pelvic-tilt', 'breathing-knees-supported', 'hook-lying-march']);
    expect(out.changes[0]!.params).toMatchObject({ fromId: 'pelvic-tilt-small', toId: 'pelvic-tilt', variable: 'range' });
    expect(changeText('progress.step', out.changes[0]!.params)).toMatch(/too easy/);
    // Undo restores the plan.
    const undone = undoChange(out.state, out.changes[0]!.id, local(2026, 11, 23, 10).toISOString());
    expect('state' in undone && undone.state.picks).toEqual(s.picks);
  });

  it('does not progress when the move was not too easy, or when symptoms got worse', () => {
    expect(endSession(started(), end(local(2026, 11, 23), { answer: 'better' }), neutral).changes).toEqual([]);
    const worse = endSession(started(), end(local(2026, 11, 23), { answer: 'worse', tooEasy: ['pelvic-tilt-small'] }), neutral);
    expect(worse.state.picks).toEqual(suggestPicks(neutral));
    expect(worse.notes.map((n) => n.code)).toEqual(['backup.gentlest', 'progress.wait-stable']);
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

  it('moves into the next lane only when symptoms are calm and a move at the top of its chain felt too easy', () => {
    let s = started(['breathing-knees-supported', 'pelvic-tilt', 'hook-lying-march']);
    // Not calm yet (fewer than three steady sessions this week): waits.
    let out = endSession(s, end(local(2026, 11, 23), { tooEasy: ['breathing-knees-supported'] }), neutral);
    expect(out.state.lane).toBe('calm');
    expect(out.notes.map((n) => n.code)).toEqual(['lane.wait-calm']);
    s = out.state;
    s = endSession(s, end(local(2026, 11, 24)), neutral).state;
    out = endSession(s, end(local(2026, 11, 25), { answer: 'better', tooEasy: ['breathing-knees-supported'] }), neutral);
    expect(out.changes.map((c) => c.code)).toEqual(['lane.forward']);
    expect(out.state.lane).toBe('control');
    expect(out.state.picks).toEqual(['bridge-two-leg', 'pelvic-tilt', 'hook-lying-march']);
    // A setback right after backs out of the lane, to the move it replaced.
    const back = endSession(out.state, end(local(2026, 11, 26), { answer: 'worse' }), neutral);
    expect(back.changes.map((c) => c.code)).toEqual(['backup.lane']);
    expect(back.state.lane).toBe('calm');
    expect(back.state.picks).toEqual(['breathing-knees-supported', 'pelvic-tilt', 'hook-lying-march']);
    // Already in control, a calm move at the top of its chain makes way for another control move;
    // the lane stays where it is.
    const more = endSession(out.state, end(local(2026, 11, 26), { answer: 'same', tooEasy: ['hook-lying-march'] }), neutral);
    expect(more.changes.map((c) => [c.code, c.params.toId])).toEqual([['lane.forward', 'dead-bug-heel-tap']]);
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
    expect(plan[0]!.minutes).toEqual({ min: 10, max: 20 });
    expect(plan.filter((d) => d.kind === 'structured').map((d) => d.weekday)).toEqual([1, 3, 5]);
    const back = endSession(out.state, end(local(2026, 11, 24), { lingering: true }), neutral);
    expect(back.changes.map((c) => c.code)).toContain('stage.early');
    expect(back.state.stage).toBe('early');
  });

  it('refuses to undo anything but the newest change still in effect', () => {
    let s = started();
    const a = endSession(s, end(local(2026, 11, 23), { tooEasy: ['pelvic-tilt-small'] }), neutral);
    s = a.state;
    const b = endSession(s, end(local(2026, 11, 24), { answer: 'worse' }), neutral);
    expect(undoChange(b.state, a.changes[0]!.id, local(2026, 11, 24, 10).toISOString())).toEqual({ error: 'not-latest' });
    expect(undoChange(b.state, 'nope', local(2026, 11, 24, 10).toISOString())).toEqual({ error: 'unknown' });
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
    const week = programWeekSummary(s, MON);
    expect(week).toMatchObject({ planned: 10, done: 2, adherence: 0.2, lane: 'calm', stage: 'early', soreness: 1, stiffnessMin: 15, walkingMin: 15, walkingDays: 1 });
    expect(week.confidence).toEqual({ task: 'Lift the laundry basket', rating: 6 });
    const rows = programReportRows(s, MON.getTime(), local(2026, 11, 30, 0).getTime());
    expect(rows.find((r) => r.key === 'sessions')!.value).toBe('2 / 10');
    expect(rows.find((r) => r.key === 'lane')!.value).toMatch(/Calm/);
    expect(rows.find((r) => r.key === 'stiffness')!.value).toBe('15 min');
  });
});
