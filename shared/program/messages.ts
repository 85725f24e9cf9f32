/**
 * The home program's codes: refusals, explanations of every change it makes, notes, and the
 * short cautions for floor and loaded moves. Each has a stable code and parameters beside its
 * English text (DESIGN.md "Language"), so the UI can word it in the user's language.
 * Text is ours, written from the roadmap's rules (shared/seed/back-pain-roadmap.txt); never a diagnosis.
 */
import { URGENCY_ADVICE } from '../red-flags';
import type { CautionCode } from './exercises';

export type ProgramRefusalCode =
  | 'program.invalid'
  | 'program.safety-unanswered'
  | 'program.safety-flagged'
  | 'program.not-started'
  | 'program.no-session'
  | 'program.not-eligible'
  | 'program.undo-unknown'
  | 'program.undo-not-latest'
  | 'program.not-asked'
  | 'program.two-directions';

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
  | 'backup.swap'
  | 'backup.loaded'
  | 'restart.lower'
  | 'picks.refit'
  | 'move.allowed'
  | 'stage.later'
  | 'stage.early'
  | 'schedule.changed';

export type NoteCode =
  | 'soreness.normal'
  | 'progress.wait-stable'
  | 'progress.wait-calm'
  | 'progress.wait-time'
  | 'lane.wait-calm'
  | 'lane.wait-time'
  | 'backup.gentlest'
  | 'held.safety'
  | 'held.not-calm'
  | 'leg-worse.recheck'
  | 'direction.rethink'
  | 'leg-worse.see-clinician'
  | 'held.bones'
  | 'flare.plan';

const p = (params: ProgramParams, key: string): string => String(params[key] ?? '');

const CHANGE_TEXT: Record<ChangeCode, (params: ProgramParams) => string> = {
  'program.started': () => 'Your home program begins in the calm lane, with three gentle moves picked for you. You can swap any of them.',
  'picks.chosen': () => 'Your three moves are the ones you chose.',
  'progress.step': (x) =>
    `${p(x, 'fromName')} felt too easy and your back has been steady, so it moves up one step to ${p(x, 'toName')} (more ${p(x, 'variable')}, nothing else changes).`,
  'lane.forward': (x) =>
    `Your back has been calm and ${p(x, 'fromName')} felt too easy, so it makes way for ${p(x, 'toName')}, a move from the ${p(x, 'toLane')} lane.`,
  'backup.step': (x) =>
    `${reasonText(p(x, 'reason'))} So ${p(x, 'fromName')} steps back to ${p(x, 'toName')} for now. You can move up to ${p(x, 'fromName')} again once your back has settled and ${p(x, 'toName')} feels easy.`,
  'backup.lane': (x) =>
    `${reasonText(p(x, 'reason'))} So ${p(x, 'toName')} comes back in place of ${p(x, 'fromName')}, and the program is in the ${p(x, 'toLane')} lane for now.`,
  'stage.later': (x) =>
    `Things have been steady for ${p(x, 'weeks')} weeks, so the plan changes to three longer sessions a week, with short movement snacks and a walk on the other days. Each move is now done for two sets, three if it still feels easy, with about a minute's rest between them.`,
  'backup.swap': (x) =>
    `${reasonText(p(x, 'reason'))} ${p(x, 'fromName')} leaves your plan for now and ${p(x, 'toName')} takes its place. It can come back later, once your back has settled.`,
  'backup.loaded': (x) =>
    `${reasonText(p(x, 'reason'))} ${p(x, 'fromName')} uses a weight, so it makes way for ${p(x, 'toName')} until your back has settled again.`,
  'restart.lower': (x) =>
    `You have had a break of ${p(x, 'days')} days, so your moves restart one step lower. Undo this to keep your previous moves instead.`,
  'picks.refit': (x) => `${p(x, 'fromName')} no longer fits what you told us about your back, so ${p(x, 'toName')} takes its place.`,
  'move.allowed': (x) => `${p(x, 'name')} can be picked again, as you asked. Stop it if your leg feels worse.`,
  'stage.early': (x) => `${reasonText(p(x, 'reason'))} The plan goes back to short sessions two or three times a day until your back settles.`,
  'schedule.changed': () => 'Your plan days and sessions per day are as you set them.',
};

function reasonText(reason: string): string {
  switch (reason) {
    case 'worse':
      return 'You felt worse after the last session.';
    case 'lingering':
      return 'Symptoms lasted more than a day after a session.';
    case 'leg-worse':
      return 'Your leg felt worse. If a leg or foot feels weaker, or numbness is spreading, please answer the safety questions again now.';
    default:
      return 'Things flared up.';
  }
}

const NOTE_TEXT: Record<NoteCode, (params: ProgramParams) => string> = {
  'soreness.normal': () =>
    'Muscle soreness for a day or two after new exercises is common, and it is not a reason to step back. Sharp pain, pain spreading into your leg, or pain that does not ease is different: answer "worse" when that happens.',
  'progress.wait-stable': () => 'Nothing moves up today: steps go up only when your back is steady or better.',
  'progress.wait-calm': () => 'Steps up, and weighted moves, wait until your back has been settled for about a week.',
  'progress.wait-time': () => 'Nothing moves up yet: each step gets at least two days, over a few sessions, so you can see how your back takes it.',
  'lane.wait-calm': (x) => `The ${p(x, 'lane')} lane waits until your back has been settled for about a week.`,
  'lane.wait-time': (x) => `The ${p(x, 'lane')} lane waits until you have had at least a week in your current lane.`,
  'backup.gentlest': (x) =>
    `${reasonText(p(x, 'reason'))} Keep sessions short and stay with what feels comfortable. If this happens again, please check in with a physiotherapist or doctor.`,
  'held.safety': () => 'The home program waits until the safety questions are answered or a clinician has cleared you.',
  'held.not-calm': (x) => `${p(x, 'name')} uses a weight, so it rests while your back settles. You will do ${p(x, 'previousName')} instead this time.`,
  'leg-worse.recheck': () =>
    'Your leg felt worse. If a leg or foot feels weaker, numbness is spreading, or anything changed around your groin, bladder or bowels, please answer the safety questions again now.',
  'direction.rethink': (x) => `Your leg felt worse after ${p(x, 'name')}. Would you like to check again which direction eases your back?`,
  'held.bones': () =>
    'Because you mentioned thin bones or long-term steroids, the knee hug and moves with a weight wait until your clinician says they suit you. The other moves are fine to do.',
  'flare.plan': () =>
    'Flare-ups happen and usually settle. For the next day or two, keep moving a little and often: short easy walks, the positions and moves that ease your back, and short sessions. Long spells in bed tend not to help. If leg symptoms spread, or weakness or numbness appear, answer the safety questions again.',
  'leg-worse.see-clinician': () =>
    'Your leg has felt worse more than once this week. Please book to see your doctor or a physiotherapist in the next few days and tell them what you noticed.',
};

const CAUTION_TEXT: Record<CautionCode, string> = {
  'floor.get-down':
    'Floor move: get down and up in stages, holding something sturdy, and roll onto your side instead of sitting straight up. A firm bed is fine instead of the floor.',
  'direction.leg-spread':
    'If leg pain builds or travels further down your leg during this move, stop it and answer "worse" at the end. Your direction may need a rethink.',
  'loaded.start-light':
    'Uses a weight: start with something light, such as a full shopping bag, taken from a table rather than the floor. Keep breathing.',
  'loaded.calm-only':
    'Uses a weight: only once your back has been settled for about a week and the stick hinge feels easy. Start with something like a full shopping bag (a few kilos), taken from a chair, not the floor.',
  'nerve.light-tension':
    'Nerve glide: a gentle slide, not a stretch. Keep the pull faint, about 2–3 out of 10. Stop if tingling, numbness or leg pain builds, or is still there when you finish.',
};

/** The "How?" steps behind a caution (only getting down to the floor and up has them). */
const CAUTION_HELP: Partial<Record<CautionCode, readonly string[]>> = {
  'floor.get-down': [
    'Getting down: stand beside a sturdy chair or sofa and hold it. Lower one knee to the floor, then the other, put your hands down, lower onto one hip, lie on your side, then roll onto your back.',
    'Getting up: bend your knees, roll onto your side, push up onto your hands and knees, bring one foot forward, and stand with a hand on the chair or your thigh. Take your time at each stage.',
  ],
};

/**
 * Shown at the start of every session and reachable throughout it: when to stop a move, and which
 * signs mean emergency help now (the same urgency as the safety check's emergency signs, shared/red-flags.ts).
 */
export type SessionRuleCode = 'session.stop-rule' | 'session.emergency';
const SESSION_RULE_TEXT: Record<SessionRuleCode, string> = {
  'session.stop-rule':
    'Stop the move you are doing if pain shoots or spreads further down your leg, if pins and needles, numbness or weakness appear or grow, or if pain turns sharp and does not settle within a few breaths. Leg pain that eases, or draws back up towards your back, is fine: carry on gently.',
  'session.emergency': `Stop and get emergency help now if you notice numbness around your groin, genitals or bottom, new trouble peeing or controlling your bowels, symptoms in both legs, or a leg or foot that is suddenly getting weak. ${URGENCY_ADVICE.emergency.action}`,
};

/** General notes shown on the program's start screen. */
export type ProgramNoteCode = 'program.pregnancy';
const PROGRAM_NOTE_TEXT: Record<ProgramNoteCode, string> = {
  'program.pregnancy':
    'Pregnant? Check these moves with your midwife, doctor or physio first. From around the middle of pregnancy, skip lying face down and long spells flat on your back; lying on your side or propped up is fine.',
};
export const programNoteText = (code: ProgramNoteCode): string => PROGRAM_NOTE_TEXT[code];

/** The questions around a session, worded so muscle soreness is kept apart from symptoms. */
export type QuestionCode = 'ask.lingering' | 'ask.closing' | 'ask.leg' | 'ask.soreness' | 'ask.nerve-glide-again';
const QUESTION_TEXT: Record<QuestionCode, string> = {
  'ask.lingering':
    'Since your last session day, did your usual back or leg symptoms stay worse than normal for more than a day? Muscle soreness does not count here.',
  'ask.closing': 'Compared with before this session, how do your back and legs feel now?',
  'ask.leg': 'Did pain, tingling or numbness in your leg get stronger, or reach further down than before?',
  'ask.soreness': 'Do any muscles feel worked or achy, as after a workout?',
  'ask.nerve-glide-again': 'Your leg felt worse after the nerve glide, so it was taken out of your plan. Would you like to try it again?',
};

export const changeText = (code: ChangeCode, params: ProgramParams): string => CHANGE_TEXT[code](params);
export const noteText = (code: NoteCode, params: ProgramParams = {}): string => NOTE_TEXT[code](params);
export const cautionText = (code: CautionCode): string => CAUTION_TEXT[code];
export const cautionHelp = (code: CautionCode): string[] => [...(CAUTION_HELP[code] ?? [])];
export const sessionRuleText = (code: SessionRuleCode): string => SESSION_RULE_TEXT[code];
export const questionText = (code: QuestionCode): string => QUESTION_TEXT[code];
