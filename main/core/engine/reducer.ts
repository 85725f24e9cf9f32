/**
 * The pure core: (state, event, inputs) -> { state, effects }. No I/O, no clock: the moment
 * (wall and monotonic) comes in the event, what may be read comes in `inputs`, and everything
 * to be done (records, timers, saves, reminders) goes out as effects for the runner.
 */
import type { Action } from '../../../shared/actions';
import type { ReminderKind } from '../../../shared/reminders';
import { PLAIN_BREAK_ID } from '../../../shared/profile';
import { buildActiveRoutine, chooseRoutine } from '../../../shared/routine-selection';
import { routineById } from '../../../shared/routines';
import { MINUTE_MS, ROUTINE_TIMEOUT_MS } from '../../../shared/time-rules';
import type { Runtime } from '../store-runtime';
import type { Effect } from './effects';
import { copyCore, pendingFromRuntime, type CoreData, type OpenStretch, type PendingBreak } from './model';
import { nextBreakAt } from './next-break';
import { shiftAnchors } from './time-shift';
import { becomeDue, goAwayFromIdle, onIdleReading, startFromIdle } from './desk';
import { refreshHold, releaseHold, skip, snooze, updatePresence } from './pending';
import { finishRoutine, startRoutine } from './routine';
import { closeStretch, openStretch, reportDiscomfort } from './stretch';
import { acceptInterval, answerReoffer, answerWorseStep, dismissInterval } from './feedback';
import {
  endPauseIfOver,
  enterQuiet,
  enterSystemAway,
  evaluateWorkingHours,
  leaveSystemAway,
  resumeActivity,
  withinWorkingHours,
} from './quiet';
import { arm, holdWanted, idleMs, maxDeferMs, naturalMs, promptNotBefore, type Inputs, type Step } from './step';

export type EngineEvent = { now: number; mono: number } & (
  | { type: 'start'; saved: Runtime | null }
  | { type: 'stop' }
  | { type: 'action'; action: Action }
  /** The one event timer fired. */
  | { type: 'timer' }
  /** The idle poll fired (the reading is inputs.idleSeconds). */
  | { type: 'poll' }
  /** The wall clock moved by `by` ms on its own (the user changed the time). */
  | { type: 'clock-jump'; by: number }
  | { type: 'working-hours-edge' }
  | { type: 'reminder'; reminder: ReminderKind }
  /** An import or restore added history: new stretches never start before its last one. */
  | { type: 'history-imported'; lastStretchEnd: number }
);

export interface Outcome {
  state: CoreData;
  effects: Effect[];
}

export function reduce(state: CoreData, event: EngineEvent, inputs: Inputs): Outcome {
  const t: Step = {
    s: copyCore(state),
    now: event.now,
    mono: event.mono,
    in: inputs,
    settings: inputs.settings,
    adaptations: inputs.adaptations,
    fx: [],
  };
  switch (event.type) {
    case 'start':
      start(t, event.saved);
      break;
    case 'stop':
      finishRoutine(t, null);
      break;
    case 'action':
      applyAction(t, event.action);
      break;
    case 'timer':
      onTimer(t);
      break;
    case 'poll':
      onIdleReading(t);
      arm(t);
      break;
    case 'clock-jump':
      shiftAnchors(t.s, event.by);
      // The new time may fall on the other side of a working-hours edge.
      evaluateWorkingHours(t);
      t.fx.push({ kind: 'schedule-calendar' });
      arm(t);
      break;
    case 'working-hours-edge':
      evaluateWorkingHours(t);
      break;
    case 'reminder':
      if (t.s.phase !== 'paused') t.fx.push({ kind: 'fire-reminder', reminder: event.reminder, at: t.now });
      t.fx.push({ kind: 'schedule-reminder', reminder: event.reminder });
      break;
    case 'history-imported':
      t.s.lastStretchEnd = Math.max(t.s.lastStretchEnd, event.lastStretchEnd);
      break;
  }
  saveAdaptations(t);
  return { state: t.s, effects: t.fx };
}

/** Asks to save the adaptations draft if it changed since the last save asked for (once per change). */
function saveAdaptations(t: Step): void {
  const saved = t.fx.findLast((e) => e.kind === 'save-adaptations');
  const last = saved?.kind === 'save-adaptations' ? saved.adaptations : t.in.adaptations;
  if (t.adaptations !== last) t.fx.push({ kind: 'save-adaptations', adaptations: t.adaptations });
}

/** start(): carry on from what stop() saved, by the same rules as a restart. */
function start(t: Step, saved: Runtime | null): void {
  const s = t.s;
  const now = t.now;
  s.stretch = null;
  s.pending = null;
  s.deadline = null;
  s.pausedUntil = null;
  s.systemAway = null;
  s.awaySince = null;
  let continuing: { stretch: OpenStretch; pending: PendingBreak | null; deadline: number | null } | null = null;
  if (saved) {
    const until = saved.pausedUntil ? Date.parse(saved.pausedUntil) : null;
    if (until !== null && until > now) s.pausedUntil = until;
    if (saved.stretch) {
      const savedAt = Date.parse(saved.savedAt);
      const stretch = {
        start: Date.parse(saved.stretch.start),
        discomfortAt: saved.stretch.discomfortAt ? Date.parse(saved.stretch.discomfortAt) : null,
      };
      if (now - savedAt < naturalMs(t) && now >= savedAt) {
        continuing = {
          stretch,
          pending: saved.pending ? pendingFromRuntime(saved.pending) : null,
          deadline: saved.deadline ? Date.parse(saved.deadline) : null,
        };
      } else {
        s.stretch = stretch;
        closeStretch(t, savedAt, 'quit');
      }
    }
  }
  // With the clock behind (a dual-boot machine before NTP) the last record lies in the
  // "future", and clamping new stretches to it would record them empty.
  s.lastStretchEnd = Math.min(s.lastStretchEnd, now);
  if (s.pausedUntil !== null || !withinWorkingHours(t)) {
    if (continuing) {
      s.stretch = continuing.stretch;
      closeStretch(t, now, 'quit');
    }
    s.phase = s.pausedUntil !== null ? 'paused' : 'off-hours';
    arm(t);
  } else if (continuing) {
    s.stretch = continuing.stretch;
    s.pending = continuing.pending;
    s.deadline = continuing.deadline ?? nextBreakAt(continuing.stretch.start, t.settings.breakIntervalMin);
    s.phase = 'sitting';
    const idle = idleMs(t);
    if (idle >= naturalMs(t)) goAwayFromIdle(t, now - idle);
    else if (s.pending?.heldSince != null) {
      // Restarted during a hold: nothing is known to be busy yet, so the one-minute grace
      // starts; the shell's first presence report holds it again if still busy.
      s.phase = 'deferred';
      s.deadline = Math.min(now + MINUTE_MS, s.pending.heldSince + maxDeferMs(t));
      arm(t);
    } else if (s.deadline <= now) becomeDue(t);
    else arm(t);
  } else {
    startFromIdle(t);
  }
}

function onTimer(t: Step): void {
  const s = t.s;
  if (s.phase === 'sitting' && s.deadline !== null) {
    if (s.deadline <= t.now) becomeDue(t);
    else arm(t);
  } else if (s.phase === 'deferred' && s.deadline !== null) {
    // Holding ended by maxDeferMin while still busy: the prompt comes anyway (quietly).
    if (s.deadline <= t.now) releaseHold(t, holdWanted(t));
    arm(t);
  } else if (s.phase === 'paused' && s.pausedUntil !== null) {
    if (!endPauseIfOver(t)) arm(t);
  } else if (s.phase === 'off-hours') {
    evaluateWorkingHours(t);
    if (s.phase === 'off-hours') arm(t);
  } else if (s.phase === 'routine' && s.routine) {
    if (t.mono - s.routine.startedMono >= ROUTINE_TIMEOUT_MS) {
      finishRoutine(t, null);
      resumeActivity(t, t.now);
    } else arm(t);
  }
}

/** The routine for this break: the one asked for, or the choice for this profile and history. */
function routineFor(t: Step, routineId: string | undefined) {
  const recentBreaks = t.in
    .recentBreaks()
    .filter((b) => b.routineId && b.routineId !== PLAIN_BREAK_ID)
    .map((b) => ({ routineId: b.routineId, feeling: b.feeling }));
  const recent = recentBreaks.slice(-12).map((b) => b.routineId!);
  const definition = routineId
    ? routineById(routineId)!
    : chooseRoutine(t.in.profile, t.settings.routineId, recent, recentBreaks);
  return buildActiveRoutine(definition, t.adaptations.swaps);
}

function applyAction(t: Step, action: Action): void {
  const now = t.now;
  switch (action.type) {
    case 'break/start':
      return startRoutine(t, routineFor(t, action.routineId));
    case 'break/snooze':
      return snooze(t);
    case 'break/skip':
      return skip(t);
    case 'routine/complete':
      finishRoutine(t, action.feeling);
      return openStretch(t, now);
    case 'routine/abandon':
      finishRoutine(t, null);
      return openStretch(t, now);
    case 'discomfort/report':
      return reportDiscomfort(t);
    case 'pause':
      return enterQuiet(t, 'paused', Date.parse(action.until));
    case 'resume':
      t.s.pausedUntil = null;
      return resumeActivity(t, now);
    case 'system/suspend':
      return enterSystemAway(t, 'suspend');
    case 'system/lock':
      return enterSystemAway(t, 'lock');
    case 'system/resume':
      return leaveSystemAway(t, 'suspend');
    case 'system/unlock':
      return leaveSystemAway(t, 'lock');
    case 'settings/update':
      return updateSettings(t, action.settings);
    case 'profile/save':
      t.fx.push({ kind: 'save-profile', profile: { ...t.in.profile, ...action.profile } });
      if (action.profile.movedDeskAt !== undefined) t.fx.push({ kind: 'schedule-reminder', reminder: 'setup-recheck' });
      return;
    case 'checklist/save':
      t.fx.push({ kind: 'append', collection: 'checklists', record: { at: new Date(now).toISOString(), answers: action.answers } });
      t.fx.push({ kind: 'schedule-reminder', reminder: 'setup-recheck' });
      return;
    case 'checkin/save':
      t.fx.push({ kind: 'append', collection: 'checkins', record: { at: new Date(now).toISOString(), ...action.checkin } });
      return;
    case 'presence/update':
      return updatePresence(t, action.busy);
    case 'routine/worse-step':
      return answerWorseStep(t, action.stepId);
    case 'routine/reoffer':
      return answerReoffer(t, action.stepId, action.accept);
    case 'interval/accept':
      acceptInterval(t);
      // The raise is saved before the interval: a crash between the two writes must not lift the weekly pace.
      saveAdaptations(t);
      return updateSettings(t, { breakIntervalMin: action.minutes });
    case 'interval/dismiss':
      return dismissInterval(t);
  }
}

const CALENDAR_KEYS = ['workingHours', 'checkinReminder', 'weeklySummaryReminder', 'recheckDays'] as const;

function updateSettings(t: Step, patch: Partial<Step['settings']>): void {
  const before = t.settings;
  const after = { ...before, ...patch };
  t.settings = after;
  t.fx.push({ kind: 'save-settings', settings: after });
  if (after.workingHours !== before.workingHours) evaluateWorkingHours(t);
  if (CALENDAR_KEYS.some((key) => after[key] !== before[key])) t.fx.push({ kind: 'schedule-calendar' });
  const s = t.s;
  if (s.phase === 'sitting' && !s.pending && s.stretch && after.breakIntervalMin !== before.breakIntervalMin) {
    s.deadline = nextBreakAt(s.stretch.start, after.breakIntervalMin, promptNotBefore(t));
  }
  if (after.maxDeferMin !== before.maxDeferMin || after.deferFor !== before.deferFor) refreshHold(t);
  arm(t);
}
