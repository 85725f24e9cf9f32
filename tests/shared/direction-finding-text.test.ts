import { describe, expect, it } from 'vitest';
import { fixedT } from '../../shared/i18n';
import { describeFinding, type DirectionFinding } from '../../shared/routine-selection';
import { findingText } from '../../shared/direction-finding-text';

const tally = {
  extension: { better: 3, same: 1, worse: 0 },
  flexion: { better: 0, same: 2, worse: 2 },
};
const findings: DirectionFinding[] = [
  { status: 'found', direction: 'extension', tally },
  { status: 'found', direction: 'flexion', tally },
  { status: 'both', next: 'flexion', tally },
  { status: 'neither', tally },
  { status: 'trying', next: 'extension', tally },
];

describe('the direction finding (routine-selection) through the language layer', () => {
  it.each(findings.map((f) => [`${f.status}${'direction' in f ? ` ${f.direction}` : ''}`, f] as const))(
    '%s: English rendered from the finding equals describeFinding',
    (_name, finding) => {
      expect(findingText(fixedT('en'), finding)).toBe(describeFinding(finding));
    },
  );

  for (const lang of ['de', 'es', 'fr'] as const) {
    it(`${lang}: every finding renders from the catalogue`, () => {
      const t = fixedT(lang);
      for (const finding of findings) {
        const text = findingText(t, finding);
        if (finding.status === 'trying') {
          expect(text).toBeNull();
          continue;
        }
        expect(text).not.toBe(describeFinding(finding));
        expect(text).not.toMatch(/\{\{|prompt:|undefined/);
      }
      const found = findingText(t, findings[0]!)!;
      expect(found).toContain('3'); // the tally is in the sentence
    });
  }
});
