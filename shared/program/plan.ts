/**
 * The home program's plan by day (pure): the early plan of short sessions on the program days,
 * and the later plan of three structured sessions a week with movement snacks between them.
 * Sources in shared/seed/back-pain-roadmap.txt ("Getting started at home", "A compact checklist").
 */
import { addDays, differenceInCalendarDays, format, startOfDay } from 'date-fns';
import type { Lane } from './exercises';
import type { ProgramState, Schedule, Stage } from './state';

export const EARLY_SESSION_MINUTES = { min: 5, max: 10 } as const;
/**
 * A structured session: the three moves for two sets each (three if a move still feels easy),
 * about a minute's rest between sets. Our choice; the seed gives no length.
 */
export const LATER_SESSION_MINUTES = { min: 10, max: 15 } as const;
export const LATER_SETS = { min: 2, max: 3 } as const;
export const LATER_SESSIONS_PER_WEEK = 3;

export type DayKind = 'sessions' | 'structured' | 'snacks';

export interface PlanDay {
  day: string;
  weekday: number;
  kind: DayKind;
  sessions: number;
  minutes: { min: number; max: number } | null;
  /** Sets of each move: one early on, two or three in a structured session; null on days without one. */
  sets: { min: number; max: number } | null;
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

/**
 * The lane in effect at a time, replayed from the change log: a lane change (`toLane`) moves it,
 * an undo restores the plan before the change it undoes. Before any change, the lane the first
 * change started from (with no change at all, the lane now).
 */
export function laneAt(state: ProgramState, t: number): Lane {
  const events: { at: number; lane: Lane }[] = [];
  for (const c of state.changes) {
    const to = c.params.toLane;
    if ((c.code === 'lane.forward' || c.code === 'backup.lane') && typeof to === 'string') {
      events.push({ at: Date.parse(c.at), lane: to as Lane });
    }
    if (c.undoneAt !== null && c.before) events.push({ at: Date.parse(c.undoneAt), lane: c.before.lane });
  }
  events.sort((a, b) => a.at - b.at);
  let lane = state.changes.find((c) => c.before)?.before?.lane ?? state.lane;
  for (const event of events) {
    if (event.at > t) break;
    lane = event.lane;
  }
  return lane;
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
      sets: !onDay ? null : stage === 'later' ? { ...LATER_SETS } : { min: 1, max: 1 },
      walk: active,
    });
  }
  return plan;
}
