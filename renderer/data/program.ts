/**
 * The home program (issue 14) as the renderer sees it: the engine's read view and the one way to
 * change it. Pages never call window.movesnack for the program themselves: they use `useProgram()`.
 *
 *   window.movesnack.getProgram(): Promise<ProgramView>   (read; fetched again on every state event)
 *   window.movesnack.dispatch({ type: 'program/…', … })    (the engine routes program/* to its ProgramService)
 *
 * ProgramView mirrors main/core/program/service.ts `ProgramView` field for field; the renderer may
 * not import from main/, so it is restated here from the shared types (main/core/program/view.ts). When the view type moves
 * to shared/ (with the IPC wiring), this becomes `export type { ProgramView } from '../../shared/…'`.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { MovesnackApi } from '../../shared/ipc-contract';
import type { ProgramAction } from '../../shared/program/actions';
import type { CautionCode, Lane, ProgramExercise } from '../../shared/program/exercises';
import type { ChangeCode, NoteCode, ProgramParams } from '../../shared/program/messages';
import type { PlanDay, ProgramWeekSummary } from '../../shared/program/rules';
import type { ReminderSlot, ReminderTimes, Schedule, Stage } from '../../shared/program/state';
import { errorMessage } from './api';

export interface ProgramViewCaution {
  code: CautionCode;
  text: string;
  /** The "How?" steps, when the caution has them (getting down to the floor and up). */
  help: string[];
}

export interface ProgramViewExercise extends ProgramExercise {
  /** Text of `caution` (the move's most specific caution). */
  cautionText: string | null;
  /** Every caution the move carries, in order. */
  cautionDetails: ProgramViewCaution[];
}

export interface ProgramViewText<C extends string = string> {
  code: C;
  text: string;
}

/** The questions around a session; null when not due. */
export interface ProgramAsk {
  /** Ask before the session starts and send the answer with `program/session-start` (`lingering`). */
  lingering: ProgramViewText | null;
  closing: ProgramViewText;
  /** Ask when the user has leg symptoms (and, whatever the profile, after a "worse" answer). */
  leg: ProgramViewText & { always: boolean };
  soreness: ProgramViewText;
  /** Moves resting until the user says yes (`program/allow-move`). */
  tryAgain: (ProgramViewText & { exerciseId: string })[];
}

export interface ProgramViewChange {
  id: string;
  at: string;
  code: ChangeCode;
  params: ProgramParams;
  text: string;
  undone: boolean;
  /** Only the newest change still in effect can be undone. */
  undoable: boolean;
}

export interface ProgramViewNote {
  code: NoteCode;
  params: ProgramParams;
  text: string;
}

export type ProgramHeldCode = 'program.safety-unanswered' | 'program.safety-flagged';

export interface ProgramView {
  started: boolean;
  /** Set while the safety gate holds the program: then nothing is offered. */
  held: { code: ProgramHeldCode; text: string } | null;
  lane: Lane;
  stage: Stage;
  calm: boolean;
  picks: ProgramViewExercise[];
  /** What the next session serves: the picks, with weighted moves resting while symptoms are not calm. */
  sessionMoves: ProgramViewExercise[];
  /** Why a served move differs from its pick. */
  sessionNotes: ProgramViewNote[];
  offered: ProgramViewExercise[];
  today: PlanDay | null;
  doneToday: number;
  week: ProgramWeekSummary;
  active: { startedAt: string; exercises: ProgramViewExercise[]; sessionRules: ProgramViewText[] } | null;
  /** Shown at the start of every session and reachable throughout: when to stop, and the emergency signs. */
  sessionRules: ProgramViewText[];
  ask: ProgramAsk;
  /** "Leg felt worse" answers in the last seven days (two or more: see a clinician). */
  legWorseThisWeek: number;
  /** Newest first, at most ten. */
  changes: ProgramViewChange[];
  schedule: Schedule;
  reminders: ReminderTimes;
  nextReminder: { slot: ReminderSlot; at: string } | null;
  notices: string[];
  /**
   * The last session's result from the engine (null once a new session starts; absent from an
   * older engine): the changes its answer made, as they stand now, and the engine's notes.
   */
  lastSession?: { at: string; answer: 'better' | 'same' | 'worse'; changes: ProgramViewChange[]; notes: ProgramViewNote[] } | null;
}

/** The two calls the program adds to `window.movesnack` (optional until the shell provides them). */
export interface ProgramApi {
  getProgram?: () => Promise<ProgramView>;
  dispatch: (action: unknown) => Promise<unknown>;
}

export const programApiOf = (api: MovesnackApi): ProgramApi => api as unknown as ProgramApi;

export interface ProgramData {
  view: ProgramView | null;
  /** The engine could not be read (or this shell has no program yet). */
  loadError: string | null;
  /** The shell has no getProgram at all. */
  unsupported: boolean;
  /** Sends a program action and reads the view again. Resolves true when the engine took it. */
  run(action: ProgramAction): Promise<boolean>;
  pending: boolean;
  /** The engine's refusal of the last action, in its words (and its code, for the user's language). */
  error: { message: string; code: string | null } | null;
  clearError(): void;
  refresh(): Promise<void>;
}

function codeOf(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('program.') ? code : null;
}

export function useProgram(api: MovesnackApi): ProgramData {
  const program = programApiOf(api);
  const [view, setView] = useState<ProgramView | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ProgramData['error']>(null);
  const seq = useRef(0);
  const unsupported = typeof program.getProgram !== 'function';

  const refresh = useCallback(() => {
    const get = programApiOf(api).getProgram;
    if (!get) return Promise.resolve();
    const mine = ++seq.current;
    return get().then(
      (next) => {
        if (mine !== seq.current) return;
        setView(next);
        setLoadError(null);
      },
      (e: unknown) => {
        if (mine === seq.current) setLoadError(errorMessage(e));
      },
    );
  }, [api]);

  // One read, then again on every state event (the engine announces each change, a new day too).
  useEffect(() => {
    void refresh();
    return api.on('state', () => void refresh());
  }, [api, refresh]);

  const run = useCallback(
    async (action: ProgramAction) => {
      setPending(true);
      setError(null);
      try {
        await programApiOf(api).dispatch(action);
        // The new view before the caller moves on (the summary after a session reads it).
        await refresh();
        return true;
      } catch (e) {
        setError({ message: errorMessage(e), code: codeOf(e) });
        return false;
      } finally {
        setPending(false);
      }
    },
    [api, refresh],
  );
  const clearError = useCallback(() => setError(null), []);

  return { view, loadError, unsupported, run, pending, error, clearError, refresh };
}
