import { describe, expect, it } from 'vitest';
import { fixedT } from '../../shared/i18n';
import { suggestInterval, type SmartIntervalInput, type SmartIntervalResult } from '../../shared/smart-interval';
import { reasonPartText, smartIntervalReasonText } from '../../shared/smart-interval-text';
import { DAY, MIN, NOW, input, repeat, stretches } from './smart-interval-fixtures';

const ago = (days: number, i = 0) => new Date(NOW.getTime() - days * DAY + i * MIN).toISOString();
const comfortAt = (n: number, after: number, minutes = after + 20) =>
  stretches(repeat(n, () => ({ minutes, discomfortAfter: after })));

/** One input per branch of suggestInterval, with the code of its last sentence. */
const cases: [string, string, SmartIntervalInput][] = [
  ['none yet', 'notEnoughData', input({})],
  ['one stretch', 'notEnoughData', input({ stretches: comfortAt(1, 30) })],
  ['nine stretches', 'notEnoughData', input({ stretches: comfortAt(9, 30) })],
  ['lower', 'lower', input({ stretches: comfortAt(12, 20) })],
  ['lower, clamped at 10', 'lower', input({ stretches: comfortAt(12, 5) })],
  ['no reason to shorten', 'keep.noShorten', input({ stretches: stretches(repeat(12, () => ({ minutes: 20 }))) })],
  ['raise gently', 'raise.gentle', input({ stretches: comfortAt(12, 50) })],
  ['raise gently, target clamped to max', 'raise.gentle', input({ stretches: comfortAt(12, 70) })],
  ['raise within 10%', 'raise.within', input({ stretches: comfortAt(12, 40) })],
  ['at least: raise', 'raise.gentle', input({ stretches: stretches(repeat(12, () => ({ minutes: 60 }))) })],
  ['fits', 'keep.fits', input({ stretches: comfortAt(12, 38) })],
  ['raised less than a week ago', 'keep.recentRaise', input({ stretches: comfortAt(12, 50), lastRaiseAt: ago(2) })],
  [
    'flare from pain (decimals)',
    'keep.flare',
    input({
      stretches: comfortAt(12, 50),
      checkins: [
        { at: ago(10), painHigh: 3.5 },
        { at: ago(2), painHigh: 5.75 },
      ],
    }),
  ],
  [
    'flare from pain and reports',
    'keep.flare',
    input({
      stretches: [
        ...stretches(repeat(6, () => ({ minutes: 70, discomfortAfter: 50, daysAgo: 10 }))),
        ...stretches(repeat(6, () => ({ minutes: 70, discomfortAfter: 50, daysAgo: 2 }))),
      ],
      discomforts: [{ at: ago(10) }, { at: ago(2, 0) }, { at: ago(2, 1) }, { at: ago(2, 2) }, { at: ago(2, 3) }],
      checkins: [
        { at: ago(10), painHigh: 2 },
        { at: ago(2), painHigh: 6 },
      ],
    }),
  ],
];

const results = cases.map(([name, code, given]) => [name, code, suggestInterval(given)] as const);

describe('smart interval reasons as codes', () => {
  const en = fixedT('en');

  it.each(results)('%s: the English rendered from the codes is the reason, exactly', (_name, code, result) => {
    expect(result.reasonParts.at(-1)?.code).toBe(code);
    expect(smartIntervalReasonText(en, result, 'en')).toBe(result.reason);
  });

  it('covers both flare reasons, joined as in English', () => {
    const both = results.find(([name]) => name === 'flare from pain and reports')![2] as Extract<
      SmartIntervalResult,
      { kind: 'keep' }
    >;
    expect(both.flare?.reasonParts.map((p) => p.code)).toEqual(['flare.pain', 'flare.reports']);
    expect(both.reason).toContain('; and you reported discomfort 4 times');
  });

  it('the maximum sentence renders from its code (not reachable from suggestInterval: the target never exceeds the maximum)', () => {
    expect(reasonPartText(en, { code: 'keep.atMax', params: { max: 45 } }, 'en')).toBe(
      'Your interval is already at your maximum of 45 minutes.',
    );
    expect(reasonPartText(fixedT('de'), { code: 'keep.atMax', params: { max: 45 } }, 'de')).toBe(
      'Dein Abstand ist schon bei deinem Maximum von 45 Minuten.',
    );
  });

  for (const lang of ['de', 'es', 'fr'] as const) {
    it(`${lang}: every branch renders from the catalogue, not the English fallback`, () => {
      const t = fixedT(lang);
      for (const [name, , result] of results) {
        const text = smartIntervalReasonText(t, result, lang);
        expect(text, name).not.toBe(result.reason);
        for (const part of result.reasonParts)
          expect(
            reasonPartText(t, part, lang, result.kind === 'not-enough-data' ? null : result.flare),
            `${name} ${part.code}`,
          ).not.toBe('');
        expect(text, name).not.toMatch(/\{\{|smartInterval:|undefined|NaN/);
      }
    });
  }

  it('numbers follow the language: German decimal comma in the flare clause', () => {
    const flare = results.find(([name]) => name === 'flare from pain (decimals)')![2];
    expect(flare.reason).toContain('rose from about 3.5 to 5.8 out of 10');
    expect(smartIntervalReasonText(fixedT('de'), flare, 'de')).toContain('von etwa 3,5 auf 5,8 von 10');
  });

  it('a result without codes (older engine) shows its English reason', () => {
    expect(smartIntervalReasonText(fixedT('de'), { reason: 'Plain.' }, 'de')).toBe('Plain.');
  });
});
