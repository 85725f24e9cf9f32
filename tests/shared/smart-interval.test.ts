import { describe, expect, it } from 'vitest';
import { detectFlare, suggestInterval } from '../../shared/smart-interval';
import type { StretchObservation } from '../../shared/summary';
import { DAY, MIN, NOW, input, repeat, stretches } from './smart-interval-fixtures';

describe('smart interval', () => {
  it('needs 10 stretches from the last two weeks', () => {
    const nine = stretches(repeat(9, () => ({ minutes: 40, discomfortAfter: 30 })));
    const old = stretches(repeat(5, () => ({ minutes: 40, discomfortAfter: 30, daysAgo: 15 })));
    const result = suggestInterval(input({ stretches: [...nine, ...old] }));
    expect(result).toMatchObject({ kind: 'not-enough-data', stretches: 9, needed: 10 });
    expect(result.reason).toMatch(/at least 10 sitting stretches from the last two weeks; there are 9 so far/);
  });

  it('lowers to 80% of the median comfortable time when breaks come too late', () => {
    // Every stretch brings discomfort at 25 min: median 25, target 20.
    const s = stretches(repeat(12, () => ({ minutes: 35, discomfortAfter: 25 })));
    const result = suggestInterval(input({ stretches: s, currentIntervalMin: 30 }));
    expect(result).toMatchObject({
      kind: 'suggest',
      direction: 'lower',
      minutes: 20,
      target: 20,
      comfort: { kind: 'median', minutes: 25 },
    });
    expect(result.reason).toMatch(/usually started to complain after about 25 minutes/);
    expect(result.reason).toMatch(/80% of that is 20 minutes/);
  });

  it('raises by about 10% a step, not straight to the target', () => {
    const s = stretches(repeat(12, () => ({ minutes: 70, discomfortAfter: 50 })));
    const result = suggestInterval(input({ stretches: s, currentIntervalMin: 30, maxIntervalMin: 60 }));
    expect(result).toMatchObject({ kind: 'suggest', direction: 'raise', minutes: 33, target: 40 });
    expect(result.reason).toMatch(/about 10% a week: 33 minutes now/);
  });

  it('the last step stops at the target', () => {
    const s = stretches(repeat(12, () => ({ minutes: 70, discomfortAfter: 40 })));
    expect(suggestInterval(input({ stretches: s, currentIntervalMin: 30, maxIntervalMin: 60 }))).toMatchObject({
      kind: 'suggest',
      minutes: 32,
      target: 32,
    });
  });

  it('never goes above the user maximum (default: 45, or the current interval if longer)', () => {
    const s = stretches(repeat(12, () => ({ minutes: 150, discomfortAfter: 140 })));
    expect(suggestInterval(input({ stretches: s, currentIntervalMin: 42 }))).toMatchObject({
      kind: 'suggest',
      minutes: 45,
      max: 45,
    });
    expect(suggestInterval(input({ stretches: s, currentIntervalMin: 45 }))).toMatchObject({ kind: 'keep', max: 45 });
    expect(suggestInterval(input({ stretches: s, currentIntervalMin: 50 }))).toMatchObject({ kind: 'keep', max: 50 });
    expect(suggestInterval(input({ stretches: s, currentIntervalMin: 40, maxIntervalMin: 42 }))).toMatchObject({
      minutes: 42,
    });
    // Clamped to 10–120 whatever is asked.
    expect(suggestInterval(input({ stretches: s, currentIntervalMin: 110, maxIntervalMin: 500 }))).toMatchObject({
      minutes: 112,
      target: 112,
      max: 120,
    });
  });

  it('never below 10 minutes', () => {
    const s = stretches(repeat(12, () => ({ minutes: 10, discomfortAfter: 5 })));
    expect(suggestInterval(input({ stretches: s, currentIntervalMin: 30 }))).toMatchObject({
      kind: 'suggest',
      direction: 'lower',
      minutes: 10,
    });
  });

  it('with no median, the longest comfortable stretch is a lower bound: raise towards it, never lower', () => {
    const short = stretches(repeat(12, () => ({ minutes: 20 })));
    const kept = suggestInterval(input({ stretches: short, currentIntervalMin: 30 }));
    expect(kept).toMatchObject({ kind: 'keep', comfort: { kind: 'at-least', minutes: 20 } });
    expect(kept.reason).toMatch(/no reason to shorten it/);
    const long = stretches(repeat(12, (i) => ({ minutes: 60, discomfortAfter: i < 3 ? 30 : undefined })));
    expect(suggestInterval(input({ stretches: long, currentIntervalMin: 30 }))).toMatchObject({
      kind: 'suggest',
      direction: 'raise',
      comfort: { kind: 'at-least', minutes: 60 },
    });
  });

  it('leaves differences under 2 minutes alone', () => {
    const s = stretches(repeat(12, () => ({ minutes: 50, discomfortAfter: 39 }))); // target 31
    const result = suggestInterval(input({ stretches: s, currentIntervalMin: 30 }));
    expect(result).toMatchObject({ kind: 'keep', target: 31 });
    expect(result.reason).toMatch(/already fits/);
  });

  it('paces raises to one a week', () => {
    const s = stretches(repeat(12, () => ({ minutes: 70, discomfortAfter: 50 })));
    const recent = suggestInterval(
      input({ stretches: s, lastRaiseAt: new Date(NOW.getTime() - 3 * DAY).toISOString() }),
    );
    expect(recent).toMatchObject({ kind: 'keep', nextRaiseAt: new Date(NOW.getTime() + 4 * DAY).toISOString() });
    const weekAgo = suggestInterval(
      input({ stretches: s, lastRaiseAt: new Date(NOW.getTime() - 7 * DAY).toISOString() }),
    );
    expect(weekAgo).toMatchObject({ kind: 'suggest', direction: 'raise' });
  });

  it('no raise during a flare: pain up by 2 or more', () => {
    const s = stretches(repeat(12, () => ({ minutes: 70, discomfortAfter: 50 })));
    const checkins = [
      { at: new Date(NOW.getTime() - 10 * DAY).toISOString(), painHigh: 3 },
      { at: new Date(NOW.getTime() - 2 * DAY).toISOString(), painHigh: 5 },
    ];
    const result = suggestInterval(input({ stretches: s, checkins }));
    expect(result).toMatchObject({
      kind: 'keep',
      flare: { reasons: [expect.stringMatching(/rose from about 3 to 5/)] },
    });
    expect(result.reason).toMatch(/not raised this week because it looks like a flare/);
    // A rise of 1.5 is not a flare.
    const mild = [checkins[0]!, { ...checkins[1]!, painHigh: 4.5 }];
    expect(suggestInterval(input({ stretches: s, checkins: mild }))).toMatchObject({ kind: 'suggest', flare: null });
  });

  it('a flare from discomfort reports: at least twice as often per hour and at least 3 more', () => {
    const earlier = stretches(repeat(6, () => ({ minutes: 60, daysAgo: 10 })));
    const recent = stretches(repeat(6, () => ({ minutes: 60, daysAgo: 2 })));
    const at = (daysAgo: number, i: number) => ({
      at: new Date(NOW.getTime() - daysAgo * DAY + i * MIN).toISOString(),
    });
    const sharp = detectFlare({
      now: NOW,
      stretches: [...earlier, ...recent],
      checkins: [],
      discomforts: [at(10, 0), at(2, 0), at(2, 1), at(2, 2), at(2, 3)],
    });
    expect(sharp?.reasons[0]).toMatch(/4 times this past week against 1/);
    const mild = detectFlare({
      now: NOW,
      stretches: [...earlier, ...recent],
      checkins: [],
      discomforts: [at(10, 0), at(10, 1), at(2, 0), at(2, 1), at(2, 2), at(2, 3)],
    });
    expect(mild).toBeNull(); // 4 vs 2: doubled but only 2 more
  });

  it('a flare does not stop a shorter interval', () => {
    const s = stretches(repeat(12, () => ({ minutes: 35, discomfortAfter: 20 })));
    const checkins = [
      { at: new Date(NOW.getTime() - 10 * DAY).toISOString(), painHigh: 2 },
      { at: new Date(NOW.getTime() - 2 * DAY).toISOString(), painHigh: 6 },
    ];
    expect(suggestInterval(input({ stretches: s, checkins }))).toMatchObject({
      kind: 'suggest',
      direction: 'lower',
      minutes: 16,
    });
  });

  it('an open stretch counts, censored now', () => {
    const s = stretches(repeat(9, () => ({ minutes: 40, discomfortAfter: 30 })));
    const open: StretchObservation = {
      start: new Date(NOW.getTime() - 20 * MIN).toISOString(),
      end: null,
      discomfortAt: null,
    };
    expect(suggestInterval(input({ stretches: [...s, open] })).kind).not.toBe('not-enough-data');
  });
});
