/**
 * How fast the home program may move (pure). The seed's rule is to progress one variable when
 * symptoms are stable or improving: a trend over days, not one good session. Thresholds (from the
 * physiotherapist's review, notes/pt-review-program.md M1):
 * - calm: sessions on at least CALM_MIN_DAYS different days in the last CALM_WINDOW_DAYS, none a
 *   setback (worse, lingering over a day, leg worse);
 * - a step up: calm, the move done at its current step in STEP_MIN_SESSIONS sessions on
 *   STEP_MIN_DAYS days, STEP_MIN_HOURS since the last change to the plan, and "too easy";
 *   a step into a weighted move needs the step below done on LOADED_MIN_DAYS days;
 * - a lane forward: all of that, and LANE_MIN_DAYS in the current lane;
 * - after BREAK_DAYS without a session, the moves restart one step lower (undoable).
 */
import type { Change, ProgramState, SessionRecord } from './state';

export const DAY_MS = 24 * 60 * 60_000;
export const CALM_MIN_DAYS = 3;
export const CALM_WINDOW_DAYS = 7;
/** Sessions a week needs to count as a steady week for the later plan. */
export const CALM_MIN_SESSIONS = 3;
export const STEP_MIN_SESSIONS = 3;
export const STEP_MIN_DAYS = 2;
export const STEP_MIN_HOURS = 48;
export const LOADED_MIN_DAYS = 3;
export const LANE_MIN_DAYS = 7;
export const BREAK_DAYS = 14;
/** Leg-worse answers in LEG_WORSE_WINDOW_DAYS that bring the "see a clinician" note. */
export const LEG_WORSE_CARD_COUNT = 2;
export const LEG_WORSE_WINDOW_DAYS = 7;

export type SetbackReason = 'leg-worse' | 'lingering' | 'worse';

/** Why a session is a setback, or null when symptoms were stable or better. Soreness never is. */
export function setbackOf(s: Pick<SessionRecord, 'answer' | 'lingering' | 'legWorse'>): SetbackReason | null {
  if (s.legWorse) return 'leg-worse';
  if (s.lingering) return 'lingering';
  if (s.answer === 'worse') return 'worse';
  return null;
}

const within = (sessions: readonly SessionRecord[], now: number, days: number) =>
  sessions.filter((s) => Date.parse(s.at) > now - days * DAY_MS && Date.parse(s.at) <= now);

/** Symptoms are calm: sessions on CALM_MIN_DAYS different days this past week, none a setback. */
export function symptomsCalm(sessions: readonly SessionRecord[], now: number): boolean {
  const recent = within(sessions, now, CALM_WINDOW_DAYS);
  return new Set(recent.map((s) => s.day)).size >= CALM_MIN_DAYS && recent.every((s) => setbackOf(s) === null);
}

/** Leg-worse answers in the last LEG_WORSE_WINDOW_DAYS. */
export const legWorseCount = (sessions: readonly SessionRecord[], now: number): number =>
  within(sessions, now, LEG_WORSE_WINDOW_DAYS).filter((s) => s.legWorse).length;

/** Sessions and days a move has been done at its current step: the unbroken run of recent sessions that include it. */
export function stepHistory(sessions: readonly SessionRecord[], id: string): { sessions: number; days: number } {
  const run: SessionRecord[] = [];
  for (let i = sessions.length - 1; i >= 0 && sessions[i]!.exerciseIds.includes(id); i--) run.push(sessions[i]!);
  return { sessions: run.length, days: new Set(run.map((s) => s.day)).size };
}

/** Changes that do not touch the moves or the lane (the pace ignores them). */
const PLAN_NEUTRAL = new Set(['stage.later', 'stage.early', 'schedule.changed', 'move.allowed']);

/** When the moves or lane last changed (a change made, or one undone), or when the program began. */
export function lastPlanChangeAt(state: Pick<ProgramState, 'startedAt' | 'changes'>): number {
  let last = state.startedAt ? Date.parse(state.startedAt) : 0;
  for (const c of state.changes) {
    if (PLAN_NEUTRAL.has(c.code)) continue;
    last = Math.max(last, Date.parse(c.at), c.undoneAt ? Date.parse(c.undoneAt) : 0);
  }
  return last;
}

const changedLane = (c: Change) => (c.code === 'lane.forward' || c.code === 'backup.lane') && c.before !== null && c.before.lane !== c.params.toLane;

/** When the program entered its current lane (the start, or the last change of lane made or undone). */
export function laneSince(state: Pick<ProgramState, 'startedAt' | 'changes'>): number {
  let since = state.startedAt ? Date.parse(state.startedAt) : 0;
  for (const c of state.changes) if (changedLane(c)) since = Math.max(since, Date.parse(c.at), c.undoneAt ? Date.parse(c.undoneAt) : 0);
  return since;
}

/** Has the move had long enough at its step to go up one (the "too easy" and calm checks are separate)? */
export function stepPaceOk(state: Pick<ProgramState, 'startedAt' | 'changes' | 'sessions'>, id: string, now: number, intoLoaded: boolean): boolean {
  const done = stepHistory(state.sessions, id);
  return (
    done.sessions >= STEP_MIN_SESSIONS &&
    done.days >= (intoLoaded ? LOADED_MIN_DAYS : STEP_MIN_DAYS) &&
    now - lastPlanChangeAt(state) >= STEP_MIN_HOURS * 60 * 60_000
  );
}

/** A week or more in the current lane. */
export const lanePaceOk = (state: Pick<ProgramState, 'startedAt' | 'changes'>, now: number): boolean => now - laneSince(state) >= LANE_MIN_DAYS * DAY_MS;

/** Days since the last session, or null before the first. */
export function daysSinceLastSession(sessions: readonly SessionRecord[], now: number): number | null {
  const last = sessions.at(-1);
  return last ? Math.floor((now - Date.parse(last.at)) / DAY_MS) : null;
}

/** The lingering question is due at the start of the first session of a day, after an earlier session day. */
export const lingerQuestionDue = (sessions: readonly SessionRecord[], day: string): boolean =>
  !sessions.some((s) => s.day === day) && sessions.some((s) => s.day < day);

/** "Worse" and "leg felt worse" answers at or after `from` (ms), oldest first: what the safety check counts. */
export function setbackAnswers(sessions: readonly SessionRecord[], from: number): { kind: 'worse' | 'leg-worse'; at: string }[] {
  return sessions
    .filter((s) => Date.parse(s.at) >= from)
    .flatMap((s) => [...(s.answer === 'worse' ? [{ kind: 'worse' as const, at: s.at }] : []), ...(s.legWorse ? [{ kind: 'leg-worse' as const, at: s.at }] : [])]);
}
