/**
 * The home program's rules, pure (no clock, no files). Sources in shared/seed/back-pain-roadmap.txt:
 * - lanes calm → control → capacity, start in calm ("three-lane road", "Build from calm to control to capacity");
 * - early plan: two or three 5–10 minute sessions a day ("Getting started at home the first few weeks");
 * - later plan, once symptoms calm: three structured sessions a week plus daily movement snacks
 *   ("Once symptoms calm, three structured sessions per week paired with daily micro-mobility");
 * - three moves that ease symptoms, five days a week; walk most days ("A compact checklist");
 * - progress one variable when stable or improving and too easy; back up a step when symptoms
 *   linger beyond 24 hours or leg pain gets worse; soreness is common ("When to add or change exercises");
 * - loaded hinge only when symptoms are calm; nerve glides at light tension for leg symptoms.
 */
import { addDays, differenceInCalendarDays, format, startOfDay } from 'date-fns';
import type { Profile } from '../profile';
import { LANES, PROGRAM_EXERCISES, laneIndex, programExerciseById, type Lane, type ProgramExercise } from './exercises';
import type { ChangeCode, NoteCode, ProgramParams } from './messages';
import type { Answer, Change, PlanSnapshot, ProgramState, Schedule, SessionRecord, Stage } from './state';

export const DAY_MS = 24 * 60 * 60_000;
/** "Calm" = at least this many sessions in the last CALM_WINDOW_DAYS, none of them a setback. */
export const CALM_MIN_SESSIONS = 3;
export const CALM_WINDOW_DAYS = 7;
/**
 * "Later" (three structured sessions a week) after this many stable weeks: the program is at least
 * that old, no setback in that time, and each of those weeks had CALM_MIN_SESSIONS sessions or more.
 * Our reading of "once symptoms calm" and "many acute cases improve meaningfully within two to six weeks".
 */
export const STABLE_WEEKS_FOR_LATER = 2;
export const EARLY_SESSION_MINUTES = { min: 5, max: 10 } as const;
/** A structured session: the three moves with a little more volume. Our choice; the seed gives no length. */
export const LATER_SESSION_MINUTES = { min: 10, max: 20 } as const;
export const LATER_SESSIONS_PER_WEEK = 3;

export interface Note {
  code: NoteCode;
  params: ProgramParams;
}

export type ProfileSteer = Pick<Profile, 'directionalPreference' | 'legSymptoms'>;

// ---------------------------------------------------------------- symptoms

export type SetbackReason = 'leg-worse' | 'lingering' | 'worse';

/** Why a session is a setback, or null when symptoms were stable or better. Soreness never is. */
export function setbackOf(s: Pick<SessionRecord, 'answer' | 'lingering' | 'legWorse'>): SetbackReason | null {
  if (s.legWorse) return 'leg-worse';
  if (s.lingering) return 'lingering';
  if (s.answer === 'worse') return 'worse';
  return null;
}

/** Symptoms are calm: enough recent sessions, none a setback. */
export function symptomsCalm(sessions: readonly SessionRecord[], now: number): boolean {
  const recent = sessions.filter((s) => Date.parse(s.at) > now - CALM_WINDOW_DAYS * DAY_MS && Date.parse(s.at) <= now);
  return recent.length >= CALM_MIN_SESSIONS && recent.every((s) => setbackOf(s) === null);
}

/** Ready for the later plan: STABLE_WEEKS_FOR_LATER steady weeks in a row. */
export function readyForLater(state: Pick<ProgramState, 'startedAt' | 'sessions'>, now: number): boolean {
  if (!state.startedAt || now - Date.parse(state.startedAt) < STABLE_WEEKS_FOR_LATER * 7 * DAY_MS) return false;
  for (let w = 0; w < STABLE_WEEKS_FOR_LATER; w++) {
    const to = now - w * 7 * DAY_MS;
    const week = state.sessions.filter((s) => Date.parse(s.at) > to - 7 * DAY_MS && Date.parse(s.at) <= to);
    if (week.length < CALM_MIN_SESSIONS || week.some((s) => setbackOf(s) !== null)) return false;
  }
  return true;
}

// ---------------------------------------------------------------- choosing moves

export interface Steer {
  lane: Lane;
  profile: ProfileSteer;
  calm: boolean;
}

/** Why a move is not offered, or null when it is. */
export function ineligibleReason(exercise: ProgramExercise, steer: Steer): 'lane' | 'direction' | 'legs' | 'calm' | null {
  if (laneIndex(exercise.lane) > laneIndex(steer.lane)) return 'lane';
  const pref = steer.profile.directionalPreference;
  if (exercise.direction && pref !== 'unsure' && exercise.direction !== pref) return 'direction';
  if (exercise.forLegSymptoms && !steer.profile.legSymptoms) return 'legs';
  if (exercise.caution === 'loaded.calm-only' && !steer.calm) return 'calm';
  return null;
}

/** The moves the user may pick from: their lane and the ones before it, steered by the profile. */
export function offeredExercises(steer: Steer): ProgramExercise[] {
  return PROGRAM_EXERCISES.filter((e) => ineligibleReason(e, steer) === null);
}

/** Suggested first moves of each lane, most fitting first (the user may accept or swap them). */
export function laneSuggestions(lane: Lane, profile: ProfileSteer): string[] {
  switch (lane) {
    case 'calm': {
      const eases =
        profile.directionalPreference === 'extension' ? 'prone-on-elbows' : profile.directionalPreference === 'flexion' ? 'hands-to-thighs-tilt' : 'pelvic-tilt-small';
      return profile.legSymptoms
        ? [eases, 'nerve-glide-seated', 'breathing-knees-supported', 'hook-lying-march']
        : [eases, 'breathing-knees-supported', 'hook-lying-march', 'pelvic-tilt-small'];
    }
    case 'control':
      return ['bridge-two-leg', 'dead-bug-heel-tap', 'bird-dog', 'side-lying-hip-abduction'];
    case 'capacity':
      return ['hip-hinge-dowel', 'split-squat', 'suitcase-carry'];
  }
}

/** The three moves a new program starts with. */
export function suggestPicks(profile: ProfileSteer): string[] {
  return [...new Set(laneSuggestions('calm', profile))].slice(0, 3);
}

/** The first suggested move of `lane` not already picked (the entry when the program moves into it). */
export function laneEntry(lane: Lane, picks: readonly string[], profile: ProfileSteer): string | null {
  return laneSuggestions(lane, profile).find((id) => !picks.some((p) => programExerciseById(p)?.chain === programExerciseById(id)?.chain)) ?? null;
}

// ---------------------------------------------------------------- ending a session

export interface SessionEnd {
  startedAt: string;
  at: string;
  day: string;
  exerciseIds: string[];
  answer: Answer;
  lingering: boolean;
  legWorse: boolean;
  soreness: boolean;
  tooEasy: string[];
  /** The move the user thinks made things worse, if they named one. */
  worseExerciseId?: string | null;
}

export interface Outcome {
  state: ProgramState;
  changes: Change[];
  notes: Note[];
}

const snapshot = (s: Pick<ProgramState, 'lane' | 'stage' | 'picks'>): PlanSnapshot => ({ lane: s.lane, stage: s.stage, picks: [...s.picks] });
const nameOf = (id: string) => programExerciseById(id)?.name ?? id;

function makeChange(state: ProgramState, at: string, code: ChangeCode, params: ProgramParams): Change {
  return { id: `c${state.changes.length + 1}-${Date.parse(at).toString(36)}`, at, code, params, before: snapshot(state), undoneAt: null };
}

/** Changes still in effect, newest first. */
const liveChanges = (state: ProgramState) => state.changes.filter((c) => c.undoneAt === null).reverse();

/**
 * Records a session and applies the progress rules: at most one change to the moves per session
 * (one variable at a time), explained, undoable.
 */
export function endSession(state: ProgramState, end: SessionEnd, profile: ProfileSteer): Outcome {
  const record: SessionRecord = {
    startedAt: end.startedAt,
    at: end.at,
    day: end.day,
    lane: state.lane,
    exerciseIds: [...end.exerciseIds],
    answer: end.answer,
    lingering: end.lingering,
    legWorse: end.legWorse,
    soreness: end.soreness,
    tooEasy: [...end.tooEasy],
  };
  let next: ProgramState = { ...state, sessions: [...state.sessions, record], active: null };
  const changes: Change[] = [];
  const notes: Note[] = [];
  const now = Date.parse(end.at);
  const apply = (code: ChangeCode, params: ProgramParams, patch: Partial<ProgramState>) => {
    const change = makeChange(next, end.at, code, params);
    next = { ...next, ...patch, changes: [...next.changes, change] };
    changes.push(change);
  };

  const reason = setbackOf(record);
  if (reason) {
    const target = backupTarget(next, end.worseExerciseId ?? null);
    const exercise = target ? programExerciseById(target) : undefined;
    const laneForward = target ? liveChanges(next).find((c) => c.code === 'lane.forward' && c.params.toId === target) : undefined;
    if (target && exercise?.previous) {
      apply(
        'backup.step',
        { reason, fromId: target, toId: exercise.previous, fromName: exercise.name, toName: nameOf(exercise.previous) },
        { picks: next.picks.map((p) => (p === target ? exercise.previous! : p)) },
      );
    } else if (target && laneForward?.before) {
      const back = String(laneForward.params.fromId);
      // The lane the program was in before that step (never further forward than it is now).
      const toLane = laneIndex(laneForward.before.lane) < laneIndex(next.lane) ? laneForward.before.lane : next.lane;
      apply('backup.lane', { reason, fromId: target, toId: back, fromName: nameOf(target), toName: nameOf(back), toLane }, {
        lane: toLane,
        picks: next.picks.map((p) => (p === target ? back : p)),
      });
    } else {
      notes.push({ code: 'backup.gentlest', params: { reason } });
    }
    if (next.stage === 'later') apply('stage.early', { reason }, { stage: 'early' });
    if (end.tooEasy.length > 0) notes.push({ code: 'progress.wait-stable', params: {} });
  } else {
    if (end.soreness) notes.push({ code: 'soreness.normal', params: {} });
    const calm = symptomsCalm(next.sessions, now);
    const easy = next.picks.find((p) => end.tooEasy.includes(p));
    const exercise = easy ? programExerciseById(easy) : undefined;
    if (easy && exercise) {
      const up = exercise.next ? programExerciseById(exercise.next) : undefined;
      if (up) {
        if (ineligibleReason(up, { lane: next.lane, profile, calm }) === 'calm') notes.push({ code: 'progress.wait-calm', params: { exerciseId: up.id } });
        else
          apply(
            'progress.step',
            { fromId: easy, toId: up.id, fromName: exercise.name, toName: up.name, variable: up.variable ?? 'range' },
            { picks: next.picks.map((p) => (p === easy ? up.id : p)) },
          );
      } else if (laneIndex(exercise.lane) < LANES.length - 1) {
        // The top of its chain: the move makes way for one from the lane after its own (a calm
        // move topping out while the program is already in control brings in another control move).
        const toLane = LANES[laneIndex(exercise.lane) + 1]!;
        const entry = laneEntry(toLane, next.picks, profile);
        if (!calm) notes.push({ code: 'lane.wait-calm', params: { lane: toLane } });
        else if (entry)
          apply('lane.forward', { fromId: easy, toId: entry, fromName: exercise.name, toName: nameOf(entry), fromLane: exercise.lane, toLane }, {
            lane: laneIndex(toLane) > laneIndex(next.lane) ? toLane : next.lane,
            picks: next.picks.map((p) => (p === easy ? entry : p)),
          });
      }
    }
    if (next.stage === 'early' && readyForLater(next, now)) apply('stage.later', { weeks: STABLE_WEEKS_FOR_LATER }, { stage: 'later' });
  }
  return { state: next, changes, notes };
}

/** Which pick steps back: the one the user named, else the last one moved forward, else the highest step. */
function backupTarget(state: ProgramState, named: string | null): string | null {
  if (named && state.picks.includes(named)) return named;
  for (const c of liveChanges(state)) {
    if ((c.code === 'progress.step' || c.code === 'lane.forward') && state.picks.includes(String(c.params.toId))) return String(c.params.toId);
  }
  const withPrevious = state.picks
    .map((id) => programExerciseById(id)!)
    .filter((e) => e.previous)
    .sort((a, b) => b.level - a.level);
  return withPrevious[0]?.id ?? null;
}

/** Undo a change: only the newest one still in effect, so the plan never ends up half-restored. */
export function undoChange(state: ProgramState, changeId: string, at: string): { state: ProgramState } | { error: 'unknown' | 'not-latest' } {
  const change = state.changes.find((c) => c.id === changeId && c.undoneAt === null);
  if (!change) return { error: 'unknown' };
  const latest = liveChanges(state).find((c) => c.before !== null);
  if (!change.before || latest?.id !== change.id) return { error: 'not-latest' };
  return {
    state: {
      ...state,
      ...change.before,
      picks: [...change.before.picks],
      changes: state.changes.map((c) => (c.id === changeId ? { ...c, undoneAt: at } : c)),
    },
  };
}

export function recordChange(state: ProgramState, at: string, code: ChangeCode, params: ProgramParams, patch: Partial<ProgramState>): { state: ProgramState; change: Change } {
  const change = makeChange(state, at, code, params);
  return { state: { ...state, ...patch, changes: [...state.changes, change] }, change };
}

// ---------------------------------------------------------------- the plan

export type DayKind = 'sessions' | 'structured' | 'snacks';

export interface PlanDay {
  day: string;
  weekday: number;
  kind: DayKind;
  sessions: number;
  minutes: { min: number; max: number } | null;
  /** Walk most days, even ten minutes; log the time or distance. */
  walk: boolean;
}

/** The three structured days of the later plan: spread over the program days. */
export function structuredDays(days: readonly number[]): number[] {
  const sorted = [...new Set(days)].sort((a, b) => ((a + 6) % 7) - ((b + 6) % 7)); // Monday first
  if (sorted.length <= LATER_SESSIONS_PER_WEEK) return sorted;
  const last = sorted.length - 1;
  return [sorted[0]!, sorted[Math.round(last / 2)]!, sorted[last]!];
}

/** Days that hold program sessions (and reminders) in a stage. */
export function sessionDays(schedule: Schedule, stage: Stage): number[] {
  return stage === 'later' ? structuredDays(schedule.days) : [...schedule.days];
}

/** The stage in effect at a time, from the stage changes still in effect. */
export function stageAt(state: ProgramState, t: number): Stage {
  let stage: Stage = 'early';
  for (const c of state.changes) {
    if (c.undoneAt !== null && Date.parse(c.undoneAt) <= t) continue;
    if (Date.parse(c.at) > t) break;
    if (c.code === 'stage.later') stage = 'later';
    if (c.code === 'stage.early') stage = 'early';
  }
  return stage;
}

/** A plan's week from `weekStart` (local midnight): days before the program began plan nothing. */
export function weekPlan(state: ProgramState, weekStart: Date): PlanDay[] {
  const start = state.startedAt ? startOfDay(new Date(state.startedAt)) : null;
  const plan: PlanDay[] = [];
  for (let i = 0; i < 7; i++) {
    const date = addDays(startOfDay(weekStart), i);
    const weekday = date.getDay();
    const active = start !== null && differenceInCalendarDays(date, start) >= 0;
    const stage = stageAt(state, addDays(date, 1).getTime() - 1);
    const onDay = active && sessionDays(state.schedule, stage).includes(weekday);
    const kind: DayKind = !onDay ? 'snacks' : stage === 'later' ? 'structured' : 'sessions';
    plan.push({
      day: format(date, 'yyyy-MM-dd'),
      weekday,
      kind,
      sessions: !onDay ? 0 : stage === 'later' ? 1 : state.schedule.sessionsPerDay,
      minutes: !onDay ? null : stage === 'later' ? { ...LATER_SESSION_MINUTES } : { ...EARLY_SESSION_MINUTES },
      walk: active,
    });
  }
  return plan;
}

// ---------------------------------------------------------------- summaries

export interface ProgramWeekSummary {
  weekStart: string;
  started: boolean;
  planned: number;
  done: number;
  /** done / planned; null when nothing was planned. */
  adherence: number | null;
  lane: Lane;
  stage: Stage;
  answers: Record<Answer, number>;
  setbacks: number;
  soreness: number;
  stiffnessMin: number | null;
  walkingMin: number;
  walkingMetres: number;
  walkingDays: number;
  confidence: { task: string; rating: number } | null;
}

const inRange = (at: string, from: number, to: number) => Date.parse(at) >= from && Date.parse(at) < to;

/** The program's part of the weekly summary (ISO week from `weekStart`, local Monday 00:00). */
export function programWeekSummary(state: ProgramState, weekStart: Date): ProgramWeekSummary {
  const from = startOfDay(weekStart).getTime();
  const to = addDays(startOfDay(weekStart), 7).getTime();
  const planned = weekPlan(state, weekStart).reduce((n, d) => n + d.sessions, 0);
  const sessions = state.sessions.filter((s) => inRange(s.at, from, to));
  const tracking = state.tracking.filter((t) => inRange(t.at, from, to));
  const stiffness = tracking.flatMap((t) => (t.kind === 'stiffness' ? [t.minutes] : []));
  const walks = tracking.flatMap((t) => (t.kind === 'walk' ? [t] : []));
  const confidence = tracking.flatMap((t) => (t.kind === 'confidence' ? [t] : [])).at(-1);
  return {
    weekStart: new Date(from).toISOString(),
    started: state.startedAt !== null,
    planned,
    done: sessions.length,
    adherence: planned === 0 ? null : sessions.length / planned,
    lane: state.lane,
    stage: state.stage,
    answers: {
      better: sessions.filter((s) => s.answer === 'better').length,
      same: sessions.filter((s) => s.answer === 'same').length,
      worse: sessions.filter((s) => s.answer === 'worse').length,
    },
    setbacks: sessions.filter((s) => setbackOf(s) !== null).length,
    soreness: sessions.filter((s) => s.soreness).length,
    stiffnessMin: stiffness.length ? stiffness.reduce((a, b) => a + b, 0) / stiffness.length : null,
    walkingMin: walks.reduce((a, w) => a + (w.minutes ?? 0), 0),
    walkingMetres: walks.reduce((a, w) => a + (w.metres ?? 0), 0),
    walkingDays: new Set(walks.map((w) => format(new Date(w.at), 'yyyy-MM-dd'))).size,
    confidence: confidence ? { task: confidence.task, rating: confidence.rating } : null,
  };
}

export interface ReportRow {
  key: string;
  label: string;
  value: string;
}

const LANE_LABEL: Record<Lane, string> = { calm: 'Calm (settling symptoms)', control: 'Control (motion and control)', capacity: 'Capacity (strength)' };

/** Rows for the therapist report over [from, to): plain facts, no interpretation. */
export function programReportRows(state: ProgramState, from: number, to: number): ReportRow[] {
  if (!state.startedAt) return [{ key: 'program', label: 'Home program', value: 'Not started' }];
  const sessions = state.sessions.filter((s) => inRange(s.at, from, to));
  // Planned sessions, day by day over the range.
  let planned = 0;
  for (let d = startOfDay(new Date(from)); d.getTime() < to; d = addDays(d, 1)) planned += weekPlan(state, d)[0]!.sessions;
  const count = (a: Answer) => sessions.filter((s) => s.answer === a).length;
  const changes = state.changes.filter((c) => c.undoneAt === null && inRange(c.at, from, to));
  const tracking = state.tracking.filter((t) => inRange(t.at, from, to));
  const stiffness = tracking.flatMap((t) => (t.kind === 'stiffness' ? [t.minutes] : []));
  const walkMin = tracking.reduce((a, t) => a + (t.kind === 'walk' ? (t.minutes ?? 0) : 0), 0);
  const walkM = tracking.reduce((a, t) => a + (t.kind === 'walk' ? (t.metres ?? 0) : 0), 0);
  const confidence = tracking.flatMap((t) => (t.kind === 'confidence' ? [t] : []));
  return [
    { key: 'lane', label: 'Current lane', value: LANE_LABEL[state.lane] },
    { key: 'stage', label: 'Plan', value: state.stage === 'early' ? 'Short sessions, two or three a day' : 'Three sessions a week plus movement snacks' },
    { key: 'moves', label: 'Current moves', value: state.picks.map(nameOf).join(', ') },
    { key: 'sessions', label: 'Sessions done / planned', value: `${sessions.length} / ${planned}` },
    { key: 'answers', label: 'After sessions (better / same / worse)', value: `${count('better')} / ${count('same')} / ${count('worse')}` },
    { key: 'lingering', label: 'Symptoms lasting over a day', value: String(sessions.filter((s) => s.lingering).length) },
    { key: 'leg', label: 'Leg felt worse', value: String(sessions.filter((s) => s.legWorse).length) },
    { key: 'soreness', label: 'Muscle soreness reported', value: String(sessions.filter((s) => s.soreness).length) },
    { key: 'progressions', label: 'Steps forward / back', value: `${changes.filter((c) => c.code === 'progress.step' || c.code === 'lane.forward').length} / ${changes.filter((c) => c.code.startsWith('backup.')).length}` },
    { key: 'stiffness', label: 'Morning stiffness (average)', value: stiffness.length ? `${Math.round(stiffness.reduce((a, b) => a + b, 0) / stiffness.length)} min` : 'Not logged' },
    { key: 'walking', label: 'Walking logged', value: walkMin || walkM ? [walkMin ? `${walkMin} min` : '', walkM ? `${(walkM / 1000).toFixed(1)} km` : ''].filter(Boolean).join(', ') : 'Not logged' },
    {
      key: 'confidence',
      label: 'Confidence task',
      value: confidence.length ? `${confidence.at(-1)!.task}: ${confidence[0]!.rating} → ${confidence.at(-1)!.rating} of 10` : 'Not logged',
    },
  ];
}
