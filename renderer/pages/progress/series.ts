import type { TFunction } from 'i18next';
import { MIN_STRETCHES } from '../../../shared/meaningful-change';
import { formatDate, formatNumber } from '../../../shared/i18n/format';
import type { WeeklySummary } from '../../../shared/summary';

/** The language of the sentences: i18next's t and the Intl locale (useT()). */
export interface Lang {
  t: TFunction;
  locale: string;
}

/** Pain and other averages: one decimal at most, "3" rather than "3.0", in the language's digits. */
export const scoreIn = (locale: string, value: number) => formatNumber(locale, Math.round(value * 10) / 10, { maximumFractionDigits: 1 });

/** A chart needs at least this many weeks with data; below that we say so in words. */
export const MIN_WEEKS_FOR_CHART = 2;

/** "16 Nov" in the language. */
export function weekLabel(locale: string, weekStart: string): string {
  return formatDate(locale, weekStart, { day: 'numeric', month: 'short' });
}

const round = (n: number) => Math.round(n);

export interface ToleranceSeries {
  labels: string[];
  /** Median minutes, or null (no median, or too few stretches to say). */
  about: (number | null)[];
  /** "At least" minutes when there was no median, else null. */
  atLeast: (number | null)[];
  weeksWithData: number;
  sentence: string;
}

export function toleranceSeries({ t, locale }: Lang, weeks: readonly WeeklySummary[]): ToleranceSeries {
  const enough = (w: WeeklySummary) => w.stretchCount >= MIN_STRETCHES;
  const about = weeks.map((w) => (enough(w) && w.tolerance.medianMin !== null ? w.tolerance.medianMin : null));
  const atLeast = weeks.map((w) => (enough(w) && w.tolerance.medianMin === null ? w.tolerance.atLeastMin : null));
  const shown = weeks.filter(enough);
  const describe = (w: WeeklySummary) =>
    w.tolerance.medianMin !== null
      ? t('progress:series.about', { n: round(w.tolerance.medianMin) })
      : t('progress:series.atLeast', { n: round(w.tolerance.atLeastMin ?? 0) });
  let sentence: string;
  if (shown.length < MIN_WEEKS_FOR_CHART) {
    sentence = t(shown.length ? 'progress:series.sittingThinOne' : 'progress:series.sittingThin', {
      weeks: MIN_WEEKS_FOR_CHART,
      stretches: MIN_STRETCHES,
    });
  } else {
    const first = shown[0]!;
    const last = shown.at(-1)!;
    sentence = t('progress:series.sitting', {
      count: shown.length,
      first: describe(first),
      firstWeek: weekLabel(locale, first.weekStart),
      last: describe(last),
      lastWeek: weekLabel(locale, last.weekStart),
    });
  }
  return { labels: weeks.map((w) => weekLabel(locale, w.weekStart)), about, atLeast, weeksWithData: shown.length, sentence };
}

export interface PainSeries {
  labels: string[];
  low: (number | null)[];
  high: (number | null)[];
  weeksWithData: number;
  sentence: string;
}

export function painSeries({ t, locale }: Lang, weeks: readonly WeeklySummary[]): PainSeries {
  const low = weeks.map((w) => (w.checkins.count ? w.checkins.painLow : null));
  const high = weeks.map((w) => (w.checkins.count ? w.checkins.painHigh : null));
  const shown = weeks.filter((w) => w.checkins.count > 0);
  const range = (w: WeeklySummary) =>
    t('progress:series.range', { low: scoreIn(locale, w.checkins.painLow!), high: scoreIn(locale, w.checkins.painHigh!) });
  let sentence: string;
  if (shown.length < MIN_WEEKS_FOR_CHART) {
    sentence = t(shown.length ? 'progress:series.painThinOne' : 'progress:series.painThin', { weeks: MIN_WEEKS_FOR_CHART });
  } else {
    const first = shown[0]!;
    const last = shown.at(-1)!;
    sentence = t('progress:series.pain', {
      count: shown.length,
      first: range(first),
      firstWeek: weekLabel(locale, first.weekStart),
      last: range(last),
      lastWeek: weekLabel(locale, last.weekStart),
    });
  }
  return { labels: weeks.map((w) => weekLabel(locale, w.weekStart)), low, high, weeksWithData: shown.length, sentence };
}

export interface BreakSeries {
  labels: string[];
  taken: number[];
  skipped: number[];
  natural: number[];
  /** Breaks held while the user was busy (a part of the others, not a fourth kind). */
  held: number[];
  weeksWithData: number;
  sentence: string;
}

export function breakSeries({ t, locale }: Lang, weeks: readonly WeeklySummary[]): BreakSeries {
  const taken = weeks.map((w) => w.breaks.taken);
  const skipped = weeks.map((w) => w.breaks.skipped);
  const natural = weeks.map((w) => w.breaks.natural);
  const held = weeks.map((w) => w.breaks.deferred ?? 0);
  const shown = weeks.filter((w) => w.breaks.due > 0).length;
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const sentence =
    shown < MIN_WEEKS_FOR_CHART
      ? t('progress:series.breaksThin', { weeks: MIN_WEEKS_FOR_CHART })
      : t('progress:series.breaks', {
          count: weeks.length,
          taken: sum(taken),
          skipped: sum(skipped),
          natural: sum(natural),
        }) + (sum(held) > 0 ? ` ${t('progress:series.heldBusy', { count: sum(held) })}` : '');
  return {
    labels: weeks.map((w) => weekLabel(locale, w.weekStart)),
    taken,
    skipped,
    natural,
    held,
    weeksWithData: shown,
    sentence,
  };
}


export interface RoutineSeries {
  labels: string[];
  minutes: number[];
  weeksWithData: number;
  sentence: string;
}

export function routineSeries({ t, locale }: Lang, weeks: readonly WeeklySummary[]): RoutineSeries {
  const minutes = weeks.map((w) => Math.round(w.routineMinutes * 10) / 10);
  const shown = weeks.filter((w) => w.routineMinutes > 0).length;
  const total = Math.round(minutes.reduce((a, b) => a + b, 0));
  const sentence =
    shown < MIN_WEEKS_FOR_CHART
      ? t('progress:series.routinesThin', { weeks: MIN_WEEKS_FOR_CHART })
      : t('progress:series.routines', { total, count: weeks.length, latest: round(minutes.at(-1) ?? 0) });
  return { labels: weeks.map((w) => weekLabel(locale, w.weekStart)), minutes, weeksWithData: shown, sentence };
}
