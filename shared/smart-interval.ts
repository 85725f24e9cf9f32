import { kaplanMeier, type Observation, type StretchObservation } from './summary';
import type { Checkin } from './history';

/**
 * Smart interval (opt-in): a break interval suggested from the user's own sitting data. Pure;
 * nothing here changes a setting. The UI shows the suggestion with its reasons and applies it
 * with `settings/update` only when the user accepts.
 *
 * The rule, as the UI explains it:
 * 1. Enough data: at least MIN_STRETCHES stretches started in the last 14 days.
 * 2. Comfortable sitting time C over those 14 days (Kaplan–Meier, as in the weekly summary):
 *    the median time to the first discomfort report; when fewer than half of the stretches had
 *    one, there is no median and C is the longest stretch ("at least C").
 * 3. Target T = 80% of C, in whole minutes, clamped to 10–120 and never above the user's
 *    maximum.
 * 4. Lower to T at once when C is a real median and T is shorter than the current interval:
 *    breaks should come before the back complains. An "at least" C is only a lower bound, so it
 *    never justifies a shorter interval.
 * 5. Raise towards T by at most about 10% (at least 1 minute) per step, at most one step every
 *    7 days, and not while there is a flare.
 * 6. Differences under 2 minutes are left alone.
 *
 * A flare (comparing the last 7 days with the 7 days before):
 * - the average of the check-ins' highest pain rose by 2 points or more, or
 * - discomfort reports per hour of sitting at least doubled, with at least 3 more reports.
 */

export const MIN_STRETCHES = 10;
export const WINDOW_DAYS = 14;
export const TARGET_SHARE = 0.8;
export const WEEKLY_RAISE = 0.1;
export const RAISE_EVERY_DAYS = 7;
export const INTERVAL_MIN = 10;
export const INTERVAL_MAX = 120;
/** When the user has not chosen a maximum: the top of the usual 30–45 minute range, or their current interval if longer. */
export const DEFAULT_MAX = 45;
export const FLARE_PAIN_RISE = 2;
export const FLARE_REPORTS_MORE = 3;
export const DEAD_BAND_MIN = 2;

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export interface SmartIntervalInput {
  now: Date;
  /** The break interval now in force (settings.breakIntervalMin). */
  currentIntervalMin: number;
  /** The longest interval the user wants; null: max(DEFAULT_MAX, current). */
  maxIntervalMin?: number | null;
  /** Stretches of at least the last 14 days (older ones are ignored); `end: null` is still open. */
  stretches: readonly StretchObservation[];
  /** Every "my back is complaining" report of the last 14 days. */
  discomforts: readonly { at: string }[];
  checkins: readonly Pick<Checkin, 'at' | 'painHigh'>[];
  /** When the user last accepted a longer interval from this offer (paces raises to one a week). */
  lastRaiseAt?: string | null;
}

/** One sentence (or clause) of a reason as a stable code and its parameters (rendered by shared/smart-interval-text.ts). */
export interface ReasonPart {
  code: string;
  params: Record<string, string | number>;
}

export interface Flare {
  reasons: string[];
  /** The same reasons as codes, in the same order (`flare.pain`, `flare.reports`). */
  reasonParts: ReasonPart[];
}

export interface Comfort {
  minutes: number;
  kind: 'median' | 'at-least';
  stretches: number;
}

export type SmartIntervalResult =
  | { kind: 'not-enough-data'; stretches: number; needed: number; reason: string; reasonParts: ReasonPart[] }
  | {
      kind: 'suggest';
      direction: 'raise' | 'lower';
      minutes: number;
      current: number;
      target: number;
      max: number;
      comfort: Comfort;
      flare: Flare | null;
      reason: string;
      /** `reason` as codes: rendering them in English gives `reason` exactly (joined with spaces). */
      reasonParts: ReasonPart[];
    }
  | {
      kind: 'keep';
      current: number;
      target: number;
      max: number;
      comfort: Comfort;
      flare: Flare | null;
      reason: string;
      reasonParts: ReasonPart[];
      /** Set when a raise is waiting only for the weekly pace: when it can be offered. */
      nextRaiseAt: string | null;
    };

const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));

function observe(s: StretchObservation, now: number): Observation & { duration: number } {
  const start = Date.parse(s.start);
  const end = s.end ? Date.parse(s.end) : now;
  const duration = Math.max(0, end - start) / MINUTE;
  if (s.discomfortAt)
    return { minutes: Math.max(0, Date.parse(s.discomfortAt) - start) / MINUTE, event: true, duration };
  return { minutes: duration, event: false, duration };
}

const within = (iso: string, from: number, to: number) => {
  const t = Date.parse(iso);
  return t >= from && t < to;
};

/** Flare in the last 7 days compared with the 7 before; null when there is none. */
export function detectFlare(
  input: Pick<SmartIntervalInput, 'now' | 'stretches' | 'discomforts' | 'checkins'>,
): Flare | null {
  const now = input.now.getTime();
  const weekAgo = now - 7 * DAY;
  const twoWeeksAgo = now - 14 * DAY;
  const reasons: string[] = [];
  const reasonParts: ReasonPart[] = [];

  const avgHigh = (from: number, to: number) => {
    const values = input.checkins.filter((c) => within(c.at, from, to)).map((c) => c.painHigh);
    return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
  };
  const recentPain = avgHigh(weekAgo, now + 1);
  const earlierPain = avgHigh(twoWeeksAgo, weekAgo);
  if (recentPain !== null && earlierPain !== null && recentPain - earlierPain >= FLARE_PAIN_RISE - 1e-9) {
    reasons.push(
      `your highest pain in check-ins rose from about ${round1(earlierPain)} to ${round1(recentPain)} out of 10 this past week`,
    );
    reasonParts.push({
      code: 'flare.pain',
      params: { before: Number(round1(earlierPain)), now: Number(round1(recentPain)) },
    });
  }

  const sittingHours = (from: number, to: number) =>
    input.stretches.filter((s) => within(s.start, from, to)).reduce((sum, s) => sum + observe(s, now).duration, 0) / 60;
  const reports = (from: number, to: number) => input.discomforts.filter((d) => within(d.at, from, to)).length;
  const recentReports = reports(weekAgo, now + 1);
  const earlierReports = reports(twoWeeksAgo, weekAgo);
  const recentHours = sittingHours(weekAgo, now + 1);
  const earlierHours = sittingHours(twoWeeksAgo, weekAgo);
  if (recentReports - earlierReports >= FLARE_REPORTS_MORE && recentHours > 0) {
    const recentRate = recentReports / recentHours;
    const earlierRate = earlierHours > 0 ? earlierReports / earlierHours : 0;
    if (recentRate >= 2 * earlierRate) {
      reasons.push(
        `you reported discomfort ${recentReports} times this past week against ${earlierReports} the week before, at least twice as often per hour of sitting`,
      );
      reasonParts.push({ code: 'flare.reports', params: { reports: recentReports, before: earlierReports } });
    }
  }
  return reasons.length ? { reasons, reasonParts } : null;
}

const round1 = (n: number) => {
  const r = Math.round(n * 10) / 10;
  return Number.isInteger(r) ? String(r) : r.toFixed(1);
};

/** The suggestion, or why there is none. */
export function suggestInterval(input: SmartIntervalInput): SmartIntervalResult {
  const now = input.now.getTime();
  const from = now - WINDOW_DAYS * DAY;
  const recent = input.stretches.filter((s) => within(s.start, from, now + 1));
  if (recent.length < MIN_STRETCHES) {
    return {
      kind: 'not-enough-data',
      stretches: recent.length,
      needed: MIN_STRETCHES,
      reason: `A suggestion needs at least ${MIN_STRETCHES} sitting stretches from the last two weeks; there ${recent.length === 1 ? 'is' : 'are'} ${recent.length} so far.`,
      reasonParts: [{ code: 'notEnoughData', params: { needed: MIN_STRETCHES, count: recent.length } }],
    };
  }
  const km = kaplanMeier(recent.map((s) => observe(s, now)));
  const comfort: Comfort =
    km.medianMin !== null
      ? { minutes: km.medianMin, kind: 'median', stretches: recent.length }
      : { minutes: km.atLeastMin ?? 0, kind: 'at-least', stretches: recent.length };

  const current = input.currentIntervalMin;
  const userMax = input.maxIntervalMin ?? Math.max(DEFAULT_MAX, current);
  const max = clamp(Math.round(userMax), INTERVAL_MIN, INTERVAL_MAX);
  const target = clamp(Math.round(comfort.minutes * TARGET_SHARE), INTERVAL_MIN, max);
  const flare = detectFlare(input);

  const comfortWords =
    comfort.kind === 'median'
      ? `Over the last two weeks (${recent.length} stretches) your back usually started to complain after about ${Math.round(comfort.minutes)} minutes of sitting.`
      : `Over the last two weeks (${recent.length} stretches) most stretches ended without discomfort; the longest lasted ${Math.round(comfort.minutes)} minutes, so you sit comfortably for at least that long.`;
  const targetWords = `80% of that is ${Math.round(comfort.minutes * TARGET_SHARE)} minutes${target !== Math.round(comfort.minutes * TARGET_SHARE) ? `, kept within 10–${max} minutes: ${target}` : ''}.`;
  const base = { current, target, max, comfort, flare };
  const comfortPart: ReasonPart = {
    code: comfort.kind === 'median' ? 'comfort.median' : 'comfort.atLeast',
    params: { stretches: recent.length, minutes: Math.round(comfort.minutes) },
  };
  const share = Math.round(comfort.minutes * TARGET_SHARE);
  const targetPart: ReasonPart =
    target !== share
      ? { code: 'target.clamped', params: { share, min: INTERVAL_MIN, max, target } }
      : { code: 'target.plain', params: { share } };
  const parts = (why: ReasonPart): ReasonPart[] => [comfortPart, targetPart, why];

  const keep = (why: string, whyPart: ReasonPart, nextRaiseAt: string | null = null): SmartIntervalResult => ({
    kind: 'keep',
    ...base,
    reason: `${comfortWords} ${targetWords} ${why}`,
    reasonParts: parts(whyPart),
    nextRaiseAt,
  });

  if (target < current && current - target >= DEAD_BAND_MIN) {
    if (comfort.kind === 'at-least') {
      return keep(
        `Your ${current}-minute interval is longer than that, but since you reported no discomfort in most stretches there is no reason to shorten it.`,
        { code: 'keep.noShorten', params: { current } },
      );
    }
    return {
      kind: 'suggest',
      direction: 'lower',
      minutes: target,
      ...base,
      reason: `${comfortWords} ${targetWords} A break every ${target} minutes would usually come before your back complains.`,
      reasonParts: parts({ code: 'lower', params: { target } }),
    };
  }
  if (target > current && target - current >= DEAD_BAND_MIN) {
    if (current >= max)
      return keep(`Your interval is already at your maximum of ${max} minutes.`, { code: 'keep.atMax', params: { max } });
    if (flare) {
      return keep(
        `It is not raised this week because it looks like a flare: ${flare.reasons.join('; and ')}. Keep your ${current}-minute interval until things settle.`,
        { code: 'keep.flare', params: { current } },
      );
    }
    const last = input.lastRaiseAt ? Date.parse(input.lastRaiseAt) : NaN;
    if (Number.isFinite(last) && now - last < RAISE_EVERY_DAYS * DAY) {
      const nextDay = new Date(last + RAISE_EVERY_DAYS * DAY);
      return keep(
        'You raised it less than a week ago; the next step waits a week so your back can adjust.',
        { code: 'keep.recentRaise', params: {} },
        nextDay.toISOString(),
      );
    }
    const step = Math.min(target, max, Math.max(current + 1, Math.round(current * (1 + WEEKLY_RAISE))));
    const stepWords =
      step < target
        ? ` With no flare this past week, it can rise gently, about 10% a week: ${step} minutes now.`
        : ` That is within about 10% of where you are, so ${step} minutes now.`;
    return {
      kind: 'suggest',
      direction: 'raise',
      minutes: step,
      ...base,
      reason: `${comfortWords} ${targetWords}${stepWords}`,
      reasonParts: parts({ code: step < target ? 'raise.gentle' : 'raise.within', params: { step } }),
    };
  }
  return keep(`Your ${current}-minute interval already fits.`, { code: 'keep.fits', params: { current } });
}
