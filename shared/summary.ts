import { addWeeks, startOfISOWeek } from 'date-fns';
import type { BreakRecord, Checkin, Stretch } from './history';
import type { ProgramWeekSummary } from './program/summaries';

export interface Tolerance {
  /** Smallest event time at which Kaplan–Meier survival falls to 0.5 or below; null if it never does. */
  medianMin: number | null;
  /** When there is no median: the longest observed time, events or censorings. */
  atLeastMin: number | null;
}

export interface WeeklySummary {
  weekStart: string;
  sittingMinutes: number;
  stretchCount: number;
  longestStretchMin: number;
  tolerance: Tolerance;
  previousTolerance: Tolerance;
  breaks: {
    due: number;
    taken: number;
    skipped: number;
    natural: number;
    snoozes: number;
    adherence: number | null;
    /** Breaks held while the user was busy (their records carry deferredMin). */
    deferred: number;
  };
  routineMinutes: number;
  feelings: { better: number; same: number; worse: number };
  checkins: {
    count: number;
    painLow: number | null;
    painHigh: number | null;
    stiffnessMin: number | null;
    walkingMin: number | null;
    confidence: number | null;
  };
  wins: string[];
  /**
   * The home program's week (adherence = sessions done / planned, the current lane, answers,
   * walking, stiffness); present when the engine runs the program service.
   */
  program?: ProgramWeekSummary;
}

/** A stretch as the summary sees it: `end` null means still open, censored at `now`. */
export type StretchObservation = Pick<Stretch, 'start' | 'discomfortAt'> & { end: string | null };

export interface Observation {
  minutes: number;
  event: boolean;
}

const MINUTE = 60_000;
const EPSILON = 1e-9;

export function kaplanMeier(observations: readonly Observation[]): Tolerance {
  if (observations.length === 0) return { medianMin: null, atLeastMin: null };
  // Events sort before censorings at equal times, so a censoring at t is still at risk at t.
  const sorted = [...observations].sort((a, b) => a.minutes - b.minutes || Number(b.event) - Number(a.event));
  let survival = 1;
  let i = 0;
  while (i < sorted.length) {
    const t = sorted[i]!.minutes;
    const atRisk = sorted.length - i;
    let events = 0;
    let j = i;
    while (j < sorted.length && sorted[j]!.minutes === t) {
      if (sorted[j]!.event) events++;
      j++;
    }
    if (events > 0) {
      survival *= 1 - events / atRisk;
      if (survival <= 0.5 + EPSILON) return { medianMin: t, atLeastMin: null };
    }
    i = j;
  }
  return { medianMin: null, atLeastMin: sorted[sorted.length - 1]!.minutes };
}

export function weekStartOf(date: Date): Date {
  return startOfISOWeek(date);
}

const inRange = (iso: string, from: number, to: number) => {
  const t = Date.parse(iso);
  return t >= from && t < to;
};

function observe(stretch: StretchObservation, now: number): Observation & { duration: number } {
  const start = Date.parse(stretch.start);
  const end = stretch.end ? Date.parse(stretch.end) : now;
  const duration = Math.max(0, end - start) / MINUTE;
  if (stretch.discomfortAt) {
    return { minutes: Math.max(0, Date.parse(stretch.discomfortAt) - start) / MINUTE, event: true, duration };
  }
  return { minutes: duration, event: false, duration };
}

function toleranceFor(stretches: readonly StretchObservation[], from: number, to: number, now: number): Tolerance {
  return kaplanMeier(stretches.filter((s) => inRange(s.start, from, to)).map((s) => observe(s, now)));
}

const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : null);

export interface SummaryInput {
  stretches: readonly StretchObservation[];
  breaks: readonly BreakRecord[];
  checkins: readonly Checkin[];
}

export function computeWeeklySummary(input: SummaryInput, weekOf: Date, now: Date): WeeklySummary {
  const start = weekStartOf(weekOf);
  const from = start.getTime();
  const to = addWeeks(start, 1).getTime();
  const previousFrom = addWeeks(start, -1).getTime();
  const nowMs = now.getTime();

  const stretches = input.stretches.filter((s) => inRange(s.start, from, to)).map((s) => observe(s, nowMs));
  const breaks = input.breaks.filter((b) => inRange(b.at, from, to));
  const taken = breaks.filter((b) => b.outcome === 'taken');
  const skipped = breaks.filter((b) => b.outcome === 'skipped').length;
  const checkins = input.checkins.filter((c) => inRange(c.at, from, to)).sort((a, b) => a.at.localeCompare(b.at));
  const avg = (key: 'painLow' | 'painHigh' | 'stiffnessMin' | 'walkingMin' | 'confidence') => mean(checkins.map((c) => c[key]));

  return {
    weekStart: start.toISOString(),
    sittingMinutes: stretches.reduce((sum, s) => sum + s.duration, 0),
    stretchCount: stretches.length,
    longestStretchMin: stretches.reduce((max, s) => Math.max(max, s.duration), 0),
    tolerance: kaplanMeier(stretches),
    previousTolerance: toleranceFor(input.stretches, previousFrom, from, nowMs),
    breaks: {
      due: breaks.length,
      taken: taken.length,
      skipped,
      natural: breaks.filter((b) => b.outcome === 'natural').length,
      snoozes: breaks.reduce((sum, b) => sum + b.snoozes, 0),
      adherence: taken.length + skipped === 0 ? null : taken.length / (taken.length + skipped),
      deferred: breaks.filter((b) => (b as { deferredMin?: number }).deferredMin !== undefined).length,
    },
    routineMinutes: taken.reduce((sum, b) => sum + b.seconds, 0) / 60,
    feelings: {
      better: taken.filter((b) => b.feeling === 'better').length,
      same: taken.filter((b) => b.feeling === 'same').length,
      worse: taken.filter((b) => b.feeling === 'worse').length,
    },
    checkins: {
      count: checkins.length,
      painLow: avg('painLow'),
      painHigh: avg('painHigh'),
      stiffnessMin: avg('stiffnessMin'),
      walkingMin: avg('walkingMin'),
      confidence: avg('confidence'),
    },
    wins: checkins.map((c) => c.note.trim()).filter((n) => n.length > 0),
  };
}
