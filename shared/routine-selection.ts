import type { Profile } from './profile';
import type { ActiveRoutine, RoutineStepView } from './state';
import { ROUTINES, exerciseById, routineById, type Exercise, type Routine } from './routines';

/** Ratings of "worse" per exercise id; two or more swap the exercise for its gentler one. */
export type WorseCounts = Readonly<Record<string, number>>;
export const WORSE_SWAP_THRESHOLD = 2;

/** Follows the gentler chain past every exercise the user has rated worse twice. */
export function effectiveExercise(exercise: Exercise, worse: WorseCounts): Exercise {
  let current = exercise;
  const seen = new Set<string>();
  while ((worse[current.id] ?? 0) >= WORSE_SWAP_THRESHOLD && current.gentlerId && !seen.has(current.id)) {
    seen.add(current.id);
    const gentler = exerciseById(current.gentlerId);
    if (!gentler) break;
    current = gentler;
  }
  return current;
}

export function buildActiveRoutine(routine: Routine, worse: WorseCounts): ActiveRoutine {
  const steps: RoutineStepView[] = routine.steps.map((step) => {
    const original = exerciseById(step.exerciseId);
    if (!original) throw new Error(`Routine "${routine.id}" names an unknown exercise "${step.exerciseId}"`);
    const used = effectiveExercise(original, worse);
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

type Kind = Routine['kind'];
type Direction = 'extension' | 'flexion';

/**
 * The direction a routine leans: extension when it bends the back backwards, flexion when it
 * rounds or tucks, null when it stays neutral. The catalogue never mixes the two in one routine.
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

/**
 * Whether a routine suits the profile at all:
 * - cannot stand: seated routines only;
 * - bending back eases the back (extension): nothing that rounds or tucks;
 * - standing and arching hurt (flexion): never a back bend;
 * - unsure: both directions (they alternate).
 * Nerve glides are judged here like any routine; whether they are offered is `offeredRoutines`.
 */
export function routineFitsProfile(routine: Routine, profile: Profile): boolean {
  if (!profile.canStand && !isSeatedRoutine(routine)) return false;
  const bias = routineBias(routine);
  if (profile.directionalPreference === 'extension' && bias === 'flexion') return false;
  if (profile.directionalPreference === 'flexion' && bias === 'extension') return false;
  return true;
}

/**
 * Which kinds of routine fit the profile, in order of preference. `lastBias` is the direction
 * of the last directional routine the user did (unsure users alternate away from it).
 * Nerve glides come last and only with leg symptoms: they are offered, never chosen for the user.
 */
export function preferredKinds(profile: Profile, lastBias: Direction | null): Kind[] {
  const glides: Kind[] = profile.legSymptoms ? ['nerve-glide'] : [];
  if (!profile.canStand) return ['seated', 'reset', ...glides];
  const extension: Kind[] = ['classic', 'extension'];
  const flexion: Kind[] = ['flexion'];
  const neutral: Kind[] = ['hips', 'reset'];
  switch (profile.directionalPreference) {
    case 'extension':
      return [...extension, ...neutral, 'seated', ...glides];
    case 'flexion':
      return [...flexion, ...neutral, 'seated', ...glides];
    case 'unsure':
      return lastBias === 'extension'
        ? [...flexion, ...extension, ...neutral, 'seated', ...glides]
        : [...extension, ...flexion, ...neutral, 'seated', ...glides];
  }
}

/**
 * The routines a user may pick from in the break prompt, best first: those that fit the profile,
 * and the nerve-glide routines when the user has leg symptoms (offered, never forced).
 */
export function offeredRoutines(profile: Profile, lastBias: Direction | null = null): Routine[] {
  const order = preferredKinds(profile, lastBias);
  return ROUTINES.filter((r) => order.includes(r.kind) && routineFitsProfile(r, profile)).sort(
    (a, b) => order.indexOf(a.kind) - order.indexOf(b.kind),
  );
}

/** The routines `chooseRoutine` may pick on its own: fitting, never nerve glides, on the user's feet when they can stand. */
export function autoRoutines(profile: Profile): Routine[] {
  return ROUTINES.filter(
    (r) =>
      r.kind !== 'nerve-glide' && routineFitsProfile(r, profile) && (profile.canStand ? !isSeatedRoutine(r) : true),
  );
}

/** A safe routine for everybody, should the catalogue ever leave a profile with nothing. */
const FALLBACK_ROUTINE_ID = 'seated-reset';

/**
 * Picks the next routine.
 * - The user's fixed choice (settings.routineId) when it is one they are offered; otherwise auto.
 * - Auto: two breaks out of three carry the user's direction (extension: the standing back bend;
 *   flexion: wall angel, pelvic tilts; unsure: extension and flexion in turn), the third is a
 *   neutral one (hips, breathing reset). Within a group the least recently used routine wins, and
 *   the routine just done is not repeated while another one fits.
 * - Nerve glides are never chosen automatically.
 * `recentRoutineIds` is oldest first.
 */
export function chooseRoutine(profile: Profile, preference: string, recentRoutineIds: readonly string[]): Routine {
  if (preference !== 'auto') {
    const fixed = offeredRoutines(profile).find((r) => r.id === preference);
    if (fixed) return fixed;
  }
  const recent = recentRoutineIds.map((id) => routineById(id));
  const lastId = recentRoutineIds.at(-1);
  const isDirectional = (r: Routine | undefined) => !!r && routineBias(r) !== null;
  const lastDirection =
    [...recent]
      .reverse()
      .map((r) => (r ? routineBias(r) : null))
      .find((b) => b !== null) ?? null;

  const pool = autoRoutines(profile);
  const directional = (direction: Direction) => pool.filter((r) => routineBias(r) === direction);
  const neutral = pool.filter((r) => routineBias(r) === null);
  const wantedDirection: Direction =
    profile.directionalPreference === 'unsure'
      ? lastDirection === 'extension'
        ? 'flexion'
        : 'extension'
      : profile.directionalPreference;
  const otherDirection: Direction = wantedDirection === 'extension' ? 'flexion' : 'extension';
  // Neutral after two directional routines in a row: D, D, N, D, D, N …
  const neutralTurn = recent.length >= 2 && isDirectional(recent.at(-1)) && isDirectional(recent.at(-2));
  const groups = neutralTurn
    ? [neutral, directional(wantedDirection), directional(otherDirection)]
    : [directional(wantedDirection), neutral, directional(otherDirection)];

  const lastUse = (id: string) => recentRoutineIds.lastIndexOf(id);
  const leastRecent = (candidates: Routine[]) =>
    [...candidates].sort((a, b) => lastUse(a.id) - lastUse(b.id) || ROUTINES.indexOf(a) - ROUTINES.indexOf(b))[0];
  for (const group of groups) {
    const pick = leastRecent(group.filter((r) => r.id !== lastId));
    if (pick) return pick;
  }
  return leastRecent(pool) ?? routineById(FALLBACK_ROUTINE_ID) ?? ROUTINES[0]!;
}
