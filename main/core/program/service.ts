/**
 * The home program service (issue 14): state in program.json, rules from shared/program/rules.ts,
 * reminders computed with node-schedule's RecurrenceRule and armed on the injected clock (through
 * the engine's Calendar, so it arms no timer of its own). The safety gate holds it exactly as it
 * holds routines: while closed nothing is offered and `program/session-start` is refused.
 */
import { format, startOfISOWeek } from 'date-fns';
import { z } from 'zod';
import { readSection } from '../../../shared/export-format';
import { safetyGateReason, type Profile } from '../../../shared/profile';
import { ProgramActionSchema, type ProgramAction } from '../../../shared/program/actions';
import { programExerciseById, type Lane, type ProgramExercise } from '../../../shared/program/exercises';
import { ProgramRefusal, cautionText, changeText, noteText, refuseProgram, type ChangeCode, type NoteCode, type ProgramParams } from '../../../shared/program/messages';
import {
  endSession,
  offeredExercises,
  programReportRows,
  programWeekSummary,
  recordChange,
  sessionDays,
  suggestPicks,
  symptomsCalm,
  undoChange,
  weekPlan,
  type Note,
  type PlanDay,
  type ProgramWeekSummary,
  type ReportRow,
} from '../../../shared/program/rules';
import {
  PROGRAM_SECTION,
  ProgramSectionSchema,
  REMINDER_SLOTS,
  SessionRecordSchema,
  TrackingRecordSchema,
  type Change,
  type ProgramSection,
  type ProgramState,
  type ReminderSlot,
  type ReminderTimes,
  type Schedule,
  type Stage,
} from '../../../shared/program/state';
import { Calendar, nextWeekly } from '../calendar';
import type { Clock } from '../types';
import { createProgramStore } from './store';

export interface ProgramReminder {
  kind: 'program';
  slot: ReminderSlot;
  /** When it was due (ISO). */
  at: string;
  text: string;
}

export interface ProgramServiceOptions {
  dataDir: string;
  clock: Clock;
  /** The engine's safety gate (shared/profile.ts safetyGateOpen on the current profile). */
  gateOpen: () => boolean;
  profile: () => Profile;
  /** Called after every change to the program's state (to push a new view to the UI). */
  onChange?: () => void;
  onReminder?: (reminder: ProgramReminder) => void;
}

export interface ExplainedChange {
  id: string;
  at: string;
  code: ChangeCode;
  params: ProgramParams;
  text: string;
  undone: boolean;
  /** Only the newest change still in effect can be undone. */
  undoable: boolean;
}

export interface ExplainedNote {
  code: NoteCode;
  params: ProgramParams;
  text: string;
}

export interface ViewExercise extends ProgramExercise {
  cautionText: string | null;
}

export interface ProgramResult {
  changes: ExplainedChange[];
  notes: ExplainedNote[];
}

export interface ProgramView {
  started: boolean;
  /** Set while the safety gate holds the program: then nothing is offered. */
  held: { code: 'program.safety-unanswered' | 'program.safety-flagged'; text: string } | null;
  lane: Lane;
  stage: Stage;
  calm: boolean;
  /** The three current moves (empty while held or not started). */
  picks: ViewExercise[];
  /** Moves the user may pick from (empty while held). */
  offered: ViewExercise[];
  /** Today's plan (null while held or not started) and how many sessions are done today. */
  today: PlanDay | null;
  doneToday: number;
  week: ProgramWeekSummary;
  active: { startedAt: string; exercises: ViewExercise[] } | null;
  /** Newest first, at most ten. */
  changes: ExplainedChange[];
  schedule: Schedule;
  reminders: ReminderTimes;
  nextReminder: { slot: ReminderSlot; at: string } | null;
  notices: string[];
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
  /** Re-arm reminders from now (after a resume or a clock jump). */
  resync(): void;
  stop(): void;
}

const viewExercise = (e: ProgramExercise): ViewExercise => ({ ...e, cautionText: e.caution ? cautionText(e.caution) : null });
const byId = (id: string) => viewExercise(programExerciseById(id)!);

const HELD_TEXT = {
  'program.safety-unanswered': 'The home program starts once the safety questions are answered.',
  'program.safety-flagged': 'The home program is on hold until a clinician has checked the warning sign you reported.',
} as const;

const REMINDER_TEXT: Record<ReminderSlot, string> = {
  morning: 'Time for your morning program session, if it suits you.',
  lunch: 'A short program session around lunch, if you have a few minutes.',
  evening: 'Time for your evening program session, if you feel like it.',
};

export function createProgramService(options: ProgramServiceOptions): ProgramService {
  const { clock } = options;
  const store = createProgramStore(options.dataDir);
  let state = store.load();
  const notices: string[] = store.takeNotices();
  const calendar = new Calendar(clock, REMINDER_SLOTS.map((s) => `program-${s}`));
  const iso = (t = clock.now()) => new Date(t).toISOString();

  const heldCode = (): 'program.safety-unanswered' | 'program.safety-flagged' | null => {
    if (options.gateOpen()) return null;
    return safetyGateReason(options.profile()) === 'unanswered' ? 'program.safety-unanswered' : 'program.safety-flagged';
  };
  const requireGate = () => {
    const code = heldCode();
    if (code) refuseProgram(code, {}, HELD_TEXT[code]);
  };
  const requireStarted = () => {
    if (!state.startedAt) refuseProgram('program.not-started', {}, 'The home program has not been started yet.');
  };
  const steer = (now = clock.now()) => ({ lane: state.lane, profile: options.profile(), calm: symptomsCalm(state.sessions, now) });

  const explain = (c: Change): ExplainedChange => {
    const latest = [...state.changes].reverse().find((x) => x.undoneAt === null && x.before !== null);
    return {
      id: c.id,
      at: c.at,
      code: c.code as ChangeCode,
      params: c.params,
      text: changeText(c.code as ChangeCode, c.params),
      undone: c.undoneAt !== null,
      undoable: latest?.id === c.id,
    };
  };
  const explainNote = (n: Note): ExplainedNote => ({ ...n, text: noteText(n.code, n.params) });

  const commit = (next: ProgramState) => {
    state = next;
    store.save(state);
    notices.push(...store.takeNotices());
    arm();
    options.onChange?.();
  };

  // ------------------------------------------------------------ reminders
  const reminderDays = () => sessionDays(state.schedule, state.stage);
  function armSlot(slot: ReminderSlot) {
    const time = state.reminders[slot];
    const name = `program-${slot}`;
    if (!state.startedAt || !time) return calendar.cancel(name);
    const at = nextWeekly(new Date(clock.now()), reminderDays(), time);
    if (!at) return calendar.cancel(name);
    calendar.at(name, at, () => {
      // Quiet while the safety gate holds; the next one is armed either way.
      if (options.gateOpen()) options.onReminder?.({ kind: 'program', slot, at: at.toISOString(), text: REMINDER_TEXT[slot] });
      armSlot(slot);
    });
  }
  function arm() {
    for (const slot of REMINDER_SLOTS) armSlot(slot);
  }
  const nextReminder = (): ProgramView['nextReminder'] => {
    if (!state.startedAt) return null;
    let best: ProgramView['nextReminder'] = null;
    for (const slot of REMINDER_SLOTS) {
      const time = state.reminders[slot];
      const at = time ? nextWeekly(new Date(clock.now()), reminderDays(), time) : null;
      if (at && (!best || at.getTime() < Date.parse(best.at))) best = { slot, at: at.toISOString() };
    }
    return best;
  };
  arm();

  // ------------------------------------------------------------ actions
  function run(action: ProgramAction): ProgramResult {
    const now = clock.now();
    const at = iso(now);
    const profile = options.profile();
    const result = (changes: Change[] = [], notes: Note[] = []): ProgramResult => ({ changes: changes.map(explain), notes: notes.map(explainNote) });
    switch (action.type) {
      case 'program/start': {
        requireGate();
        if (state.startedAt) return result();
        const schedule: Schedule = { days: action.days ?? state.schedule.days, sessionsPerDay: action.sessionsPerDay ?? state.schedule.sessionsPerDay };
        const { state: next, change } = recordChange({ ...state, startedAt: at, schedule, picks: suggestPicks(profile) }, at, 'program.started', {}, {});
        // The snapshot before the start would be an empty plan: starting is not undone, it is reset.
        change.before = null;
        next.changes[next.changes.length - 1] = change;
        commit(next);
        return result([change]);
      }
      case 'program/pick': {
        requireGate();
        requireStarted();
        for (const id of action.exerciseIds) {
          const e = programExerciseById(id)!;
          if (!offeredExercises(steer(now)).some((o) => o.id === id))
            refuseProgram('program.not-eligible', { exerciseId: id }, `${e.name} is not one of the moves offered to you right now.`);
        }
        const { state: next, change } = recordChange(state, at, 'picks.chosen', { exerciseIds: action.exerciseIds.join(',') }, { picks: [...action.exerciseIds] });
        commit(next);
        return result([change]);
      }
      case 'program/schedule': {
        commit({ ...state, schedule: { days: [...action.days].sort((a, b) => a - b), sessionsPerDay: action.sessionsPerDay } });
        return result();
      }
      case 'program/reminders': {
        commit({ ...state, reminders: { morning: action.morning, lunch: action.lunch, evening: action.evening } });
        return result();
      }
      case 'program/session-start': {
        requireGate();
        requireStarted();
        commit({ ...state, active: { startedAt: at, exerciseIds: [...state.picks] } });
        return result();
      }
      case 'program/session-cancel': {
        if (!state.active) refuseProgram('program.no-session', {}, 'No program session is running.');
        commit({ ...state, active: null });
        return result();
      }
      case 'program/session-end': {
        const active = state.active;
        if (!active) return refuseProgram('program.no-session', {}, 'No program session is running.');
        const out = endSession(
          state,
          {
            startedAt: active.startedAt,
            at,
            day: format(new Date(now), 'yyyy-MM-dd'),
            exerciseIds: action.done ?? active.exerciseIds,
            answer: action.answer,
            lingering: action.lingering,
            legWorse: action.legWorse,
            soreness: action.soreness,
            tooEasy: action.tooEasy ?? [],
            worseExerciseId: action.worseExerciseId ?? null,
          },
          profile,
        );
        commit(out.state);
        return result(out.changes, out.notes);
      }
      case 'program/undo': {
        const out = undoChange(state, action.changeId, at);
        if ('error' in out) {
          return out.error === 'unknown'
            ? refuseProgram('program.undo-unknown', { changeId: action.changeId }, 'That change is not in the program any more.')
            : refuseProgram('program.undo-not-latest', { changeId: action.changeId }, 'Only the most recent change can be undone.');
        }
        commit(out.state);
        return result();
      }
      case 'program/track-stiffness':
        commit({ ...state, tracking: [...state.tracking, { at, kind: 'stiffness', minutes: action.minutes }] });
        return result();
      case 'program/track-walk':
        commit({ ...state, tracking: [...state.tracking, { at, kind: 'walk', minutes: action.minutes ?? null, metres: action.metres ?? null }] });
        return result();
      case 'program/track-confidence': {
        const task = action.task ?? profile.confidenceTask.trim();
        if (!task) refuseProgram('program.invalid', { field: 'task' }, 'Name the task you are rating, for example "lift the laundry basket".');
        commit({ ...state, tracking: [...state.tracking, { at, kind: 'confidence', task, rating: action.rating }] });
        return result();
      }
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
    view(now = clock.now()) {
      const held = heldCode();
      const started = state.startedAt !== null;
      const open = !held && started;
      const today = format(new Date(now), 'yyyy-MM-dd');
      const latest = [...state.changes].reverse().slice(0, 10);
      return {
        started,
        held: held ? { code: held, text: HELD_TEXT[held] } : null,
        lane: state.lane,
        stage: state.stage,
        calm: symptomsCalm(state.sessions, now),
        picks: open ? state.picks.map(byId) : [],
        offered: held ? [] : offeredExercises(steer(now)).map(viewExercise),
        today: open ? (weekPlan(state, new Date(now)).find((d) => d.day === today) ?? null) : null,
        doneToday: state.sessions.filter((s) => s.day === today).length,
        week: programWeekSummary(state, startOfISOWeek(new Date(now))),
        active: state.active ? { startedAt: state.active.startedAt, exercises: state.active.exerciseIds.map(byId) } : null,
        changes: latest.map(explain),
        schedule: state.schedule,
        reminders: state.reminders,
        nextReminder: held ? null : nextReminder(),
        notices: [...notices],
      };
    },
    exportSection() {
      if (!state.startedAt && state.sessions.length === 0 && state.tracking.length === 0) return undefined;
      return { sessions: state.sessions, tracking: state.tracking, lane: state.lane, stage: state.stage, picks: [...state.picks] };
    },
    importSection(file) {
      const section = readSection(file, PROGRAM_SECTION, ProgramSectionSchema);
      if (!section) return { imported: 0, rejected: 0 };
      let rejected = 0;
      const take = <T>(list: unknown[], schema: z.ZodType<T>): T[] =>
        list.flatMap((raw) => {
          const parsed = schema.safeParse(raw);
          if (!parsed.success) rejected++;
          return parsed.success ? [parsed.data] : [];
        });
      const sessionsIn = take(section.sessions, SessionRecordSchema).filter((s) => !state.sessions.some((x) => x.at === s.at));
      const trackingIn = take(section.tracking, TrackingRecordSchema).filter((t) => !state.tracking.some((x) => x.at === t.at && x.kind === t.kind));
      const sessions = [...new Map([...state.sessions, ...sessionsIn].map((s) => [s.at, s])).values()].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
      const tracking = [...new Map([...state.tracking, ...trackingIn].map((t) => [`${t.kind}@${t.at}`, t])).values()].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
      const imported = sessions.length - state.sessions.length + tracking.length - state.tracking.length;
      if (imported > 0) commit({ ...state, sessions, tracking });
      return { imported, rejected };
    },
    weekSummary: (weekStart) => programWeekSummary(state, weekStart),
    reportRows: (from, to) => programReportRows(state, from, to),
    resync() {
      calendar.clear();
      arm();
    },
    stop() {
      calendar.clear();
    },
  };
}
