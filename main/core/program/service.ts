/**
 * The home program service (issue 14): state in program.json, rules from shared/program/rules.ts.
 * The safety gate holds it exactly as it holds routines: while closed nothing is offered and
 * `program/start`, `program/pick` and `program/session-start` are refused.
 * Parts: context.ts (state, gate, explanations), session.ts (a session from start to end),
 * view.ts (the UI's view), reminders.ts (the calendar), records.ts (tracking, export and import).
 */
import type { Profile } from '../../../shared/profile';
import { ProgramActionSchema, type ProgramAction } from '../../../shared/program/actions';
import { programExerciseById } from '../../../shared/program/exercises';
import { ProgramRefusal, refuseProgram } from '../../../shared/program/messages';
import {
  picksRefusal,
  programReportRows,
  programWeekSummary,
  recordChange,
  restingMoves,
  setbackAnswers,
  suggestPicks,
  symptomsCalm,
  undoChange,
  type ProgramWeekSummary,
  type ReportRow,
} from '../../../shared/program/rules';
import type { ProgramSection, Schedule } from '../../../shared/program/state';
import type { Clock } from '../types';
import { createContext, type ProgramResult, type ProgramSetback } from './context';
import { exportSection, importSection, track } from './records';
import { createProgramReminders, type ProgramReminder } from './reminders';
import { allowMove, sessionCancel, sessionEnd, sessionStart } from './session';
import { createProgramStore } from './store';
import { buildView, type ProgramView } from './view';

export type { ExplainedChange, ExplainedNote, ProgramResult, ProgramSetback, ViewCaution, ViewExercise } from './context';
export type { ProgramReminder } from './reminders';
export type { ProgramAsk, ProgramView, ViewText } from './view';

export interface ProgramServiceOptions {
  dataDir: string;
  clock: Clock;
  /** The engine's safety gate (shared/profile.ts safetyGateOpen on the current profile). */
  gateOpen: () => boolean;
  profile: () => Profile;
  /** Called after every change to the program's state (to push a new view to the UI). */
  onChange?: () => void;
  onReminder?: (reminder: ProgramReminder) => void;
  /**
   * Called when a session ends with "worse" and/or "leg felt worse" (once per kind), so the engine
   * can count it with break answers for re-asking the safety questions, and ask the nerve questions
   * at once after "leg felt worse".
   */
  onSetback?: (kind: ProgramSetback['kind'], at: string) => void;
}

export interface ProgramService {
  dispatch(action: unknown): ProgramResult;
  view(now?: number): ProgramView;
  /** The `program` section of an export (version 2); undefined when there is nothing to export. */
  exportSection(): ProgramSection | undefined;
  /** Merges the section's records from an export file (any version; v1 files have none). */
  importSection(file: Record<string, unknown>): { imported: number; rejected: number };
  weekSummary(weekStart: Date): ProgramWeekSummary;
  reportRows(from: number, to: number): ReportRow[];
  /** "Worse" and "leg felt worse" answers at or after `from` (ms), oldest first, for the safety check's re-ask count. */
  setbacks(from: number): ProgramSetback[];
  /** Re-arm reminders from now (after a resume or a clock jump). */
  resync(): void;
  stop(): void;
}

export function createProgramService(options: ProgramServiceOptions): ProgramService {
  const { clock } = options;
  const store = createProgramStore(options.dataDir);
  const ctx = createContext({
    clock,
    store,
    profile: options.profile,
    gateOpen: options.gateOpen,
    onCommit: () => {
      reminders.arm();
      options.onChange?.();
    },
  });
  const reminders = createProgramReminders(clock, ctx.state, options.gateOpen, options.onReminder);
  reminders.arm();

  function run(action: ProgramAction): ProgramResult {
    const now = clock.now();
    const at = new Date(now).toISOString();
    const state = ctx.state();
    const profile = options.profile();
    switch (action.type) {
      case 'program/start': {
        ctx.requireGate();
        if (state.startedAt) return ctx.result();
        const schedule: Schedule = { days: action.days ?? state.schedule.days, sessionsPerDay: action.sessionsPerDay ?? state.schedule.sessionsPerDay };
        const { state: next, change } = recordChange({ ...state, startedAt: at, schedule, picks: suggestPicks(profile) }, at, 'program.started', {}, {});
        // The snapshot before the start would be an empty plan: starting is not undone, it is reset.
        change.before = null;
        next.changes[next.changes.length - 1] = change;
        ctx.commit(next);
        return ctx.result([change]);
      }
      case 'program/pick': {
        ctx.requireGate();
        ctx.requireStarted();
        const calm = symptomsCalm(state.sessions, now);
        const resting = restingMoves(state, calm).map((r) => r.id);
        const refused = picksRefusal(action.exerciseIds, { lane: state.lane, profile, calm }, resting);
        if (refused?.reason === 'two-directions')
          refuseProgram('program.two-directions', { exerciseId: refused.exerciseId }, 'Pick moves for one direction only until you know which direction eases your back.');
        if (refused) refuseProgram('program.not-eligible', { exerciseId: refused.exerciseId }, `${programExerciseById(refused.exerciseId)!.name} is not one of the moves offered to you right now.`);
        const { state: next, change } = recordChange(state, at, 'picks.chosen', { exerciseIds: action.exerciseIds.join(',') }, { picks: [...action.exerciseIds] });
        ctx.commit(next);
        return ctx.result([change]);
      }
      case 'program/schedule':
        ctx.commit({ ...state, schedule: { days: [...action.days].sort((a, b) => a - b), sessionsPerDay: action.sessionsPerDay } });
        return ctx.result();
      case 'program/reminders':
        ctx.commit({ ...state, reminders: { morning: action.morning, lunch: action.lunch, evening: action.evening } });
        return ctx.result();
      case 'program/session-start':
        return sessionStart(ctx, action, now);
      case 'program/session-cancel':
        return sessionCancel(ctx);
      case 'program/session-end':
        return sessionEnd(ctx, action, now, options.onSetback);
      case 'program/allow-move':
        return allowMove(ctx, action.exerciseId, now);
      case 'program/undo': {
        const out = undoChange(state, action.changeId, at);
        if ('error' in out) {
          return out.error === 'unknown'
            ? refuseProgram('program.undo-unknown', { changeId: action.changeId }, 'That change is not in the program any more.')
            : refuseProgram('program.undo-not-latest', { changeId: action.changeId }, 'Only the most recent change can be undone.');
        }
        ctx.commit(out.state);
        return ctx.result();
      }
      case 'program/track-stiffness':
      case 'program/track-walk':
      case 'program/track-confidence':
        return track(ctx, action, at);
    }
  }

  return {
    dispatch(action) {
      const parsed = ProgramActionSchema.safeParse(action);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
        throw new ProgramRefusal('program.invalid', { field: issue?.path.join('.') ?? '' }, `Not a valid program action (${where}${issue?.message ?? 'invalid'}).`);
      }
      return run(parsed.data);
    },
    view: (now = clock.now()) => buildView(ctx, now, reminders.next),
    exportSection: () => exportSection(ctx),
    importSection: (file) => importSection(ctx, file),
    weekSummary: (weekStart) => programWeekSummary(ctx.state(), weekStart, clock.now()),
    reportRows: (from, to) => programReportRows(ctx.state(), from, to),
    setbacks: (from) => setbackAnswers(ctx.state().sessions, from),
    resync() {
      reminders.clear();
      reminders.arm();
    },
    stop() {
      reminders.clear();
    },
  };
}
