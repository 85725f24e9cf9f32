import type { Tolerance, WeeklySummary } from './summary';

/**
 * This week against last week, in plain words, with the honesty rules spelled out:
 *
 * - Pain: a change counts as meaningful only when it reaches the minimal important difference
 *   (MID) of the 0–10 pain scale: 2 points or 30% of where it was, whichever is larger (Ostelo
 *   et al., "Interpreting change scores for pain and functional status in low back pain",
 *   Spine 2008;33(1):90–94: 2 points or 30%). "Whichever is larger" is the floor for low
 *   baselines: from 3 a 1-point drop is 33% but only 1 point, and is not meaningful; from 8
 *   it takes 2.4 points. Smaller changes are reported as they are, never celebrated. Rises use
 *   the same yardstick, so a meaningful rise (at either end of the pain range) is said plainly.
 * - Pain needs at least MIN_CHECKINS check-ins in each week to be compared at all: one
 *   check-in is a single day, not a week, and gets no verdict.
 * - Mixed weeks are called mixed: pain meaningfully lower at one end of the range and higher at
 *   the other, or sitting better while pain is worse (and the other way round).
 * - Comfortable sitting: the Kaplan–Meier median ("about N minutes"). A median exists when the
 *   Kaplan–Meier survival (the share of stretches still comfortable) falls to 0.5 or below at
 *   some discomfort report (shared/summary.ts); stretches that ended early without discomfort
 *   leave the count from then on, so this can happen with fewer than half of all stretches
 *   reporting discomfort. When it never falls that low there is no median, only "at least N
 *   minutes" (the longest stretch): a lower bound, so two lower bounds are never called "up" or
 *   "down". Changes under 2 minutes or under 10% are "about the same".
 * - Thin data is said out loud: fewer than MIN_STRETCHES stretches means no claim about sitting
 *   time; no check-ins means no claim about pain.
 *
 * Everything here is pure; the UI and the CLI render the structured result.
 */

/** Below this many stretches in a week, we do not say how long the user sits comfortably. */
export const MIN_STRETCHES = 3;
/** The minimal important difference on the 0–10 scale is at least this many points… */
export const MEANINGFUL_PAIN_POINTS = 2;
/** …and at least this share of the starting value, whichever is larger (Ostelo 2008). */
export const MEANINGFUL_PAIN_SHARE = 0.3;
/** Fewer check-ins than this in either week: no verdict on pain. */
export const MIN_CHECKINS = 2;

/** The minimal important difference from a starting value: max(2 points, 30% of it). */
export function painMid(before: number): number {
  return Math.max(MEANINGFUL_PAIN_POINTS, MEANINGFUL_PAIN_SHARE * Math.max(0, before));
}
/** Sitting-time changes smaller than both of these are "about the same". */
export const TOLERANCE_SAME_MIN = 2;
export const TOLERANCE_SAME_SHARE = 0.1;

const EPSILON = 1e-9;

export type PainTrend = 'meaningful-drop' | 'small-drop' | 'same' | 'small-rise' | 'meaningful-rise';

export interface PainChange {
  trend: PainTrend;
  /** Points down (negative when pain went up). */
  drop: number;
  /** Share of the starting value, down (negative when up); null when it started at 0. */
  dropShare: number | null;
  meaningful: boolean;
}

/**
 * Compares two pain values (0–10, averages allowed). Null when either is missing. Meaningful
 * means at least `painMid(before)`: 2 points or 30%, whichever is larger.
 */
export function painChange(before: number | null, after: number | null): PainChange | null {
  if (before === null || after === null || !Number.isFinite(before) || !Number.isFinite(after)) return null;
  const drop = before - after;
  const dropShare = before > 0 ? drop / before : null;
  const big = Math.abs(drop) >= painMid(before) - EPSILON;
  let trend: PainTrend;
  if (Math.abs(drop) < EPSILON) trend = 'same';
  else if (drop > 0) trend = big ? 'meaningful-drop' : 'small-drop';
  else trend = big ? 'meaningful-rise' : 'small-rise';
  return { trend, drop, dropShare, meaningful: trend === 'meaningful-drop' || trend === 'meaningful-rise' };
}

/** True when pain dropped by at least max(2 points, 30%): the only kind of pain change we celebrate. */
export function isMeaningfulPainDrop(before: number | null, after: number | null): boolean {
  return painChange(before, after)?.trend === 'meaningful-drop';
}

/** "1 minute", "38 minutes". Whole minutes: the data is not more precise than that. */
export function minutesText(minutes: number): string {
  const n = Math.max(0, Math.round(minutes));
  return `${n} minute${n === 1 ? '' : 's'}`;
}

/** "about 38 minutes", "at least 45 minutes", or null for an empty week. */
export function toleranceText(t: Tolerance): string | null {
  if (t.medianMin !== null) return `about ${minutesText(t.medianMin)}`;
  if (t.atLeastMin !== null) return `at least ${minutesText(t.atLeastMin)}`;
  return null;
}

/** Pain and other averages: one decimal at most, "3" rather than "3.0". */
export function scoreText(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
}

export type Topic = 'sitting' | 'pain' | 'stiffness' | 'walking' | 'confidence' | 'breaks' | 'routines';
/** How the UI should present a line: better and worse are real changes, thin means too little data. */
export type Tone = 'better' | 'worse' | 'mixed' | 'same' | 'info' | 'thin';

/** Parameters of a sentence's code (DESIGN.md "Language"): numbers, word ids and flags. */
export type ChangeParams = Record<string, string | number | boolean>;

export interface ChangeLine {
  topic: Topic;
  tone: Tone;
  /** The sentence in English (unchanged; the CLI's and tests' reference). */
  text: string;
  /** A stable code and its parameters, for the sentence in another language (shared/meaningful-change-text.ts). */
  code: string;
  params: ChangeParams;
}

export interface WeekComparison {
  /** One short sentence for the top of the screen. */
  headline: string;
  /** The headline as a code and parameters (rendered by shared/meaningful-change-text.ts). */
  headlineCode: { code: string; params: ChangeParams };
  lines: ChangeLine[];
  /** Lines written in the check-ins of the week. */
  wins: string[];
  /** True when the week had too little data for the main claims (sitting time and pain). */
  thin: boolean;
}

export interface CompareOptions {
  /** The week being shown is the current one ("this week", "last week"); otherwise "that week". */
  current?: boolean;
}

const round = (n: number) => Math.round(n);

function sittingLine(week: WeeklySummary, previous: WeeklySummary | null, words: Words): ChangeLine {
  const count = week.stretchCount;
  if (count === 0) {
    return { topic: 'sitting', tone: 'thin', text: `No sitting was recorded ${words.thisWeek}.`, code: 'sitting.none', params: { period: words.period } };
  }
  if (count < MIN_STRETCHES) {
    return {
      topic: 'sitting',
      tone: 'thin',
      text: `Only ${count} sitting stretch${count === 1 ? ' was' : 'es were'} recorded ${words.thisWeek} — too few to say how long you sit comfortably (that needs at least ${MIN_STRETCHES}).`,
      code: 'sitting.few',
      params: { period: words.period, count, min: MIN_STRETCHES },
    };
  }
  const now = week.tolerance;
  const before = week.previousTolerance;
  const previousThin = previous !== null && previous.stretchCount < MIN_STRETCHES;
  const nowText = toleranceText(now)!;
  const atLeastNote =
    now.medianMin === null
      ? ' Your comfortable share of stretches never fell to half, so this is your longest comfortable stretch — the real figure may be higher.'
      : '';

  const lead = `You sat comfortably for ${nowText} at a stretch`;
  const base: ChangeParams = {
    period: words.period,
    nowKind: now.medianMin !== null ? 'about' : 'atLeast',
    now: round(now.medianMin ?? now.atLeastMin ?? 0),
    note: atLeastNote !== '',
  };

  if (previousThin || toleranceText(before) === null) {
    return {
      topic: 'sitting',
      tone: 'info',
      text: `${lead} ${words.thisWeek}. ${capitalise(words.lastWeek)} had too little sitting to compare with.${atLeastNote}`,
      code: 'sitting.noCompare',
      params: base,
    };
  }

  // Both medians: a real comparison.
  if (now.medianMin !== null && before.medianMin !== null) {
    return {
      topic: 'sitting',
      tone: compareMinutes(now.medianMin, before.medianMin),
      text: withChange(lead, now.medianMin, before.medianMin, 'about', words),
      code: `sitting.${{ better: 'up', worse: 'down', same: 'same' }[compareMinutes(now.medianMin, before.medianMin) as 'better' | 'worse' | 'same']}`,
      params: { ...base, before: round(before.medianMin) },
    };
  }
  // This week at least X, last week about Y: if X ≥ Y it is truly up; otherwise we cannot tell.
  if (now.medianMin === null && before.medianMin !== null) {
    const x = now.atLeastMin!;
    const y = before.medianMin;
    if (compareMinutes(x, y) === 'better') {
      return {
        topic: 'sitting',
        tone: 'better',
        text: `${lead}, up from about ${round(y)} ${words.lastWeek}.${atLeastNote}`,
        code: 'sitting.upFromAbout',
        params: { ...base, before: round(y) },
      };
    }
    return {
      topic: 'sitting',
      tone: 'info',
      text: `${lead} ${words.thisWeek} (${words.lastWeek}: about ${minutesText(y)}).${atLeastNote}`,
      code: 'sitting.vs',
      params: { ...base, beforeKind: 'about', before: Math.max(0, round(y)) },
    };
  }
  // This week about X, last week at least Y: if X < Y it is truly down; otherwise we cannot tell.
  if (now.medianMin !== null && before.medianMin === null) {
    const x = now.medianMin;
    const y = before.atLeastMin!;
    if (compareMinutes(x, y) === 'worse') {
      return {
        topic: 'sitting',
        tone: 'worse',
        text: `${lead}, down from at least ${round(y)} ${words.lastWeek}. Harder weeks happen; shorter, more frequent breaks can help.`,
        code: 'sitting.downFromAtLeast',
        params: { ...base, before: round(y) },
      };
    }
    return {
      topic: 'sitting',
      tone: 'info',
      text: `${lead} ${words.thisWeek} (${words.lastWeek}: at least ${minutesText(y)}).`,
      code: 'sitting.vs',
      params: { ...base, beforeKind: 'atLeast', before: Math.max(0, round(y)) },
    };
  }
  // Two lower bounds: no direction can be claimed.
  return {
    topic: 'sitting',
    tone: 'info',
    text: `${lead} ${words.thisWeek} (${words.lastWeek}: at least ${minutesText(before.atLeastMin!)}).${atLeastNote}`,
    code: 'sitting.vs',
    params: { ...base, beforeKind: 'atLeast', before: Math.max(0, round(before.atLeastMin!)) },
  };
}

function compareMinutes(now: number, before: number): Tone {
  const diff = now - before;
  const share = before > 0 ? Math.abs(diff) / before : Infinity;
  if (Math.abs(diff) < TOLERANCE_SAME_MIN || share < TOLERANCE_SAME_SHARE) return 'same';
  return diff > 0 ? 'better' : 'worse';
}

function withChange(lead: string, now: number, before: number, qualifier: string, words: Words): string {
  const tone = compareMinutes(now, before);
  if (tone === 'better') return `${lead}, up from ${round(before)} ${words.lastWeek}.`;
  if (tone === 'worse')
    return `${lead}, down from ${round(before)} ${words.lastWeek}. Harder weeks happen; shorter, more frequent breaks can help.`;
  return `${lead} — about the same as ${words.lastWeek} (${qualifier} ${round(before)}).`;
}

function painLine(week: WeeklySummary, previous: WeeklySummary | null, words: Words): ChangeLine {
  const c = week.checkins;
  if (c.count === 0 || c.painLow === null || c.painHigh === null) {
    return {
      topic: 'pain',
      tone: 'thin',
      text: `No check-ins ${words.thisWeek}, so there is nothing to say about pain. A check-in takes about a minute.`,
      code: 'pain.none',
      params: { period: words.period },
    };
  }
  const range = `${scoreText(c.painLow)} to ${scoreText(c.painHigh)} out of 10`;
  const basis = c.count === 1 ? ' (from one check-in)' : '';
  const lead = `Your pain ran from about ${range} on average${basis}`;
  const p = previous?.checkins;
  const base: ChangeParams = { period: words.period, low: c.painLow, high: c.painHigh, one: c.count === 1 };
  if (!p || p.count === 0 || p.painHigh === null || p.painLow === null) {
    return {
      topic: 'pain',
      tone: 'info',
      text: `${lead} ${words.thisWeek}. There was no check-in ${words.lastWeek} to compare with.`,
      code: 'pain.noPrevious',
      params: base,
    };
  }
  const was = `${scoreText(p.painLow)} to ${scoreText(p.painHigh)}`;
  const withWas: ChangeParams = { ...base, wasLow: p.painLow, wasHigh: p.painHigh };
  if (c.count < MIN_CHECKINS || p.count < MIN_CHECKINS) {
    const which =
      c.count < MIN_CHECKINS && p.count < MIN_CHECKINS
        ? 'each week had only one check-in'
        : c.count < MIN_CHECKINS
          ? `${words.thisWeek} had only one check-in`
          : `${words.lastWeek} had only one check-in`;
    return {
      topic: 'pain',
      tone: 'info',
      text: `${lead} ${words.thisWeek} (${words.lastWeek}: ${was}). No verdict yet: ${which}, and a single day says little about a week. Comparing needs at least ${MIN_CHECKINS} check-ins in each.`,
      code: 'pain.noVerdict',
      params: {
        ...withWas,
        which: c.count < MIN_CHECKINS && p.count < MIN_CHECKINS ? 'both' : c.count < MIN_CHECKINS ? 'this' : 'last',
        min: MIN_CHECKINS,
      },
    };
  }
  const high = painChange(p.painHigh, c.painHigh)!;
  const low = painChange(p.painLow, c.painLow)!;
  const isDrop = (t: PainChange) => t.trend === 'meaningful-drop';
  const isRise = (t: PainChange) => t.trend === 'meaningful-rise';
  const mid = `at least ${MEANINGFUL_PAIN_POINTS} points, or ${Math.round(MEANINGFUL_PAIN_SHARE * 100)}% when pain was above ${scoreText(MEANINGFUL_PAIN_POINTS / MEANINGFUL_PAIN_SHARE)}`;
  if (
    (isDrop(high) || isDrop(low)) &&
    (isRise(high) || isRise(low) || high.trend === 'small-rise' || low.trend === 'small-rise')
  ) {
    const down = isDrop(high)
      ? 'your worst pain came down meaningfully'
      : 'your pain at its lowest came down meaningfully';
    const up =
      isRise(high) || isRise(low)
        ? isRise(high)
          ? 'your worst pain went up meaningfully'
          : 'your pain at its lowest went up meaningfully'
        : isDrop(high)
          ? 'your pain at its lowest went up a little'
          : 'your worst pain went up a little';
    return {
      topic: 'pain',
      tone: 'mixed',
      text: `${lead}, against ${was} ${words.lastWeek}: a mixed week — ${down}, but ${up}.`,
      code: 'pain.mixed',
      params: {
        ...withWas,
        down: isDrop(high) ? 'worst' : 'lowest',
        up:
          isRise(high) || isRise(low)
            ? isRise(high)
              ? 'worst'
              : 'lowest'
            : isDrop(high)
              ? 'lowestLittle'
              : 'worstLittle',
      },
    };
  }
  if (isRise(high) || isRise(low)) {
    const which =
      isRise(high) && isRise(low) ? 'your pain' : isRise(high) ? 'your worst pain' : 'your pain at its lowest';
    return {
      topic: 'pain',
      tone: 'worse',
      text: `${lead}, up from ${was} ${words.lastWeek}: ${which} went up meaningfully. Flare-ups are common and usually settle; if pain keeps climbing or spreads down a leg, talk to a clinician.`,
      code: 'pain.worse',
      params: { ...withWas, which: isRise(high) && isRise(low) ? 'all' : isRise(high) ? 'worst' : 'lowest' },
    };
  }
  if (isDrop(high)) {
    return {
      topic: 'pain',
      tone: 'better',
      text: `${lead}, down from ${was} ${words.lastWeek} — a meaningful drop in your worst pain.`,
      code: 'pain.betterWorst',
      params: withWas,
    };
  }
  if (isDrop(low)) {
    return {
      topic: 'pain',
      tone: 'better',
      text: `${lead}, down from ${was} ${words.lastWeek} — a meaningful drop in your pain at its lowest.`,
      code: 'pain.betterLowest',
      params: withWas,
    };
  }
  const smallDown = high.trend === 'small-drop' || low.trend === 'small-drop';
  const smallUp = high.trend === 'small-rise' || low.trend === 'small-rise';
  if (smallDown && smallUp) {
    return {
      topic: 'pain',
      tone: 'same',
      text: `${lead}, a little lower at one end and a little higher at the other than ${words.lastWeek} (${was}) — within the usual ups and downs.`,
      code: 'pain.smallBoth',
      params: withWas,
    };
  }
  if (smallDown) {
    return {
      topic: 'pain',
      tone: 'same',
      text: `${lead}, a little lower than ${words.lastWeek} (${was}) — not yet a meaningful change, which takes a drop of ${mid}.`,
      code: 'pain.smallDown',
      params: {
        ...withWas,
        points: MEANINGFUL_PAIN_POINTS,
        share: MEANINGFUL_PAIN_SHARE,
        above: MEANINGFUL_PAIN_POINTS / MEANINGFUL_PAIN_SHARE,
      },
    };
  }
  if (smallUp) {
    return {
      topic: 'pain',
      tone: 'same',
      text: `${lead}, a little higher than ${words.lastWeek} (${was}) — within the usual ups and downs.`,
      code: 'pain.smallUp',
      params: withWas,
    };
  }
  return { topic: 'pain', tone: 'same', text: `${lead}, the same as ${words.lastWeek}.`, code: 'pain.same', params: withWas };
}

/** Stiffness (less is better), walking and confidence (more is better), compared when both weeks have them. */
function otherCheckinLines(week: WeeklySummary, previous: WeeklySummary | null, words: Words): ChangeLine[] {
  const c = week.checkins;
  if (c.count === 0) return [];
  const p = previous && previous.checkins.count > 0 ? previous.checkins : null;
  const lines: ChangeLine[] = [];
  const add = (
    topic: Topic,
    lead: string,
    now: number | null,
    before: number | null | undefined,
    unit: (v: number) => string,
    lowerIsBetter: boolean,
    sameWithin: number,
  ) => {
    if (now === null) return;
    let text = `${lead} ${unit(now)}`;
    let tone: Tone = 'info';
    const params: ChangeParams = { period: words.period, value: now, compare: 'none' };
    if (before !== null && before !== undefined) {
      const diff = now - before;
      if (Math.abs(diff) < sameWithin) {
        tone = 'same';
        text += `, about the same as ${words.lastWeek}`;
        params.compare = 'same';
      } else {
        tone = diff < 0 === lowerIsBetter ? 'better' : 'worse';
        text += `, ${diff > 0 ? 'up' : 'down'} from ${scoreText(before)} ${words.lastWeek}`;
        params.compare = diff > 0 ? 'up' : 'down';
        params.before = before;
      }
    }
    lines.push({ topic, tone, text: `${text}.`, code: `other.${topic}`, params });
  };
  const mins = (v: number) => `about ${minutesText(v)}`;
  add('stiffness', 'Morning stiffness lasted', c.stiffnessMin, p?.stiffnessMin, mins, true, 5);
  add('walking', 'On check-in days you walked', c.walkingMin, p?.walkingMin, mins, false, 5);
  add(
    'confidence',
    'Your confidence for the task you are working towards was',
    c.confidence,
    p?.confidence,
    (v) => `${scoreText(v)} out of 10`,
    false,
    1,
  );
  return lines;
}

function breaksLine(week: WeeklySummary, previous: WeeklySummary | null, words: Words): ChangeLine {
  const b = week.breaks;
  if (b.due === 0)
    return {
      topic: 'breaks',
      tone: 'thin',
      text: `No breaks came due ${words.thisWeek}.`,
      code: 'breaks.none',
      params: { period: words.period },
    };
  const asked = b.taken + b.skipped;
  const natural = b.natural
    ? ` ${b.natural} more time${b.natural === 1 ? '' : 's'} you had already got up on your own.`
    : '';
  if (b.adherence === null || asked === 0) {
    return {
      topic: 'breaks',
      tone: 'info',
      text: `${capitalise(words.thisWeek)}, every break that came due found you already up and about (${b.natural}).`,
      code: 'breaks.allNatural',
      params: { period: words.period, natural: b.natural },
    };
  }
  const pct = Math.round(b.adherence * 100);
  let text = `You took ${b.taken} of the ${asked} break${asked === 1 ? '' : 's'} you were prompted for (${pct}%).${natural}`;
  let tone: Tone = 'info';
  const params: ChangeParams = {
    period: words.period,
    taken: b.taken,
    asked,
    share: b.adherence,
    natural: b.natural,
    compare: 'none',
  };
  const pa = previous?.breaks.adherence;
  if (pa !== null && pa !== undefined) {
    const before = Math.round(pa * 100);
    const diff = pct - before;
    if (Math.abs(diff) < 10) {
      tone = 'same';
      text += ` About the same as ${words.lastWeek} (${before}%).`;
      params.compare = 'same';
      params.before = pa;
    } else {
      tone = diff > 0 ? 'better' : 'worse';
      text += ` ${capitalise(words.lastWeek)}: ${before}%.`;
      params.compare = 'diff';
      params.before = pa;
    }
  }
  return { topic: 'breaks', tone, text, code: 'breaks.took', params };
}

function routinesLine(week: WeeklySummary, words: Words): ChangeLine | null {
  if (week.routineMinutes <= 0) return null;
  const f = week.feelings;
  const rated = f.better + f.same + f.worse;
  const times = (n: number) => `${n} time${n === 1 ? '' : 's'}`;
  const parts = [
    f.better ? `better ${times(f.better)}` : null,
    f.same ? `the same ${times(f.same)}` : null,
    f.worse ? `worse ${times(f.worse)}` : null,
  ].filter(Boolean);
  const feel = rated ? ` Afterwards you felt ${parts.join(', ')}.` : '';
  const mins = week.routineMinutes;
  const amount = mins < 1 ? 'less than a minute' : minutesText(mins);
  return {
    topic: 'routines',
    tone: 'info',
    text: `You spent ${amount} moving in routines ${words.thisWeek}.${feel}`,
    code: 'routines',
    params: { period: words.period, minutes: mins, better: f.better, same: f.same, worse: f.worse },
  };
}

interface Words {
  thisWeek: string;
  lastWeek: string;
  /** Which words: the current weeks ("this week", "last week") or past ones ("that week", "the week before"). */
  period: 'current' | 'past';
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * Compares a week's summary with the one before. `previous` is that earlier week's own summary
 * (for its stretch and check-in counts); the sitting comparison uses `week.previousTolerance`.
 */
export function compareWeeks(
  week: WeeklySummary,
  previous: WeeklySummary | null,
  options: CompareOptions = {},
): WeekComparison {
  const words: Words =
    options.current === false
      ? { thisWeek: 'that week', lastWeek: 'the week before', period: 'past' }
      : { thisWeek: 'this week', lastWeek: 'last week', period: 'current' };
  const sitting = sittingLine(week, previous, words);
  const pain = painLine(week, previous, words);
  const lines = [sitting, pain, ...otherCheckinLines(week, previous, words), breaksLine(week, previous, words)];
  const routines = routinesLine(week, words);
  if (routines) lines.push(routines);
  const thin = sitting.tone === 'thin' && pain.tone === 'thin';
  const head = headline(week, previous, lines, words, thin);
  return {
    headline: head.text,
    headlineCode: { code: head.code, params: { period: words.period, ...head.params } },
    lines,
    wins: [...week.wins],
    thin,
  };
}

function headline(
  week: WeeklySummary,
  previous: WeeklySummary | null,
  lines: ChangeLine[],
  words: Words,
  thin: boolean,
): { text: string; code: string; params: ChangeParams } {
  const said = (text: string, code: string, params: ChangeParams = {}) => ({ text, code, params });
  if (thin) return said(`Not enough recorded ${words.thisWeek} to say how things are going yet.`, 'headline.thin');
  const main = lines.filter((l) => l.topic === 'sitting' || l.topic === 'pain');
  const others = lines.filter((l) => l.topic !== 'sitting' && l.topic !== 'pain');
  const up = main
    .filter((l) => l.tone === 'better')
    .map((l) => (l.topic === 'sitting' ? 'you sat comfortably for longer' : 'your pain came down meaningfully'));
  const down = main
    .filter((l) => l.tone === 'worse')
    .map((l) => (l.topic === 'sitting' ? 'comfortable sitting was shorter' : 'your pain was higher'));
  const mixedPain = main.some((l) => l.tone === 'mixed');
  if (mixedPain) {
    const sitting = main.find((l) => l.topic === 'sitting')?.tone;
    const extra =
      sitting === 'better'
        ? '; you sat comfortably for longer'
        : sitting === 'worse'
          ? '; comfortable sitting was shorter'
          : '';
    return said(`A mixed week: your pain went down at one end of its range and up at the other${extra}.`, 'headline.mixedPain', {
      sitting: sitting === 'better' ? 'longer' : sitting === 'worse' ? 'shorter' : 'none',
    });
  }
  const upIds = main.filter((l) => l.tone === 'better').map((l) => l.topic).join(',');
  const downIds = main.filter((l) => l.tone === 'worse').map((l) => l.topic).join(',');
  if (up.length && down.length)
    return said(`A mixed week: ${up.join(' and ')}, but ${down.join(' and ')}.`, 'headline.mixed', { up: upIds, down: downIds });
  if (up.length === 2) return said(`A good week: ${up[0]} and ${up[1]}.`, 'headline.good', { up: upIds });
  if (up.length === 1) return said(`Progress ${words.thisWeek}: ${up[0]}.`, 'headline.progress', { up: upIds });
  if (down.length)
    return said(`A harder week than ${words.lastWeek}: ${down.join(' and ')}. One week is not a trend.`, 'headline.harder', {
      down: downIds,
    });
  // Nothing moved clearly. Was there anything to compare with?
  const sittingBefore =
    toleranceText(week.previousTolerance) !== null && (previous === null || previous.stretchCount >= MIN_STRETCHES);
  const painBefore = !!previous && previous.checkins.count >= MIN_CHECKINS && week.checkins.count >= MIN_CHECKINS;
  if (!sittingBefore && !painBefore) return said(`Nothing from ${words.lastWeek} to compare with yet.`, 'headline.nothingBefore');
  const otherUp = others.some((l) => l.tone === 'better');
  const otherDown = others.some((l) => l.tone === 'worse');
  if (otherDown && !otherUp)
    return said(`No big change in sitting or pain from ${words.lastWeek}; a few other things were harder.`, 'headline.otherHarder');
  if (otherUp && !otherDown)
    return said(`No big change in sitting or pain from ${words.lastWeek}, and a few other things improved.`, 'headline.otherBetter');
  return said(`A steady week: no big changes from ${words.lastWeek}.`, 'headline.steady');
}
