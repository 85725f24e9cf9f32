/**
 * What the program service's parts share: the state and its store, the clock, the safety gate,
 * and how changes and notes are explained. Built once by createProgramService (service.ts).
 */
import { safetyGateReason, type Profile } from '../../../shared/profile';
import { programExerciseById, type CautionCode, type ProgramExercise } from '../../../shared/program/exercises';
import {
  cautionHelp,
  cautionText,
  changeText,
  noteText,
  refuseProgram,
  type ChangeCode,
  type NoteCode,
  type ProgramParams,
} from '../../../shared/program/messages';
import type { Note } from '../../../shared/program/rules';
import type { Change, ProgramState } from '../../../shared/program/state';
import type { Clock } from '../types';
import type { ProgramStore } from './store';

export type HeldCode = 'program.safety-unanswered' | 'program.safety-flagged';

export const HELD_TEXT: Record<HeldCode, string> = {
  'program.safety-unanswered': 'The home program starts once the safety questions are answered.',
  'program.safety-flagged': 'The home program is on hold until a clinician has checked the warning sign you reported.',
};

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

/** A program answer that the safety check counts (the engine re-asks its questions on these). */
export interface ProgramSetback {
  kind: 'worse' | 'leg-worse';
  /** When the session ended (ISO). */
  at: string;
}

export interface ProgramResult {
  changes: ExplainedChange[];
  notes: ExplainedNote[];
  /** Answers in this action that the safety check counts (session-end only; else empty). */
  setbacks: ProgramSetback[];
}

export interface ViewCaution {
  code: CautionCode;
  text: string;
  /** The "How?" steps, when the caution has them (getting down to the floor and up). */
  help: string[];
}

export interface ViewExercise extends ProgramExercise {
  /** Text of `caution` (the move's most specific caution). */
  cautionText: string | null;
  /** Every caution the move carries, in order. */
  cautionDetails: ViewCaution[];
}

export const viewExercise = (e: ProgramExercise): ViewExercise => ({
  ...e,
  cautionText: e.caution ? cautionText(e.caution) : null,
  cautionDetails: e.cautions.map((code) => ({ code, text: cautionText(code), help: cautionHelp(code) })),
});
export const viewById = (id: string) => viewExercise(programExerciseById(id)!);

export interface ProgramContext {
  clock: Clock;
  store: ProgramStore;
  profile: () => Profile;
  gateOpen: () => boolean;
  state(): ProgramState;
  commit(next: ProgramState): void;
  notices: string[];
  heldCode(): HeldCode | null;
  requireGate(): void;
  requireStarted(): void;
  explain(c: Change): ExplainedChange;
  explainNote(n: Note): ExplainedNote;
  result(changes?: Change[], notes?: Note[], setbacks?: ProgramSetback[]): ProgramResult;
  /**
   * The last session's result since this service started (in memory, not stored): what the
   * closing question's answer changed and the notes it gave. Cleared when a session starts.
   */
  lastSession: LastSessionRecord | null;
}

export interface LastSessionRecord {
  at: string;
  answer: 'better' | 'same' | 'worse';
  changeIds: string[];
  notes: Note[];
}

export function createContext(init: {
  clock: Clock;
  store: ProgramStore;
  profile: () => Profile;
  gateOpen: () => boolean;
  onCommit: () => void;
}): ProgramContext {
  let state = init.store.load();
  const notices = init.store.takeNotices();
  const ctx: ProgramContext = {
    clock: init.clock,
    store: init.store,
    profile: init.profile,
    gateOpen: init.gateOpen,
    notices,
    lastSession: null,
    state: () => state,
    commit(next) {
      state = next;
      init.store.save(state);
      notices.push(...init.store.takeNotices());
      init.onCommit();
    },
    heldCode() {
      if (init.gateOpen()) return null;
      return safetyGateReason(init.profile()) === 'unanswered' ? 'program.safety-unanswered' : 'program.safety-flagged';
    },
    requireGate() {
      const code = ctx.heldCode();
      if (code) refuseProgram(code, {}, HELD_TEXT[code]);
    },
    requireStarted() {
      if (!state.startedAt) refuseProgram('program.not-started', {}, 'The home program has not been started yet.');
    },
    explain(c) {
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
    },
    explainNote: (n) => ({ ...n, text: noteText(n.code, n.params) }),
    result: (changes = [], notes = [], setbacks = []) => ({ changes: changes.map(ctx.explain), notes: notes.map(ctx.explainNote), setbacks }),
  };
  return ctx;
}
