import { describe, expect, it } from 'vitest';
import {
  compareWeeks,
  isMeaningfulPainDrop,
  painChange,
  painMid,
  scoreText,
  toleranceText,
  type ChangeLine,
} from '../../shared/meaningful-change';
import { kaplanMeier, type Tolerance, type WeeklySummary } from '../../shared/summary';
import { createI18n } from '../../shared/i18n';
import { changeLineText, headlineText } from '../../shared/meaningful-change-text';

const NONE: Tolerance = { medianMin: null, atLeastMin: null };
const about = (m: number): Tolerance => ({ medianMin: m, atLeastMin: null });
const atLeast = (m: number): Tolerance => ({ medianMin: null, atLeastMin: m });

function week(
  patch: Partial<Omit<WeeklySummary, 'checkins' | 'breaks'>> & {
    checkins?: Partial<WeeklySummary['checkins']>;
    breaks?: Partial<WeeklySummary['breaks']>;
  } = {},
): WeeklySummary {
  const { checkins, breaks, ...rest } = patch;
  return {
    weekStart: '2026-11-23T05:00:00.000Z',
    sittingMinutes: 600,
    stretchCount: 12,
    longestStretchMin: 55,
    tolerance: about(38),
    previousTolerance: about(31),
    routineMinutes: 10,
    feelings: { better: 5, same: 4, worse: 1 },
    wins: [],
    ...rest,
    breaks: { due: 12, taken: 8, skipped: 2, natural: 2, snoozes: 3, adherence: 0.8, deferred: 0, ...breaks },
    checkins: {
      count: 2,
      painLow: 2,
      painHigh: 5,
      stiffnessMin: 15,
      walkingMin: 30,
      confidence: 6,
      ...checkins,
    },
  };
}
const noCheckins = { count: 0, painLow: null, painHigh: null, stiffnessMin: null, walkingMin: null, confidence: null };
const line = (lines: ChangeLine[], topic: ChangeLine['topic']) => lines.find((l) => l.topic === topic);

describe('what counts as a meaningful pain change: max(2 points, 30% of the start) (Ostelo 2008)', () => {
  it('hand-worked drops', () => {
    // 3 → 2: 1 point (33%); MID = max(2, 0.3·3 = 0.9) = 2; 1 < 2: small, not meaningful.
    expect(painMid(3)).toBe(2);
    expect(painChange(3, 2)!.trend).toBe('small-drop');
    expect(isMeaningfulPainDrop(3, 2)).toBe(false);
    // 5 → 3: 2 points; MID = max(2, 1.5) = 2; 2 ≥ 2: meaningful.
    expect(painChange(5, 3)!.trend).toBe('meaningful-drop');
    // 8 → 6: 2 points (25%); MID = max(2, 2.4) = 2.4; 2 < 2.4: small.
    expect(painMid(8)).toBeCloseTo(2.4, 9);
    expect(painChange(8, 6)!.trend).toBe('small-drop');
    // 8 → 5.5: 2.5 ≥ 2.4: meaningful.
    expect(painChange(8, 5.5)!.trend).toBe('meaningful-drop');
    // 10 → 7: MID = max(2, 3) = 3; 3 ≥ 3 (floating point allowed for): meaningful.
    expect(painChange(10, 7)!.trend).toBe('meaningful-drop');
    // 1 → 0: 100%, but 1 point < 2: the floor holds for low baselines.
    expect(isMeaningfulPainDrop(1, 0)).toBe(false);
    expect(painChange(6, 4.5)!.meaningful).toBe(false); // 1.5 < 2
  });
  it('rises use the same yardstick, and no change is "same"', () => {
    expect(painChange(4, 6)!.trend).toBe('meaningful-rise'); // +2 ≥ max(2, 1.2)
    expect(painChange(3, 4)!.trend).toBe('small-rise'); // +1 (33%) < 2
    expect(painChange(1, 3)!.trend).toBe('meaningful-rise'); // the lowest pain up 2 points
    expect(painChange(7, 9)!.trend).toBe('small-rise'); // +2 < max(2, 2.1)
    expect(painChange(0, 1)!.trend).toBe('small-rise');
    expect(painChange(5, 5)!.trend).toBe('same');
    expect(isMeaningfulPainDrop(4, 6)).toBe(false);
  });
  it('missing values give no verdict', () => {
    expect(painChange(null, 3)).toBeNull();
    expect(isMeaningfulPainDrop(4, null)).toBe(false);
  });
});

describe('pain verdicts over a week (hand-worked)', () => {
  it('3 → 2 from one check-in a week: no verdict at all, and never "a meaningful drop"', () => {
    const result = compareWeeks(
      week({ checkins: { count: 1, painLow: 1, painHigh: 2 } }),
      week({ checkins: { count: 1, painLow: 1, painHigh: 3 } }),
    );
    const pain = line(result.lines, 'pain')!;
    expect(pain.tone).toBe('info');
    expect(pain.text).toMatch(/No verdict yet: each week had only one check-in/);
    expect(pain.text).not.toMatch(/meaningful drop/);
  });

  it('one check-in in only one of the weeks: still no verdict', () => {
    const pain = line(
      compareWeeks(week({ checkins: { count: 3, painHigh: 2 } }), week({ checkins: { count: 1, painHigh: 6 } })).lines,
      'pain',
    )!;
    expect(pain.tone).toBe('info');
    expect(pain.text).toMatch(/last week had only one check-in/);
  });

  it('3 → 2 from two check-ins each: 1 point < MID 2, "a little lower", not meaningful', () => {
    const pain = line(
      compareWeeks(week({ checkins: { painLow: 1, painHigh: 2 } }), week({ checkins: { painLow: 1, painHigh: 3 } }))
        .lines,
      'pain',
    )!;
    expect(pain.tone).toBe('same');
    expect(pain.text).toMatch(
      /a little lower than last week \(1 to 3\) — not yet a meaningful change, which takes a drop of at least 2 points, or 30% when pain was above 6\.7/,
    );
  });

  it('the lowest pain rose 2 points (1 → 3), the worst the same: harder, not "steady"', () => {
    const result = compareWeeks(
      week({ checkins: { painLow: 3, painHigh: 5 } }),
      week({ checkins: { painLow: 1, painHigh: 5 } }),
    );
    const pain = line(result.lines, 'pain')!;
    expect(pain.tone).toBe('worse');
    expect(pain.text).toMatch(/your pain at its lowest went up meaningfully/);
    expect(result.headline).not.toMatch(/steady/i);
  });

  it('mixed: worst pain 7 → 4 (3 ≥ MID 2.1) but lowest 1 → 3 (2 ≥ MID 2): called mixed, in the line and the headline', () => {
    const result = compareWeeks(
      week({ checkins: { painLow: 3, painHigh: 4 } }),
      week({ checkins: { painLow: 1, painHigh: 7 } }),
    );
    const pain = line(result.lines, 'pain')!;
    expect(pain.tone).toBe('mixed');
    expect(pain.text).toMatch(
      /a mixed week — your worst pain came down meaningfully, but your pain at its lowest went up meaningfully/,
    );
    expect(result.headline).toMatch(/^A mixed week/);
  });

  it('mixed: sitting longer but pain meaningfully higher', () => {
    const result = compareWeeks(
      week({ tolerance: about(45), previousTolerance: about(30), checkins: { painHigh: 7 } }),
      week({ checkins: { painHigh: 4 } }),
    );
    expect(result.headline).toBe('A mixed week: you sat comfortably for longer, but your pain was higher.');
  });
});

describe('when a median exists (the comment in meaningful-change.ts)', () => {
  it('exists with fewer than half of all stretches reporting discomfort, when early ones ended comfortably', () => {
    // 5 stretches: comfortable until they ended at 1, 2 and 3 min; discomfort at 10 and 20 min.
    // Kaplan–Meier: at 10 min 2 stretches still running, 1 event: S = 1 · (1 − 1/2) = 0.5 ≤ 0.5.
    const t = kaplanMeier([
      { minutes: 1, event: false },
      { minutes: 2, event: false },
      { minutes: 3, event: false },
      { minutes: 10, event: true },
      { minutes: 20, event: true },
    ]);
    expect(t).toEqual({ medianMin: 10, atLeastMin: null });
    expect(toleranceText(t)).toBe('about 10 minutes');
  });
  it('does not exist when survival never falls to a half: then "at least" the longest stretch', () => {
    // 4 stretches, one discomfort at 5 min (S = 3/4), the rest comfortable to 30, 40, 50 min.
    const t = kaplanMeier([
      { minutes: 5, event: true },
      { minutes: 30, event: false },
      { minutes: 40, event: false },
      { minutes: 50, event: false },
    ]);
    expect(t).toEqual({ medianMin: null, atLeastMin: 50 });
  });
});

describe('plain words', () => {
  it('tolerance: about, at least, or nothing', () => {
    expect(toleranceText(about(38.4))).toBe('about 38 minutes');
    expect(toleranceText(atLeast(1))).toBe('at least 1 minute');
    expect(toleranceText(NONE)).toBeNull();
    expect(scoreText(2.25)).toBe('2.3');
    expect(scoreText(3)).toBe('3');
  });

  it('says "up from 31" when the median rose', () => {
    const result = compareWeeks(week(), week({ tolerance: about(31) }));
    expect(line(result.lines, 'sitting')).toMatchObject({
      topic: 'sitting',
      tone: 'better',
      text: 'You sat comfortably for about 38 minutes at a stretch, up from 31 last week.',
      code: 'sitting.up',
      params: { period: 'current', nowKind: 'about', now: 38, before: 31 },
    });
  });

  it('calls small sitting changes "about the same"', () => {
    const result = compareWeeks(week({ tolerance: about(32), previousTolerance: about(31) }), week());
    expect(line(result.lines, 'sitting')!.tone).toBe('same');
    expect(line(result.lines, 'sitting')!.text).toContain('about the same as last week');
  });

  it('says a drop in sitting time gently', () => {
    const result = compareWeeks(week({ tolerance: about(20), previousTolerance: about(31) }), week());
    expect(line(result.lines, 'sitting')!.tone).toBe('worse');
    expect(line(result.lines, 'sitting')!.text).toMatch(/down from 31 last week/);
  });

  it('uses "at least" wording when there is no median and never claims a direction between two lower bounds', () => {
    const result = compareWeeks(week({ tolerance: atLeast(55), previousTolerance: atLeast(40) }), week());
    const sitting = line(result.lines, 'sitting')!;
    expect(sitting.text).toMatch(
      /^You sat comfortably for at least 55 minutes at a stretch this week \(last week: at least 40 minutes\)\./,
    );
    expect(sitting.text).toMatch(/real figure may be higher/);
    expect(sitting.tone).toBe('info');
  });

  it("a lower bound above last week's median is a real rise", () => {
    const result = compareWeeks(week({ tolerance: atLeast(45), previousTolerance: about(31) }), week());
    expect(line(result.lines, 'sitting')!.tone).toBe('better');
    expect(line(result.lines, 'sitting')!.text).toMatch(
      /^You sat comfortably for at least 45 minutes at a stretch, up from about 31 last week\./,
    );
  });

  it("a median below last week's lower bound is a real drop; above it, no claim", () => {
    expect(
      line(compareWeeks(week({ tolerance: about(25), previousTolerance: atLeast(40) }), week()).lines, 'sitting')!.tone,
    ).toBe('worse');
    expect(
      line(compareWeeks(week({ tolerance: about(50), previousTolerance: atLeast(40) }), week()).lines, 'sitting')!.tone,
    ).toBe('info');
  });

  it('says when there is too little sitting to say anything', () => {
    const two = compareWeeks(week({ stretchCount: 2, tolerance: about(10) }), week());
    expect(line(two.lines, 'sitting')).toMatchObject({ tone: 'thin' });
    expect(line(two.lines, 'sitting')!.text).toMatch(/Only 2 sitting stretches were recorded this week — too few/);
    const none = compareWeeks(week({ stretchCount: 0, tolerance: NONE }), null);
    expect(line(none.lines, 'sitting')!.text).toBe('No sitting was recorded this week.');
    const lastThin = compareWeeks(week(), week({ stretchCount: 1 }));
    expect(line(lastThin.lines, 'sitting')!.text).toMatch(/Last week had too little sitting to compare with/);
  });

  it('pain: a meaningful drop is called meaningful', () => {
    const result = compareWeeks(
      week({ checkins: { painLow: 1, painHigh: 3 } }),
      week({ checkins: { painLow: 2, painHigh: 5 } }),
    );
    expect(line(result.lines, 'pain')).toMatchObject({
      topic: 'pain',
      tone: 'better',
      text: 'Your pain ran from about 1 to 3 out of 10 on average, down from 2 to 5 last week — a meaningful drop in your worst pain.',
    });
  });

  it('pain: a small drop is reported without celebration', () => {
    const result = compareWeeks(
      week({ checkins: { painLow: 2, painHigh: 4.5 } }),
      week({ checkins: { painLow: 2, painHigh: 5 } }),
    );
    const pain = line(result.lines, 'pain')!;
    expect(pain.tone).toBe('same');
    expect(pain.text).toMatch(/a little lower than last week \(2 to 5\) — not yet a meaningful change/);
    expect(pain.text).not.toMatch(/meaningful drop/);
  });

  it('pain: a meaningful rise is said plainly', () => {
    const pain = line(
      compareWeeks(week({ checkins: { painHigh: 7 } }), week({ checkins: { painHigh: 4 } })).lines,
      'pain',
    )!;
    expect(pain.tone).toBe('worse');
    expect(pain.text).toMatch(/up from 2 to 4 last week/);
  });

  it('pain: no check-ins this week, or none last week', () => {
    const none = compareWeeks(week({ checkins: noCheckins }), week());
    expect(line(none.lines, 'pain')).toMatchObject({ tone: 'thin' });
    expect(none.lines.some((l) => l.topic === 'stiffness')).toBe(false);
    const first = compareWeeks(week({ checkins: { count: 1 } }), week({ checkins: noCheckins }));
    expect(line(first.lines, 'pain')!.text).toMatch(
      /\(from one check-in\) this week\. There was no check-in last week to compare with\./,
    );
  });

  it('stiffness down is better, walking down is worse, confidence compared in points', () => {
    const result = compareWeeks(
      week({ checkins: { stiffnessMin: 10, walkingMin: 20, confidence: 7 } }),
      week({ checkins: { stiffnessMin: 25, walkingMin: 40, confidence: 5 } }),
    );
    expect(line(result.lines, 'stiffness')).toMatchObject({
      tone: 'better',
      text: 'Morning stiffness lasted about 10 minutes, down from 25 last week.',
    });
    expect(line(result.lines, 'walking')).toMatchObject({
      tone: 'worse',
      text: 'On check-in days you walked about 20 minutes, down from 40 last week.',
    });
    expect(line(result.lines, 'confidence')!.text).toBe(
      'Your confidence for the task you are working towards was 7 out of 10, up from 5 last week.',
    );
  });

  it('breaks: adherence with and without prompts', () => {
    const b = compareWeeks(week(), week({ breaks: { adherence: 0.5 } }));
    expect(line(b.lines, 'breaks')!.text).toBe(
      'You took 8 of the 10 breaks you were prompted for (80%). 2 more times you had already got up on your own. Last week: 50%.',
    );
    const none = compareWeeks(week({ breaks: { due: 0, taken: 0, skipped: 0, natural: 0, adherence: null } }), null);
    expect(line(none.lines, 'breaks')).toMatchObject({ tone: 'thin', text: 'No breaks came due this week.' });
    const onlyNatural = compareWeeks(
      week({ breaks: { due: 3, taken: 0, skipped: 0, natural: 3, adherence: null } }),
      null,
    );
    expect(line(onlyNatural.lines, 'breaks')!.text).toMatch(/already up and about/);
  });

  it('the headline never claims steadiness without something to compare with', () => {
    const first = compareWeeks(
      week({ stretchCount: 2 }),
      week({ stretchCount: 0, previousTolerance: NONE, checkins: noCheckins }),
    );
    expect(first.headline).toBe('Nothing from last week to compare with yet.');
    const mixed = compareWeeks(week({ checkins: { painHigh: 8 } }), week());
    expect(mixed.headline).toBe('A mixed week: you sat comfortably for longer, but your pain was higher.');
    const harderOthers = compareWeeks(
      week({ tolerance: about(31), checkins: { stiffnessMin: 40 } }),
      week({ checkins: { stiffnessMin: 10 } }),
    );
    expect(harderOthers.headline).toBe(
      'No big change in sitting or pain from last week; a few other things were harder.',
    );
    const steady = compareWeeks(week({ tolerance: about(31) }), week());
    expect(steady.headline).toBe('A steady week: no big changes from last week.');
  });

  it('routine feelings: only the ones that happened', () => {
    const r = compareWeeks(week({ feelings: { better: 1, same: 0, worse: 0 }, routineMinutes: 1 }), null);
    expect(line(r.lines, 'routines')!.text).toBe(
      'You spent 1 minute moving in routines this week. Afterwards you felt better 1 time.',
    );
  });

  it('headline, wins, and a past week in its own words', () => {
    const good = compareWeeks(
      week({ wins: ['Carried the shopping'], checkins: { painHigh: 3 } }),
      week({ checkins: { painHigh: 5 } }),
    );
    expect(good.headline).toBe('A good week: you sat comfortably for longer and your pain came down meaningfully.');
    expect(good.wins).toEqual(['Carried the shopping']);
    const empty = compareWeeks(week({ stretchCount: 0, tolerance: NONE, checkins: noCheckins }), null, {
      current: false,
    });
    expect(empty.thin).toBe(true);
    expect(empty.headline).toBe('Not enough recorded that week to say how things are going yet.');
    expect(line(empty.lines, 'sitting')!.text).toBe('No sitting was recorded that week.');
  });
});

describe('the comparison as codes and parameters (shared/meaningful-change-text.ts)', () => {
  // Every branch of the sentences: sitting, pain, the other check-in answers, breaks, routines, headlines.
  const pairs: [WeeklySummary, WeeklySummary | null, boolean][] = [];
  const tolerances: [Tolerance, Tolerance][] = [
    [about(38), about(31)], [about(32), about(31)], [about(20), about(38)], [atLeast(45), about(30)], [atLeast(25), about(30)],
    [about(20), atLeast(45)], [about(50), atLeast(45)], [atLeast(40), atLeast(45)], [about(38), NONE],
  ];
  const pains: Partial<WeeklySummary['checkins']>[] = [
    { painLow: 1, painHigh: 3 }, { painLow: 3, painHigh: 2 }, { painLow: 2, painHigh: 8 }, { painLow: 1, painHigh: 4.5 },
    { painLow: 4, painHigh: 4 }, { count: 1 }, noCheckins, { painLow: 2.5, painHigh: 5 }, { painLow: 1, painHigh: 5.5 },
  ];
  for (const [now, before] of tolerances)
    for (const pain of pains)
      for (const current of [true, false]) {
        pairs.push([
          week({ tolerance: now, previousTolerance: before, checkins: pain, stiffnessMin: 5 } as never),
          week({ checkins: { painLow: 2, painHigh: 5, stiffnessMin: 30, walkingMin: 10, confidence: 4 } }),
          current,
        ]);
      }
  pairs.push([week({ stretchCount: 0 }), null, true], [week({ stretchCount: 2 }), week(), false]);
  pairs.push([week({ breaks: { due: 0, taken: 0, skipped: 0, natural: 0, adherence: null } }), week(), true]);
  pairs.push([week({ breaks: { due: 3, taken: 0, skipped: 0, natural: 3, adherence: null } }), week(), false]);
  pairs.push([week({ breaks: { adherence: 0.3, taken: 3, skipped: 7, natural: 1 } }), week(), true]);
  pairs.push([week({ routineMinutes: 0.5, feelings: { better: 0, same: 1, worse: 0 } }), week(), true]);
  pairs.push([week({ stretchCount: 1, checkins: noCheckins }), week(), true]);
  pairs.push([week({ checkins: { count: 1 } }), week({ checkins: { count: 1 } }), true]);
  pairs.push([week({ checkins: { painLow: 2, painHigh: 5 } }), week({ checkins: { count: 1 } }), true]);

  it('renders every line and headline in English exactly as the English text', () => {
    const en = createI18n('en').t;
    let checked = 0;
    for (const [w, prev, current] of pairs) {
      const c = compareWeeks(w, prev, { current });
      expect(headlineText(en, c)).toBe(c.headline);
      for (const l of c.lines) {
        expect(changeLineText(en, l, 'en'), l.code).toBe(l.text);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(150);
  });

  it('renders them in German, Spanish and French from the catalogue (no key, no English fallback)', () => {
    for (const lang of ['de', 'es', 'fr'] as const) {
      const t = createI18n(lang).t;
      for (const [w, prev, current] of pairs) {
        const c = compareWeeks(w, prev, { current });
        const head = headlineText(t, c);
        expect(head).not.toBe(c.headline);
        expect(head).not.toMatch(/progress:|\{\{/);
        for (const l of c.lines) {
          const text = changeLineText(t, l, lang);
          expect(text, `${lang} ${l.code}`).not.toBe(l.text);
          expect(text).not.toMatch(/progress:|\{\{/);
        }
      }
    }
    const de = createI18n('de').t;
    const c = compareWeeks(week({ checkins: { painLow: 1, painHigh: 3 } }), week({ checkins: { painLow: 2, painHigh: 5 } }));
    expect(changeLineText(de, line(c.lines, 'pain')!, 'de')).toBe(
      'Deine Schmerzen lagen im Durchschnitt bei etwa 1 bis 3 von 10, weniger als letzte Woche (2 bis 5) – ein bedeutsamer Rückgang deiner stärksten Schmerzen.',
    );
  });
});
