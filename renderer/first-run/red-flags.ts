import type { RedFlagId } from '../../shared/profile';

/**
 * The warning signs the safety screen asks about, in plain words. Ids are the profile's
 * (shared/profile.ts). Nothing here names a condition: the screen only says "get checked first".
 */
export const RED_FLAG_COPY: readonly { id: RedFlagId; label: string; detail: string }[] = [
  {
    id: 'progressive-numbness',
    label: 'Numbness or tingling that keeps getting worse',
    detail: 'It is spreading, or a larger area is affected than before.',
  },
  {
    id: 'significant-weakness',
    label: 'Marked weakness in a leg or foot',
    detail: 'For example, a foot that drags or catches, or a leg that gives way.',
  },
  {
    id: 'saddle-numbness',
    label: 'Numbness in the “saddle” area',
    detail: 'Around the groin, genitals, buttocks or inner thighs: where you would sit on a saddle.',
  },
  {
    id: 'bladder-bowel-change',
    label: 'A new change in bladder or bowel control',
    detail: 'Trouble starting to pass urine, leaking, or not feeling when you need to go.',
  },
  {
    id: 'unexplained-weight-loss',
    label: 'Weight loss you cannot explain',
    detail: 'Losing weight without trying to.',
  },
  {
    id: 'fever',
    label: 'A fever',
    detail: 'A raised temperature, or feeling hot and shivery, along with the back pain.',
  },
  {
    id: 'recent-major-trauma',
    label: 'A recent serious accident or injury',
    detail: 'Such as a bad fall, a car accident or a heavy blow to the back.',
  },
];

/** Signs that should be seen the same day rather than at a routine appointment. */
export const SEE_TODAY: readonly RedFlagId[] = ['saddle-numbness', 'bladder-bowel-change'];

export function redFlagLabel(id: RedFlagId): string {
  return RED_FLAG_COPY.find((f) => f.id === id)?.label ?? id;
}
