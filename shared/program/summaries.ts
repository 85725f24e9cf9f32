/** The home program's weekly summary and therapist-report rows (pure; plain counts, no interpretation). */
import { addDays, format, startOfDay } from 'date-fns';
import { programExerciseById, type Lane } from './exercises';
import { setbackOf } from './pace';
import { laneAt, stageAt, weekPlan } from './plan';
import type { Answer, ProgramState, Stage } from './state';

const nameOf = (id: string) => programExerciseById(id)?.name ?? id;

export interface ProgramWeekSummary {
  weekStart: string;
  started: boolean;
  planned: number;
  done: number;
  /** done / planned; null when nothing was planned. */
  adherence: number | null;
  /** The week still running: the plan now. A past week: the lane and plan it ended with. */
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
export function programWeekSummary(state: ProgramState, weekStart: Date, now: number): ProgramWeekSummary {
  const from = startOfDay(weekStart).getTime();
  const to = addDays(startOfDay(weekStart), 7).getTime();
  const over = to <= now;
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
    lane: over ? laneAt(state, to - 1) : state.lane,
    stage: over ? stageAt(state, to - 1) : state.stage,
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
