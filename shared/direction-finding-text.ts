/**
 * describeFinding (shared/direction-finding.ts, re-exported by routine-selection) in the user's
 * language. The finding is already a code (`status`, `direction`) with parameters (`tally`); this
 * renders it through the `prompt` catalogue (prompt:direction.*). In English it equals
 * describeFinding exactly.
 */
import type { TFunction } from 'i18next';
import type { DirectionFinding } from './direction-finding';

export function findingText(t: TFunction, finding: DirectionFinding): string | null {
  const counts = (d: 'extension' | 'flexion') => t('prompt:direction.counts', { ...finding.tally[d] });
  switch (finding.status) {
    case 'trying':
      return null;
    case 'found':
      return t('prompt:direction.found', {
        moves: t(`prompt:direction.words.${finding.direction}`),
        counts: counts(finding.direction),
      });
    case 'both':
      return t('prompt:direction.both', { extension: counts('extension'), flexion: counts('flexion') });
    case 'neither':
      return t('prompt:direction.neither');
  }
}
