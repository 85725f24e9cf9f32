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

/** Which kinds of routine fit the profile, in order of preference. */
export function preferredKinds(profile: Profile, lastBias: 'extension' | 'flexion' | null): Kind[] {
  if (!profile.canStand) return ['seated'];
  const extension: Kind[] = ['classic', 'extension'];
  const flexion: Kind[] = ['flexion'];
  const neutral: Kind[] = ['hips', 'reset'];
  switch (profile.directionalPreference) {
    case 'extension':
      return [...extension, ...neutral];
    case 'flexion':
      return [...flexion, ...neutral];
    case 'unsure':
      // Alternate between the two directions, starting with whichever was not used last.
      return lastBias === 'extension' ? [...flexion, ...extension, ...neutral] : [...extension, ...flexion, ...neutral];
  }
}

export function routineBias(routine: Routine): 'extension' | 'flexion' | null {
  for (const step of routine.steps) {
    const bias = exerciseById(step.exerciseId)?.bias;
    if (bias === 'extension' || bias === 'flexion') return bias;
  }
  return null;
}

/**
 * Picks the next routine: the user's fixed choice when set, otherwise the first preferred kind's
 * least recently used routine. Nerve glides are offered in the prompt, never chosen automatically.
 */
export function chooseRoutine(
  profile: Profile,
  preference: string,
  recentRoutineIds: readonly string[],
): Routine {
  const fixed = preference !== 'auto' ? routineById(preference) : undefined;
  if (fixed) return fixed;
  const last = recentRoutineIds.length ? routineById(recentRoutineIds[recentRoutineIds.length - 1]!) : undefined;
  const kinds = preferredKinds(profile, last ? routineBias(last) : null);
  const lastUse = (id: string) => recentRoutineIds.lastIndexOf(id);
  const directional: Kind[] = kinds.filter((k) => k !== 'hips' && k !== 'reset');
  // Two of every three breaks carry the user's direction; the third rotates through neutral routines.
  const takeNeutral = recentRoutineIds.length % 3 === 2;
  const wanted = takeNeutral ? kinds.filter((k) => !directional.includes(k)) : directional.slice(0, profile.directionalPreference === 'unsure' ? 1 : directional.length);
  for (const pool of [wanted, kinds]) {
    const candidates = ROUTINES.filter((r) => pool.includes(r.kind));
    if (candidates.length) return [...candidates].sort((a, b) => lastUse(a.id) - lastUse(b.id))[0]!;
  }
  return ROUTINES[0]!;
}
