import type { RoutineStepView } from '../../../shared/state';

/** Where each step sits on the routine's clock, in milliseconds. */
export interface TimelineStep {
  step: RoutineStepView;
  startMs: number;
  endMs: number;
}

export interface Timeline {
  steps: TimelineStep[];
  totalMs: number;
}

export function buildTimeline(steps: readonly RoutineStepView[]): Timeline {
  let at = 0;
  const out: TimelineStep[] = steps.map((step) => {
    const startMs = at;
    at += Math.max(0, step.seconds) * 1000;
    return { step, startMs, endMs: at };
  });
  return { steps: out, totalMs: at };
}

export interface Position {
  index: number;
  /** Time into the current step and left of it. */
  stepElapsedMs: number;
  stepRemainingMs: number;
  stepMs: number;
  /** For a two-sided step, 0 for the first half and 1 for the second; null otherwise. */
  side: 0 | 1 | null;
  /** Time into the current side (two-sided steps), else into the step. */
  sideElapsedMs: number;
  remainingMs: number;
  finished: boolean;
}

/** Which step is playing `positionMs` into the routine. */
export function locate(timeline: Timeline, positionMs: number): Position {
  const t = Math.min(Math.max(0, positionMs), timeline.totalMs);
  const finished = t >= timeline.totalMs;
  let index = timeline.steps.findIndex((s) => t < s.endMs);
  if (index === -1) index = Math.max(0, timeline.steps.length - 1);
  const current = timeline.steps[index];
  const stepMs = current ? current.endMs - current.startMs : 0;
  const stepElapsedMs = current ? Math.min(stepMs, t - current.startMs) : 0;
  const half = stepMs / 2;
  const side = current?.step.sides ? (stepElapsedMs < half ? 0 : 1) : null;
  return {
    index,
    stepElapsedMs,
    stepRemainingMs: stepMs - stepElapsedMs,
    stepMs,
    side,
    sideElapsedMs: side === 1 ? stepElapsedMs - half : stepElapsedMs,
    remainingMs: timeline.totalMs - t,
    finished,
  };
}

/** "0:42" */
export function formatSeconds(totalSeconds: number): string {
  const s = Math.max(0, Math.ceil(totalSeconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
