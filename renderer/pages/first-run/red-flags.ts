import { RED_FLAGS, TICKABLE_RED_FLAGS, redFlagById, type RedFlag, type RedFlagId } from '../../../shared/red-flags';

/**
 * The warning signs the safety screen asks about: the list, its urgency and its sources live
 * in shared/red-flags.ts (the engine's gate and this screen read the same list).
 */
export const RED_FLAG_COPY: readonly RedFlag[] = TICKABLE_RED_FLAGS;
export { RED_FLAGS };

export function redFlagLabel(id: RedFlagId): string {
  return redFlagById(id)?.label ?? id;
}
