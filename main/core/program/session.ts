/**
 * A program session from start to end. At the start: the lingering question's answer (due on the
 * first session of a day after an earlier session day) is acted on before the moves are set, and
 * weighted moves rest while symptoms are not calm. At the end: the closing answers go through the
 * progress rules, and "worse" and "leg worse" answers are reported as setbacks for the safety check.
 */
import { format } from 'date-fns';
import type { ProgramAction } from '../../../shared/program/actions';
import { refuseProgram } from '../../../shared/program/messages';
import { programExerciseById } from '../../../shared/program/exercises';
import { endSession, lingerQuestionDue, recordChange, restingMoves, startSession, symptomsCalm } from '../../../shared/program/rules';
import type { ProgramContext, ProgramResult, ProgramSetback } from './context';

const dayOf = (now: number) => format(new Date(now), 'yyyy-MM-dd');

export function sessionStart(ctx: ProgramContext, action: Extract<ProgramAction, { type: 'program/session-start' }>, now: number): ProgramResult {
  ctx.requireGate();
  ctx.requireStarted();
  const state = ctx.state();
  const day = dayOf(now);
  const asked = lingerQuestionDue(state.sessions, day);
  const out = startSession(state, { at: new Date(now).toISOString(), day, lingering: asked ? (action.lingering ?? null) : null }, ctx.profile());
  ctx.commit(out.state);
  ctx.lastSession = null;
  return ctx.result(out.changes, out.notes);
}

export function sessionCancel(ctx: ProgramContext): ProgramResult {
  const state = ctx.state();
  if (!state.active) refuseProgram('program.no-session', {}, 'No program session is running.');
  ctx.commit({ ...state, active: null });
  return ctx.result();
}

export function sessionEnd(
  ctx: ProgramContext,
  action: Extract<ProgramAction, { type: 'program/session-end' }>,
  now: number,
  onSetback?: (kind: ProgramSetback['kind'], at: string) => void,
): ProgramResult {
  const state = ctx.state();
  const active = state.active;
  if (!active) return refuseProgram('program.no-session', {}, 'No program session is running.');
  const at = new Date(now).toISOString();
  const atStart = active.lingering !== null && active.lingering !== undefined;
  const out = endSession(
    state,
    {
      startedAt: active.startedAt,
      at,
      day: dayOf(now),
      exerciseIds: action.done ?? active.exerciseIds,
      answer: action.answer,
      lingering: atStart ? active.lingering === true : (action.lingering ?? false),
      lingeringAtStart: atStart,
      legWorse: action.legWorse,
      soreness: action.soreness,
      tooEasy: action.tooEasy ?? [],
      worseExerciseId: action.worseExerciseId ?? null,
    },
    ctx.profile(),
  );
  ctx.commit(out.state);
  const setbacks: ProgramSetback[] = [
    ...(action.answer === 'worse' ? [{ kind: 'worse' as const, at }] : []),
    ...(action.legWorse ? [{ kind: 'leg-worse' as const, at }] : []),
  ];
  for (const s of setbacks) onSetback?.(s.kind, s.at);
  ctx.lastSession = { at, answer: action.answer, changeIds: out.changes.map((c) => c.id), notes: out.notes };
  return ctx.result(out.changes, out.notes, setbacks);
}

/** Yes to "try it again?": only for a move resting until asked. */
export function allowMove(ctx: ProgramContext, exerciseId: string, now: number): ProgramResult {
  ctx.requireGate();
  ctx.requireStarted();
  const state = ctx.state();
  const waiting = restingMoves(state, symptomsCalm(state.sessions, now)).find((r) => r.id === exerciseId && r.untilAsked);
  if (!waiting) return refuseProgram('program.not-asked', { exerciseId }, 'That move is not waiting for your go-ahead.');
  const { state: next, change } = recordChange(state, new Date(now).toISOString(), 'move.allowed', { exerciseId, name: programExerciseById(exerciseId)!.name }, {});
  ctx.commit(next);
  return ctx.result([change]);
}
