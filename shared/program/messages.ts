/**
 * The home program's codes: refusals, explanations of every change it makes, notes, and the
 * short cautions for floor and loaded moves. Each has a stable code and parameters beside its
 * English text (DESIGN.md "Language"), so the UI can word it in the user's language.
 * Text is ours, written from the roadmap's rules (shared/seed/back-pain-roadmap.txt); never a diagnosis.
 */
import type { CautionCode } from './exercises';

export type ProgramRefusalCode =
  | 'program.invalid'
  | 'program.safety-unanswered'
  | 'program.safety-flagged'
  | 'program.not-started'
  | 'program.no-session'
  | 'program.not-eligible'
  | 'program.undo-unknown'
  | 'program.undo-not-latest';

export type ProgramParams = Record<string, string | number>;

export class ProgramRefusal extends Error {
  constructor(
    readonly code: ProgramRefusalCode,
    readonly params: ProgramParams,
    text: string,
  ) {
    super(text);
    this.name = 'ProgramRefusal';
  }
}

export const refuseProgram = (code: ProgramRefusalCode, params: ProgramParams, text: string): never => {
  throw new ProgramRefusal(code, params, text);
};

/** Code and parameters of anything thrown by the program, for an IPC answer; null for other errors. */
export function programRefusalOf(error: unknown): { code: string; params: ProgramParams } | null {
  return error instanceof ProgramRefusal ? { code: error.code, params: { ...error.params } } : null;
}

/** Why the program changed something. Every change carries one, with its parameters. */
export type ChangeCode =
  | 'program.started'
  | 'picks.chosen'
  | 'progress.step'
  | 'lane.forward'
  | 'backup.step'
  | 'backup.lane'
  | 'stage.later'
  | 'stage.early'
  | 'schedule.changed';

export type NoteCode = 'soreness.normal' | 'progress.wait-stable' | 'progress.wait-calm' | 'lane.wait-calm' | 'backup.gentlest' | 'held.safety';

const p = (params: ProgramParams, key: string): string => String(params[key] ?? '');

const CHANGE_TEXT: Record<ChangeCode, (params: ProgramParams) => string> = {
  'program.started': () => 'Your home program begins in the calm lane, with three gentle moves picked for you. You can swap any of them.',
  'picks.chosen': () => 'Your three moves are the ones you chose.',
  'progress.step': (x) =>
    `${p(x, 'fromName')} felt too easy and your back has been steady, so it moves up one step to ${p(x, 'toName')} (more ${p(x, 'variable')}, nothing else changes).`,
  'lane.forward': (x) =>
    `Your back has been calm and ${p(x, 'fromName')} felt too easy, so it makes way for ${p(x, 'toName')}, a move from the ${p(x, 'toLane')} lane.`,
  'backup.step': (x) =>
    `${reasonText(p(x, 'reason'))} So ${p(x, 'fromName')} steps back to ${p(x, 'toName')} for now. It will come back once things settle.`,
  'backup.lane': (x) =>
    `${reasonText(p(x, 'reason'))} So ${p(x, 'toName')} comes back in place of ${p(x, 'fromName')}, and the program is in the ${p(x, 'toLane')} lane for now.`,
  'stage.later': (x) =>
    `Things have been steady for ${p(x, 'weeks')} weeks, so the plan changes to three longer sessions a week, with short movement snacks on the other days.`,
  'stage.early': (x) => `${reasonText(p(x, 'reason'))} The plan goes back to short sessions two or three times a day until it settles.`,
  'schedule.changed': () => 'Your plan days and sessions per day are as you set them.',
};

function reasonText(reason: string): string {
  switch (reason) {
    case 'worse':
      return 'You felt worse after the last session.';
    case 'lingering':
      return 'Symptoms lasted more than a day after a session.';
    case 'leg-worse':
      return 'Your leg felt worse.';
    default:
      return 'Things flared up.';
  }
}

const NOTE_TEXT: Record<NoteCode, (params: ProgramParams) => string> = {
  'soreness.normal': () =>
    'Muscle soreness after new work is common and is not a reason to step back. Sharp, spreading or constant pain is different: then say "worse".',
  'progress.wait-stable': () => 'Nothing moves up today: steps go up only when your back is steady or better.',
  'progress.wait-calm': () => 'Weighted moves wait until your back has been calm for a few sessions in a row.',
  'lane.wait-calm': (x) => `The ${p(x, 'lane')} lane waits until your back has been calm for a few sessions in a row.`,
  'backup.gentlest': (x) =>
    `${reasonText(p(x, 'reason'))} You are already on the gentlest steps: keep sessions short, go by comfort, and if this keeps happening, talk to a clinician.`,
  'held.safety': () => 'The home program waits until the safety questions are answered or a clinician has cleared you.',
};

const CAUTION_TEXT: Record<CautionCode, string> = {
  'floor.get-down': 'Floor move: get down and up the easy way, rolling to your side first.',
  'floor.stop-on-spread': 'Floor move: if pain spreads down your leg, stop and rest.',
  'loaded.start-light': 'Uses a weight: start light and stay upright and level.',
  'loaded.calm-only': 'Uses a weight: only on calm days, light, with the stick-hinge form.',
  'nerve.light-tension': 'Keep the stretch faint (2–3 out of 10); stop if tingling grows.',
};

export const changeText = (code: ChangeCode, params: ProgramParams): string => CHANGE_TEXT[code](params);
export const noteText = (code: NoteCode, params: ProgramParams = {}): string => NOTE_TEXT[code](params);
export const cautionText = (code: CautionCode): string => CAUTION_TEXT[code];
