import type { TFunction } from 'i18next';
import { RED_FLAGS, TICKABLE_RED_FLAGS, type RedFlag, type RedFlagId } from '../../../shared/red-flags';
import { redFlagText } from '../../../shared/i18n/text';

/**
 * The warning signs the safety screen asks about: the list, its urgency and its sources live
 * in shared/red-flags.ts (the engine's gate and this screen read the same list). Their words
 * come from the `clinical` catalogue (redFlagText), in the user's language.
 */
export const RED_FLAG_COPY: readonly RedFlag[] = TICKABLE_RED_FLAGS;
export { RED_FLAGS };

export function redFlagLabel(t: TFunction, id: RedFlagId): string {
  return redFlagText(t, id).label;
}
