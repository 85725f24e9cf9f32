/**
 * The program's read view for the UI. While the safety gate holds, nothing is offered. Besides the
 * plan, it carries what a session needs on screen: the stop rule and emergency signs (as codes with
 * their English text), the questions due, and the moves the next session serves.
 */
import { format, startOfISOWeek } from 'date-fns';
import type { Lane } from '../../../shared/program/exercises';
import { programNoteText, questionText, sessionRuleText, type ProgramNoteCode, type QuestionCode, type SessionRuleCode } from '../../../shared/program/messages';
import {
  DAY_MS,
  legWorseCount,
  setbackAnswers,
  lingerQuestionDue,
  offeredExercises,
  programWeekSummary,
  restingMoves,
  startSession,
  symptomsCalm,
  weekPlan,
  type PlanDay,
  type ProgramWeekSummary,
} from '../../../shared/program/rules';
import type { ReminderSlot, ReminderTimes, Schedule, Stage } from '../../../shared/program/state';
import { HELD_TEXT, viewById, viewExercise, type ExplainedChange, type ExplainedNote, type HeldCode, type ProgramContext, type ProgramSetback, type ViewExercise } from './context';

export interface ViewText<C extends string> {
  code: C;
  text: string;
}

/** The questions around a session; null when not due. */
export interface ProgramAsk {
  /** Ask before the session starts and send the answer with `program/session-start` (`lingering`). */
  lingering: ViewText<'ask.lingering'> | null;
  closing: ViewText<'ask.closing'>;
  /** Ask when the user has leg symptoms (and, whatever the profile, after a "worse" answer). */
  leg: ViewText<'ask.leg'> & { always: boolean };
  soreness: ViewText<'ask.soreness'>;
  /** Moves resting until the user says yes (`program/allow-move`); shown once symptoms are calm. */
  tryAgain: (ViewText<QuestionCode> & { exerciseId: string })[];
}

export interface ProgramView {
  started: boolean;
  /** Set while the safety gate holds the program: then nothing is offered. */
  held: { code: HeldCode; text: string } | null;
  lane: Lane;
  stage: Stage;
  calm: boolean;
  /** The three current moves (empty while held or not started). */
  picks: ViewExercise[];
  /**
   * What a session started now would serve: the picks, after any restart one step lower (after a
   * long break) or refit to the profile, with weighted moves resting while symptoms are not calm.
   */
  sessionMoves: ViewExercise[];
  /** Why a served move differs from its pick (`held.not-calm`). */
  sessionNotes: ExplainedNote[];
  /** General notes for the program's start screen (pregnancy). */
  programNotes: ViewText<ProgramNoteCode>[];
  /** Moves the user may pick from (empty while held). */
  offered: ViewExercise[];
  /** Today's plan (null while held or not started) and how many sessions are done today. */
  today: PlanDay | null;
  doneToday: number;
  week: ProgramWeekSummary;
  active: { startedAt: string; exercises: ViewExercise[]; sessionRules: ViewText<SessionRuleCode>[] } | null;
  /** Shown at the start of every session and reachable throughout: when to stop, and the emergency signs. */
  sessionRules: ViewText<SessionRuleCode>[];
  ask: ProgramAsk;
  /** "Leg felt worse" answers in the last seven days (two or more: see a clinician). */
  legWorseThisWeek: number;
  /** "Worse" and "leg felt worse" answers of the last seven days, oldest first, for the safety check's re-ask count. */
  recentSetbacks: ProgramSetback[];
  /** Newest first, at most ten. */
  changes: ExplainedChange[];
  schedule: Schedule;
  reminders: ReminderTimes;
  nextReminder: { slot: ReminderSlot; at: string } | null;
  notices: string[];
  /**
   * The last session's result (since the engine started; null once a new session starts): the
   * changes its answer made, as they stand now (undone or not), and the engine's notes.
   */
  lastSession: { at: string; answer: 'better' | 'same' | 'worse'; changes: ExplainedChange[]; notes: ExplainedNote[] } | null;
}

const SESSION_RULES: SessionRuleCode[] = ['session.stop-rule', 'session.emergency'];
export const sessionRules = (): ViewText<SessionRuleCode>[] => SESSION_RULES.map((code) => ({ code, text: sessionRuleText(code) }));
const ask = <C extends QuestionCode>(code: C): ViewText<C> => ({ code, text: questionText(code) });

export function buildView(ctx: ProgramContext, now: number, nextReminder: () => ProgramView['nextReminder']): ProgramView {
  const state = ctx.state();
  const profile = ctx.profile();
  const held = ctx.heldCode();
  const started = state.startedAt !== null;
  const open = !held && started;
  const today = format(new Date(now), 'yyyy-MM-dd');
  const calm = symptomsCalm(state.sessions, now);
  const resting = restingMoves(state, calm);
  const served = open && !state.active ? startSession(state, { at: new Date(now).toISOString(), day: today, lingering: null }, profile) : null;
  return {
    started,
    held: held ? { code: held, text: HELD_TEXT[held] } : null,
    lane: state.lane,
    stage: state.stage,
    calm,
    picks: open ? state.picks.map(viewById) : [],
    sessionMoves: served ? served.exerciseIds.map(viewById) : open && state.active ? state.active.exerciseIds.map(viewById) : [],
    sessionNotes: served ? served.notes.map(ctx.explainNote) : [],
    programNotes: [{ code: 'program.pregnancy', text: programNoteText('program.pregnancy') }],
    offered: held ? [] : offeredExercises({ lane: state.lane, profile, calm }).filter((e) => !resting.some((r) => r.id === e.id)).map(viewExercise),
    today: open ? (weekPlan(state, new Date(now)).find((d) => d.day === today) ?? null) : null,
    doneToday: state.sessions.filter((s) => s.day === today).length,
    week: programWeekSummary(state, startOfISOWeek(new Date(now)), now),
    active: state.active ? { startedAt: state.active.startedAt, exercises: state.active.exerciseIds.map(viewById), sessionRules: sessionRules() } : null,
    sessionRules: sessionRules(),
    ask: {
      lingering: open && !state.active && lingerQuestionDue(state.sessions, today) ? ask('ask.lingering') : null,
      closing: ask('ask.closing'),
      leg: { ...ask('ask.leg'), always: profile.legSymptoms },
      soreness: ask('ask.soreness'),
      tryAgain: open && calm ? resting.filter((r) => r.untilAsked).map((r) => ({ ...ask('ask.nerve-glide-again'), exerciseId: r.id })) : [],
    },
    legWorseThisWeek: legWorseCount(state.sessions, now),
    recentSetbacks: setbackAnswers(state.sessions, now - 7 * DAY_MS),
    changes: [...state.changes].reverse().slice(0, 10).map(ctx.explain),
    schedule: state.schedule,
    reminders: state.reminders,
    nextReminder: held || !started ? null : nextReminder(),
    notices: [...ctx.notices],
    lastSession: ctx.lastSession && {
      at: ctx.lastSession.at,
      answer: ctx.lastSession.answer,
      changes: ctx.lastSession.changeIds.flatMap((id) => {
        const change = state.changes.find((c) => c.id === id);
        return change ? [ctx.explain(change)] : [];
      }),
      notes: ctx.lastSession.notes.map(ctx.explainNote),
    },
  };
}
