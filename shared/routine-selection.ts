import type { Feeling } from './history';
import type { Profile } from './profile';
import type { ActiveRoutine, RoutineStepView } from './state';
import { ROUTINES, exerciseById, routineById, type Exercise, type Routine } from './routines';
import { findDirection, type BreakFeeling, type Direction, type DirectionFinding } from './direction-finding';

export { findDirection, describeFinding, type BreakFeeling, type DirectionFinding } from './direction-finding';

// ------------------------------------------------------------------ step swaps ("worse" answers)

/**
 * One swapped step: the exercise (the key) is replaced by its gentler one. DESIGN.md: when a
 * routine felt worse, ask which step, swap that step only; offer it again once things settle.
 */
export interface StepSwap {
  /** When the user said this step felt worse. */
  at: string;
  /** Sessions with this swap in play answered better or same since the swap (or the last "not yet"). */
  goodRuns: number;
}

/** What the engine keeps (main/core/store-adaptations.ts): swaps by exercise id. */
export type StepSwaps = Readonly<Record<string, StepSwap>>;

/**
 * Version 1 kept "worse" counts per exercise (two swapped it). Still accepted so stored
 * counts keep working: a count of WORSE_SWAP_THRESHOLD or more is a swap.
 */
export type WorseCounts = Readonly<Record<string, number>>;
export const WORSE_SWAP_THRESHOLD = 2;

/** After this many good sessions in a row with a swap in play, the original step is offered again. */
export const REOFFER_AFTER_GOOD_RUNS = 5;

type SwapSource = Readonly<Record<string, StepSwap | number>>;
const isSwapped = (source: SwapSource, id: string) => {
  const v = source[id];
  return typeof v === 'number' ? v >= WORSE_SWAP_THRESHOLD : !!v;
};

/** Turns version-1 worse counts into swaps (store migration): two or more became a swap. */
export function swapsFromWorseCounts(worse: WorseCounts, at: string): Record<string, StepSwap> {
  const out: Record<string, StepSwap> = {};
  for (const [id, count] of Object.entries(worse)) if (count >= WORSE_SWAP_THRESHOLD) out[id] = { at, goodRuns: 0 };
  return out;
}

/** Follows the gentler chain past every exercise that is swapped. */
export function effectiveExercise(exercise: Exercise, swaps: SwapSource): Exercise {
  let current = exercise;
  const seen = new Set<string>();
  while (isSwapped(swaps, current.id) && current.gentlerId && !seen.has(current.id)) {
    seen.add(current.id);
    const gentler = exerciseById(current.gentlerId);
    if (!gentler) break;
    current = gentler;
  }
  return current;
}

export function buildActiveRoutine(routine: Routine, swaps: SwapSource): ActiveRoutine {
  const steps: RoutineStepView[] = routine.steps.map((step) => {
    const original = exerciseById(step.exerciseId);
    if (!original) throw new Error(`Routine "${routine.id}" names an unknown exercise "${step.exerciseId}"`);
    const used = effectiveExercise(original, swaps);
    return {
      id: used.id,
      name: used.name,
      seconds: step.seconds,
      cues: [...used.cues],
      posture: used.posture,
      bias: used.bias,
      sides: used.sides,
      illustration: used.illustration,
      swappedFrom: used.id === original.id ? null : original.id,
    };
  });
  return { id: routine.id, steps };
}

/**
 * "This step felt worse": swap that step (the exercise as shown, `stepId`) for its gentler
 * one. Unknown ids and the gentlest step ("rest") change nothing. Returns new swaps.
 */
export function applyWorseStep(swaps: StepSwaps, stepId: string, at: string): StepSwaps {
  const exercise = exerciseById(stepId);
  if (!exercise || !exercise.gentlerId) return swaps;
  return { ...swaps, [stepId]: { at, goodRuns: 0 } };
}

/** The swaps in play in a routine as played: every exercise between the original and the one shown. */
export function swapsInPlay(routine: Pick<ActiveRoutine, 'steps'>, swaps: StepSwaps): string[] {
  const out = new Set<string>();
  for (const step of routine.steps) {
    if (!step.swappedFrom) continue;
    let current = exerciseById(step.swappedFrom);
    const seen = new Set<string>();
    while (current && current.id !== step.id && !seen.has(current.id)) {
      seen.add(current.id);
      if (swaps[current.id]) out.add(current.id);
      current = current.gentlerId ? exerciseById(current.gentlerId) : undefined;
    }
  }
  return [...out];
}

/**
 * After a routine's feeling answer: better or same counts as a good session for every swap in
 * play; worse starts their count again (things have not settled). Null (no answer) changes nothing.
 */
export function applyFeeling(
  swaps: StepSwaps,
  routine: Pick<ActiveRoutine, 'steps'>,
  feeling: Feeling | null,
): StepSwaps {
  if (!feeling) return swaps;
  const inPlay = swapsInPlay(routine, swaps);
  if (!inPlay.length) return swaps;
  const next: Record<string, StepSwap> = { ...swaps };
  for (const id of inPlay) {
    const swap = next[id]!;
    next[id] = { ...swap, goodRuns: feeling === 'worse' ? 0 : swap.goodRuns + 1 };
  }
  return next;
}

/** Steps to offer again (exercise ids, catalogue order): REOFFER_AFTER_GOOD_RUNS good sessions since the swap. */
export function stepsToReoffer(swaps: StepSwaps): string[] {
  return Object.entries(swaps)
    .filter(([, swap]) => swap.goodRuns >= REOFFER_AFTER_GOOD_RUNS)
    .map(([id]) => id)
    .sort((a, b) => a.localeCompare(b));
}

/**
 * The user's answer to "try this step again?": yes removes the swap (the original step comes
 * back); not yet keeps it and starts counting good sessions again.
 */
export function applyReoffer(swaps: StepSwaps, stepId: string, accept: boolean): StepSwaps {
  const swap = swaps[stepId];
  if (!swap) return swaps;
  const next: Record<string, StepSwap> = { ...swaps };
  if (accept) delete next[stepId];
  else next[stepId] = { ...swap, goodRuns: 0 };
  return next;
}

// ------------------------------------------------------------------ choosing routines

/**
 * The direction a routine leans: extension when it bends the back backwards, flexion when it
 * rounds or tucks, null when it stays neutral (the wall angel is an upper-back move: neutral).
 * The catalogue never mixes the two in one routine.
 */
export function routineBias(routine: Routine): Direction | null {
  for (const step of routine.steps) {
    const bias = exerciseById(step.exerciseId)?.bias;
    if (bias === 'extension' || bias === 'flexion') return bias;
  }
  return null;
}

/** True when every step is done sitting down. */
export function isSeatedRoutine(routine: Routine): boolean {
  return routine.steps.every((step) => exerciseById(step.exerciseId)?.posture === 'seated');
}

/** True when every step is kind to an irritable leg nerve (shared/routines.ts `gentleForLegs`). */
export function isGentleForLegs(routine: Routine): boolean {
  return routine.steps.every((step) => exerciseById(step.exerciseId)?.gentleForLegs === true);
}

/**
 * Whether a routine suits the profile at all:
 * - cannot stand: seated routines only;
 * - bending back eases the back (extension): nothing that rounds or tucks;
 * - standing and arching hurt (flexion): never a back bend;
 * - unsure: both directions (found with the user, see `findDirection`).
 * The plain walking break is not a guided routine and is never in these lists.
 */
export function routineFitsProfile(routine: Routine, profile: Profile): boolean {
  if (routine.kind === 'plain') return false;
  if (!profile.canStand && !isSeatedRoutine(routine)) return false;
  const bias = routineBias(routine);
  if (profile.directionalPreference === 'extension' && bias === 'flexion') return false;
  if (profile.directionalPreference === 'flexion' && bias === 'extension') return false;
  return true;
}

/**
 * The routines a user may pick from in the break prompt, best first: the user's direction,
 * then neutral ones, then the other direction (unsure users); gentle-for-legs ones first when
 * the user has leg symptoms; nerve glides last and only with leg symptoms (offered, never forced).
 */
export function offeredRoutines(profile: Profile, wanted: Direction | null = null): Routine[] {
  const direction = profile.directionalPreference === 'unsure' ? wanted : profile.directionalPreference;
  const rank = (r: Routine) => {
    if (r.kind === 'nerve-glide') return 100;
    const legs = profile.legSymptoms && !isGentleForLegs(r) ? 10 : 0;
    const bias = routineBias(r);
    const dir = bias === null ? 1 : bias === direction || direction === null ? 0 : 2;
    const seated = profile.canStand && isSeatedRoutine(r) ? 3 : 0;
    return legs + dir + seated;
  };
  return ROUTINES.filter(
    (r) => routineFitsProfile(r, profile) && (r.kind !== 'nerve-glide' || profile.legSymptoms),
  ).sort((a, b) => rank(a) - rank(b) || ROUTINES.indexOf(a) - ROUTINES.indexOf(b));
}

/**
 * The routines `chooseRoutine` may pick on its own: fitting, never nerve glides, on the user's
 * feet when they can stand, and with leg symptoms only routines gentle for the legs (no long
 * strides, leg swings, deep knee bends or forward bends that pull on the back of the leg).
 */
export function autoRoutines(profile: Profile): Routine[] {
  return ROUTINES.filter(
    (r) =>
      r.kind !== 'nerve-glide' &&
      routineFitsProfile(r, profile) &&
      (profile.canStand ? !isSeatedRoutine(r) : true) &&
      (!profile.legSymptoms || isGentleForLegs(r)),
  );
}

/** A safe routine for everybody, should the catalogue ever leave a profile with nothing. */
const FALLBACK_ROUTINE_ID = 'seated-reset';

/**
 * For an unsure user, what the answers so far say (null for users who chose a direction).
 * The engine and the renderer ask the same question of the same history.
 */
export function directionFindingFor(profile: Profile, breaks: readonly BreakFeeling[]): DirectionFinding | null {
  return profile.directionalPreference === 'unsure' ? findDirection(breaks) : null;
}

/**
 * Picks the next routine.
 * - The user's fixed choice (settings.routineId) when it is one they are offered; otherwise auto.
 * - Auto: two breaks out of three carry the user's direction (extension: the standing back bend;
 *   flexion: hands-to-thighs and seated tucks, the rounded desk stretch, the seated knee hug),
 *   the third is a neutral one (hips, wall angels, breathing resets). Within a group the least
 *   recently used routine wins, and the routine just done is not repeated while another fits.
 * - Unsure: the direction is found with the user (`findDirection` over `recentBreaks`): each
 *   direction is offered in turn until the answers say which suits; then that one; neutral
 *   only when both felt worse. Without `recentBreaks` the directions simply take turns.
 * - Leg symptoms: only routines gentle for the legs (`autoRoutines`).
 * - Nerve glides and the plain walking break are never chosen automatically.
 * `recentRoutineIds` and `recentBreaks` are oldest first (the engine passes its break history).
 */
export function chooseRoutine(
  profile: Profile,
  preference: string,
  recentRoutineIds: readonly string[],
  recentBreaks: readonly BreakFeeling[] = recentRoutineIds.map((routineId) => ({ routineId, feeling: null })),
): Routine {
  if (preference !== 'auto') {
    const fixed = offeredRoutines(profile).find((r) => r.id === preference);
    if (fixed) return fixed;
  }
  const recent = recentRoutineIds.map((id) => routineById(id));
  const lastId = recentRoutineIds.at(-1);
  const isDirectional = (r: Routine | undefined) => !!r && routineBias(r) !== null;

  const pool = autoRoutines(profile);
  const directional = (direction: Direction) => pool.filter((r) => routineBias(r) === direction);
  const neutral = pool.filter((r) => routineBias(r) === null);
  let wanted: Direction | null;
  let other: Direction | null;
  if (profile.directionalPreference === 'unsure') {
    const finding = findDirection(recentBreaks);
    if (finding.status === 'found') {
      wanted = finding.direction;
      other = null;
    } else if (finding.status === 'neither') {
      wanted = null;
      other = null;
    } else {
      wanted = finding.next;
      other = wanted === 'extension' ? 'flexion' : 'extension';
    }
  } else {
    wanted = profile.directionalPreference;
    other = null;
  }
  // Neutral after two directional routines in a row: D, D, N, D, D, N …
  const neutralTurn = recent.length >= 2 && isDirectional(recent.at(-1)) && isDirectional(recent.at(-2));
  const want = wanted ? directional(wanted) : [];
  const rest = other ? directional(other) : [];
  const groups = neutralTurn || !wanted ? [neutral, want, rest] : [want, neutral, rest];

  const lastUse = (id: string) => recentRoutineIds.lastIndexOf(id);
  const leastRecent = (candidates: Routine[]) =>
    [...candidates].sort((a, b) => lastUse(a.id) - lastUse(b.id) || ROUTINES.indexOf(a) - ROUTINES.indexOf(b))[0];
  for (const group of groups) {
    const pick = leastRecent(group.filter((r) => r.id !== lastId));
    if (pick) return pick;
  }
  const allowed = pool.filter((r) => (wanted === null ? routineBias(r) === null : true));
  return leastRecent(allowed) ?? leastRecent(pool) ?? routineById(FALLBACK_ROUTINE_ID) ?? ROUTINES[0]!;
}
