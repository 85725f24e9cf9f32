/**
 * The home program's rules, pure (no clock, no files). Sources in shared/seed/back-pain-roadmap.txt:
 * - lanes calm → control → capacity, start in calm ("three-lane road", "Build from calm to control to capacity");
 * - early plan: two or three 5–10 minute sessions a day ("Getting started at home the first few weeks");
 * - later plan, once symptoms calm: three structured sessions a week plus daily movement snacks
 *   ("Once symptoms calm, three structured sessions per week paired with daily micro-mobility");
 * - three moves that ease symptoms, five days a week; walk most days ("A compact checklist");
 * - progress one variable when stable or improving and too easy; back up a step when symptoms
 *   linger beyond 24 hours or leg pain gets worse; soreness is common ("When to add or change exercises");
 * - loaded hinge only when symptoms are calm; nerve glides at light tension for leg symptoms.
 * How fast it may move is in ./pace.ts; the plan by day in ./plan.ts; summaries in ./summaries.ts.
 */
import type { Profile } from '../profile';
import { LANES, PROGRAM_EXERCISES, laneIndex, programExerciseById, type Lane, type ProgramExercise } from './exercises';
import type { ChangeCode, NoteCode, ProgramParams } from './messages';
import {
  BREAK_DAYS,
  CALM_MIN_SESSIONS,
  DAY_MS,
  daysSinceLastSession,
  lanePaceOk,
  legWorseCount,
  LEG_WORSE_CARD_COUNT,
  lingerQuestionDue,
  setbackOf,
  stepPaceOk,
  symptomsCalm,
  type SetbackReason,
} from './pace';
import type { Answer, Change, PlanSnapshot, ProgramState, SessionRecord } from './state';

export * from './pace';
export * from './plan';
export * from './summaries';

/**
 * "Later" (three structured sessions a week) after this many stable weeks: the program is at least
 * that old, no setback in that time, and each of those weeks had CALM_MIN_SESSIONS sessions or more.
 * Our reading of "once symptoms calm" and "many acute cases improve meaningfully within two to six weeks".
 */
export const STABLE_WEEKS_FOR_LATER = 2;

export interface Note {
  code: NoteCode;
  params: ProgramParams;
}

export type ProfileSteer = Pick<Profile, 'directionalPreference' | 'legSymptoms'> & { redFlags?: Profile['redFlags'] };

/** Thin bones or long-term steroids mentioned in the safety check (even once cleared). */
export const bonesCare = (profile: ProfileSteer): boolean => profile.redFlags?.present.includes('osteoporosis-steroids') === true;
/** End-range flexion and weighted moves wait for a clinician's word when bonesCare holds (review S17). */
const BONES_WAIT = new Set(['knee-to-chest']);

/** Ready for the later plan: STABLE_WEEKS_FOR_LATER steady weeks in a row. */
export function readyForLater(state: Pick<ProgramState, 'startedAt' | 'sessions'>, now: number): boolean {
  if (!state.startedAt || now - Date.parse(state.startedAt) < STABLE_WEEKS_FOR_LATER * 7 * DAY_MS) return false;
  for (let w = 0; w < STABLE_WEEKS_FOR_LATER; w++) {
    const to = now - w * 7 * DAY_MS;
    const week = state.sessions.filter((s) => Date.parse(s.at) > to - 7 * DAY_MS && Date.parse(s.at) <= to);
    if (week.length < CALM_MIN_SESSIONS || week.some((s) => setbackOf(s) !== null)) return false;
  }
  return true;
}

// ---------------------------------------------------------------- choosing moves

export interface Steer {
  lane: Lane;
  profile: ProfileSteer;
  calm: boolean;
}

/**
 * Why a move is not offered, or null when it is. Every weighted move waits for calm. While the
 * direction that eases the back is not known, direction moves are not offered ('unsure': find the
 * direction first, shared/direction-finding.ts); a user who picks them anyway may have one direction.
 */
export function ineligibleReason(exercise: ProgramExercise, steer: Steer): 'lane' | 'direction' | 'unsure' | 'legs' | 'bones' | 'calm' | null {
  if (laneIndex(exercise.lane) > laneIndex(steer.lane)) return 'lane';
  const pref = steer.profile.directionalPreference;
  if (exercise.direction && pref !== 'unsure' && exercise.direction !== pref) return 'direction';
  if (exercise.direction && pref === 'unsure') return 'unsure';
  if (exercise.forLegSymptoms && !steer.profile.legSymptoms) return 'legs';
  if (bonesCare(steer.profile) && (exercise.loaded || BONES_WAIT.has(exercise.id))) return 'bones';
  if (exercise.loaded && !steer.calm) return 'calm';
  return null;
}

/** The moves the user may pick from: their lane and the ones before it, steered by the profile. */
export function offeredExercises(steer: Steer): ProgramExercise[] {
  return PROGRAM_EXERCISES.filter((e) => ineligibleReason(e, steer) === null);
}

/**
 * Why a set of picks is refused, or null: each must be offered, except that a user still unsure of
 * their direction may pick direction moves of one direction only (never extension and flexion together).
 */
export function picksRefusal(ids: readonly string[], steer: Steer, resting: readonly string[]): { exerciseId: string; reason: 'not-offered' | 'two-directions' } | null {
  const directions = new Set<string>();
  for (const id of ids) {
    const e = programExerciseById(id)!;
    const why = resting.includes(id) ? 'resting' : ineligibleReason(e, steer);
    if (why === 'unsure') {
      directions.add(e.direction!);
      if (directions.size > 1) return { exerciseId: id, reason: 'two-directions' };
    } else if (why !== null) return { exerciseId: id, reason: 'not-offered' };
  }
  return null;
}

/** Suggested first moves of each lane, most fitting first (the user may accept or swap them). */
export function laneSuggestions(lane: Lane, profile: ProfileSteer): string[] {
  switch (lane) {
    case 'calm': {
      const eases =
        profile.directionalPreference === 'extension' ? 'prone-on-elbows' : profile.directionalPreference === 'flexion' ? 'hands-to-thighs-tilt' : 'pelvic-tilt-small';
      return profile.legSymptoms
        ? [eases, 'nerve-glide-seated', 'breathing-knees-supported', 'hook-lying-march']
        : [eases, 'breathing-knees-supported', 'hook-lying-march', 'pelvic-tilt-small'];
    }
    case 'control':
      return ['bridge-two-leg', 'dead-bug-heel-tap', 'bird-dog', 'side-lying-hip-abduction'];
    case 'capacity':
      return ['hip-hinge-dowel', 'split-squat', 'suitcase-carry'];
  }
}

/** The three moves a new program starts with. */
export function suggestPicks(profile: ProfileSteer): string[] {
  return [...new Set(laneSuggestions('calm', profile))].slice(0, 3);
}

const chainOfId = (id: string) => programExerciseById(id)?.chain;
const chainPicked = (picks: readonly string[], id: string) => picks.some((p) => chainOfId(p) === chainOfId(id));

/** The first suggested move of `lane` not already picked (the entry when the program moves into it). */
export function laneEntry(lane: Lane, picks: readonly string[], profile: ProfileSteer): string | null {
  return laneSuggestions(lane, profile).find((id) => !chainPicked(picks, id)) ?? null;
}

/**
 * Moves kept out of the offer: one swapped out after a setback waits until symptoms are calm again;
 * the nerve glide taken out after a worse leg waits until the user asks for it back (`move.allowed`).
 */
export function restingMoves(state: Pick<ProgramState, 'changes'>, calm: boolean): { id: string; untilAsked: boolean }[] {
  const resting = new Map<string, boolean>();
  for (const c of state.changes) {
    if (c.undoneAt !== null) continue;
    const from = String(c.params.fromId ?? '');
    if (c.code === 'backup.swap') resting.set(from, programExerciseById(from)?.forLegSymptoms === true && c.params.reason === 'leg-worse');
    if (c.code === 'move.allowed') resting.delete(String(c.params.exerciseId));
  }
  return [...resting].filter(([, untilAsked]) => untilAsked || !calm).map(([id, untilAsked]) => ({ id, untilAsked }));
}

/** A move to stand in for one that is leaving: a neutral calm move, then the user's direction's first step. */
function standIn(picks: readonly string[], leaving: string, profile: ProfileSteer, resting: readonly string[]): string | null {
  const direction = profile.directionalPreference === 'extension' ? ['prone-on-elbows'] : profile.directionalPreference === 'flexion' ? ['hands-to-thighs-tilt'] : [];
  const others = picks.filter((p) => p !== leaving);
  return (
    ['breathing-knees-supported', 'hook-lying-march', 'pelvic-tilt-small', ...direction].find(
      (id) => chainOfId(id) !== chainOfId(leaving) && !chainPicked(others, id) && !resting.includes(id),
    ) ?? null
  );
}

/** What a weighted move is done as while symptoms are not calm: its step below, else an unweighted move of its lane. */
export function unloadedForm(id: string, picks: readonly string[], profile: ProfileSteer): string {
  const e = programExerciseById(id);
  if (!e?.loaded) return id;
  if (e.previous) return e.previous;
  const others = picks.filter((p) => p !== id);
  return (
    laneSuggestions(e.lane, profile).find((x) => !programExerciseById(x)?.loaded && !chainPicked(others, x)) ??
    standIn(picks, id, profile, []) ??
    id
  );
}

/** The moves a session serves: weighted moves rest (as their unloaded form) while symptoms are not calm. */
export function servedMoves(picks: readonly string[], calm: boolean, profile: ProfileSteer): { ids: string[]; notes: Note[] } {
  const notes: Note[] = [];
  const ids = picks.map((id) => {
    const to = calm ? id : unloadedForm(id, picks, profile);
    if (to !== id) notes.push({ code: 'held.not-calm', params: { exerciseId: id, name: nameOf(id), previousId: to, previousName: nameOf(to) } });
    return to;
  });
  return { ids, notes };
}

// ---------------------------------------------------------------- changing the plan

export interface Outcome {
  state: ProgramState;
  changes: Change[];
  notes: Note[];
}

const snapshot = (s: Pick<ProgramState, 'lane' | 'stage' | 'picks'>): PlanSnapshot => ({ lane: s.lane, stage: s.stage, picks: [...s.picks] });
const nameOf = (id: string) => programExerciseById(id)?.name ?? id;

function makeChange(state: ProgramState, at: string, code: ChangeCode, params: ProgramParams): Change {
  return { id: `c${state.changes.length + 1}-${Date.parse(at).toString(36)}`, at, code, params, before: snapshot(state), undoneAt: null };
}

/** Changes still in effect, newest first. */
const liveChanges = (state: ProgramState) => state.changes.filter((c) => c.undoneAt === null).reverse();

/** An outcome being built: each applied change records the plan before it (for undo). */
class Draft {
  changes: Change[] = [];
  notes: Note[] = [];
  constructor(
    public state: ProgramState,
    readonly at: string,
  ) {}
  apply(code: ChangeCode, params: ProgramParams, patch: Partial<ProgramState>) {
    const change = makeChange(this.state, this.at, code, params);
    this.state = { ...this.state, ...patch, changes: [...this.state.changes, change] };
    this.changes.push(change);
  }
  replace(from: string, to: string) {
    return { picks: this.state.picks.map((p) => (p === from ? to : p)) };
  }
  outcome(): Outcome {
    return { state: this.state, changes: this.changes, notes: this.notes };
  }
}

/**
 * Backs the plan off after a setback: the move named (or the latest step forward, or the highest
 * step) steps back; a named move with no gentler step leaves the plan for a neutral calm move; any
 * weighted move left steps back too (a safety hold, not a second progression).
 */
function backUp(d: Draft, reason: SetbackReason, named: string | null, profile: ProfileSteer) {
  const target = backupTarget(d.state, named);
  const exercise = target ? programExerciseById(target) : undefined;
  const laneForward = target ? liveChanges(d.state).find((c) => c.code === 'lane.forward' && c.params.toId === target) : undefined;
  if (target && exercise?.previous) {
    d.apply('backup.step', { reason, fromId: target, toId: exercise.previous, fromName: exercise.name, toName: nameOf(exercise.previous) }, d.replace(target, exercise.previous));
  } else if (target && laneForward?.before) {
    const back = String(laneForward.params.fromId);
    // The lane the program was in before that step (never further forward than it is now).
    const toLane = laneIndex(laneForward.before.lane) < laneIndex(d.state.lane) ? laneForward.before.lane : d.state.lane;
    d.apply('backup.lane', { reason, fromId: target, toId: back, fromName: nameOf(target), toName: nameOf(back), toLane }, { lane: toLane, ...d.replace(target, back) });
  } else {
    const swapIn = target && target === named ? standIn(d.state.picks, target, profile, []) : null;
    if (target && swapIn) d.apply('backup.swap', { reason, fromId: target, toId: swapIn, fromName: nameOf(target), toName: nameOf(swapIn) }, d.replace(target, swapIn));
    else d.notes.push({ code: 'backup.gentlest', params: { reason } });
  }
  for (const id of d.state.picks) {
    const to = unloadedForm(id, d.state.picks, profile);
    if (to !== id) d.apply('backup.loaded', { reason, fromId: id, toId: to, fromName: nameOf(id), toName: nameOf(to) }, d.replace(id, to));
  }
  if (d.state.stage === 'later') d.apply('stage.early', { reason }, { stage: 'early' });
}

/** Which pick steps back: the one the user named, else the last one moved forward, else the highest step. */
function backupTarget(state: ProgramState, named: string | null): string | null {
  if (named && state.picks.includes(named)) return named;
  for (const c of liveChanges(state)) {
    if ((c.code === 'progress.step' || c.code === 'lane.forward') && state.picks.includes(String(c.params.toId))) return String(c.params.toId);
  }
  const withPrevious = state.picks
    .map((id) => programExerciseById(id)!)
    .filter((e) => e.previous)
    .sort((a, b) => b.level - a.level);
  return withPrevious[0]?.id ?? null;
}

// ---------------------------------------------------------------- starting a session

export interface SessionStart {
  at: string;
  /** Local calendar day. */
  day: string;
  /** The answer to the lingering question, when it was due (`lingerQuestionDue`); null when not asked. */
  lingering: boolean | null;
}

export interface StartOutcome extends Outcome {
  /** The moves this session serves. */
  exerciseIds: string[];
}

/**
 * Sets a session's moves before it starts: after a long break the moves restart a step lower; a
 * pick that no longer fits the profile is swapped; symptoms that lingered since the last session
 * day back the plan off first; weighted moves rest while symptoms are not calm.
 */
export function startSession(state: ProgramState, start: SessionStart, profile: ProfileSteer): StartOutcome {
  const d = new Draft(state, start.at);
  const now = Date.parse(start.at);
  const away = daysSinceLastSession(state.sessions, now);
  if (away !== null && away >= BREAK_DAYS && state.picks.some((p) => programExerciseById(p)?.previous)) {
    d.apply('restart.lower', { days: away }, { picks: state.picks.map((p) => programExerciseById(p)?.previous ?? p) });
  }
  const calmNow = symptomsCalm(state.sessions, now);
  for (const id of d.state.picks) {
    const why = ineligibleReason(programExerciseById(id)!, { lane: d.state.lane, profile, calm: true });
    if (why !== 'direction' && why !== 'legs' && why !== 'bones') continue;
    const resting = restingMoves(d.state, calmNow).map((r) => r.id);
    const to = [...laneSuggestions('calm', profile), ...laneSuggestions(d.state.lane, profile)].find(
      (x) => !chainPicked(d.state.picks, x) && !resting.includes(x) && ineligibleReason(programExerciseById(x)!, { lane: d.state.lane, profile, calm: calmNow }) === null,
    );
    if (to) d.apply('picks.refit', { fromId: id, toId: to, fromName: nameOf(id), toName: nameOf(to) }, d.replace(id, to));
  }
  if (start.lingering === true && lingerQuestionDue(state.sessions, start.day)) {
    backUp(d, 'lingering', null, profile);
    d.notes.push({ code: 'flare.plan', params: {} });
  }
  const served = servedMoves(d.state.picks, calmNow && start.lingering !== true, profile);
  d.notes.push(...served.notes);
  d.state = { ...d.state, active: { startedAt: start.at, exerciseIds: served.ids, lingering: start.lingering } };
  return { ...d.outcome(), exerciseIds: served.ids };
}

// ---------------------------------------------------------------- ending a session

export interface SessionEnd {
  startedAt: string;
  at: string;
  day: string;
  exerciseIds: string[];
  answer: Answer;
  lingering: boolean;
  /** The lingering answer was given at the session's start and acted on there (not again now). */
  lingeringAtStart?: boolean;
  legWorse: boolean;
  soreness: boolean;
  tooEasy: string[];
  /** The move the user thinks made things worse, if they named one. */
  worseExerciseId?: string | null;
}

/**
 * Records a session and applies the progress rules: at most one step up per session (one variable
 * at a time), only at the pace in ./pace.ts; a setback backs the plan off. Every change is explained
 * and undoable.
 */
export function endSession(state: ProgramState, end: SessionEnd, profile: ProfileSteer): Outcome {
  const record: SessionRecord = {
    startedAt: end.startedAt,
    at: end.at,
    day: end.day,
    lane: state.lane,
    exerciseIds: [...end.exerciseIds],
    answer: end.answer,
    lingering: end.lingering,
    legWorse: end.legWorse,
    soreness: end.soreness,
    tooEasy: [...end.tooEasy],
  };
  const d = new Draft({ ...state, sessions: [...state.sessions, record], active: null }, end.at);
  const now = Date.parse(end.at);

  const reason = setbackOf({ ...record, lingering: end.lingeringAtStart ? false : record.lingering });
  if (record.legWorse) {
    d.notes.push({ code: 'leg-worse.recheck', params: {} });
    if (legWorseCount(d.state.sessions, now) >= LEG_WORSE_CARD_COUNT) d.notes.push({ code: 'leg-worse.see-clinician', params: {} });
    const named = end.worseExerciseId ? programExerciseById(end.worseExerciseId) : undefined;
    const direction = named?.direction ? named : record.exerciseIds.map((id) => programExerciseById(id)).find((e) => e?.direction);
    if (direction) d.notes.push({ code: 'direction.rethink', params: { exerciseId: direction.id, name: direction.name } });
  }
  if (reason) {
    backUp(d, reason, end.worseExerciseId ?? null, profile);
    d.notes.push({ code: 'flare.plan', params: {} });
    if (end.tooEasy.length > 0) d.notes.push({ code: 'progress.wait-stable', params: {} });
    return d.outcome();
  }
  if (end.soreness) d.notes.push({ code: 'soreness.normal', params: {} });
  const calm = symptomsCalm(d.state.sessions, now);
  const easy = d.state.picks.find((p) => end.tooEasy.includes(p));
  const exercise = easy ? programExerciseById(easy) : undefined;
  if (easy && exercise) {
    const up = exercise.next ? programExerciseById(exercise.next) : undefined;
    if (up) {
      if (ineligibleReason(up, { lane: d.state.lane, profile, calm: true }) === 'bones') d.notes.push({ code: 'held.bones', params: { exerciseId: up.id } });
      else if (!calm) d.notes.push({ code: 'progress.wait-calm', params: { exerciseId: up.id } });
      else if (!stepPaceOk(d.state, easy, now, up.loaded)) d.notes.push({ code: 'progress.wait-time', params: { exerciseId: up.id } });
      else
        d.apply('progress.step', { fromId: easy, toId: up.id, fromName: exercise.name, toName: up.name, variable: up.variable ?? 'range' }, d.replace(easy, up.id));
    } else if (laneIndex(exercise.lane) < LANES.length - 1) {
      // The top of its chain: the move makes way for one from the lane after its own (a calm
      // move topping out while the program is already in control brings in another control move).
      const toLane = LANES[laneIndex(exercise.lane) + 1]!;
      const entry = laneEntry(toLane, d.state.picks, profile);
      if (!calm) d.notes.push({ code: 'lane.wait-calm', params: { lane: toLane } });
      else if (!stepPaceOk(d.state, easy, now, false)) d.notes.push({ code: 'progress.wait-time', params: { exerciseId: entry ?? '' } });
      else if (!lanePaceOk(d.state, now)) d.notes.push({ code: 'lane.wait-time', params: { lane: toLane } });
      else if (entry)
        d.apply('lane.forward', { fromId: easy, toId: entry, fromName: exercise.name, toName: nameOf(entry), fromLane: exercise.lane, toLane }, {
          lane: laneIndex(toLane) > laneIndex(d.state.lane) ? toLane : d.state.lane,
          ...d.replace(easy, entry),
        });
    }
  }
  if (d.state.stage === 'early' && readyForLater(d.state, now)) d.apply('stage.later', { weeks: STABLE_WEEKS_FOR_LATER }, { stage: 'later' });
  return d.outcome();
}

/** Undo a change: only the newest one still in effect, so the plan never ends up half-restored. */
export function undoChange(state: ProgramState, changeId: string, at: string): { state: ProgramState } | { error: 'unknown' | 'not-latest' } {
  const change = state.changes.find((c) => c.id === changeId && c.undoneAt === null);
  if (!change) return { error: 'unknown' };
  const latest = liveChanges(state).find((c) => c.before !== null);
  if (!change.before || latest?.id !== change.id) return { error: 'not-latest' };
  return {
    state: {
      ...state,
      ...change.before,
      picks: [...change.before.picks],
      changes: state.changes.map((c) => (c.id === changeId ? { ...c, undoneAt: at } : c)),
    },
  };
}

export function recordChange(state: ProgramState, at: string, code: ChangeCode, params: ProgramParams, patch: Partial<ProgramState>): { state: ProgramState; change: Change } {
  const change = makeChange(state, at, code, params);
  return { state: { ...state, ...patch, changes: [...state.changes, change] }, change };
}
