import { MIN_STRETCHES, scoreText } from '../../../shared/meaningful-change';
import type { WeeklySummary } from '../../../shared/summary';

/** A chart needs at least this many weeks with data; below that we say so in words. */
export const MIN_WEEKS_FOR_CHART = 2;

/** "16 Nov" in the user's locale. */
export function weekLabel(weekStart: string): string {
  return new Date(weekStart).toLocaleDateString(undefined, { day: 'numeric', month: 'short' });
}

/** "week of 16 Nov". */
export const weekOf = (weekStart: string) => `week of ${weekLabel(weekStart)}`;

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

export function toleranceSeries(weeks: readonly WeeklySummary[]): ToleranceSeries {
  const enough = (w: WeeklySummary) => w.stretchCount >= MIN_STRETCHES;
  const about = weeks.map((w) => (enough(w) && w.tolerance.medianMin !== null ? w.tolerance.medianMin : null));
  const atLeast = weeks.map((w) => (enough(w) && w.tolerance.medianMin === null ? w.tolerance.atLeastMin : null));
  const shown = weeks.filter(enough);
  const describe = (w: WeeklySummary) =>
    w.tolerance.medianMin !== null
      ? `about ${round(w.tolerance.medianMin)}`
      : `at least ${round(w.tolerance.atLeastMin ?? 0)}`;
  let sentence: string;
  if (shown.length < MIN_WEEKS_FOR_CHART) {
    sentence = `Not enough sitting recorded yet to chart: this needs at least ${MIN_WEEKS_FOR_CHART} weeks with ${MIN_STRETCHES} or more sitting stretches${shown.length ? ' (there is 1 so far)' : ''}.`;
  } else {
    const first = shown[0]!;
    const last = shown.at(-1)!;
    sentence = `Comfortable minutes at a stretch in the ${shown.length} weeks with enough data: ${describe(first)} in the ${weekOf(first.weekStart)}, ${describe(last)} in the ${weekOf(last.weekStart)}.`;
  }
  return { labels: weeks.map((w) => weekLabel(w.weekStart)), about, atLeast, weeksWithData: shown.length, sentence };
}

export interface PainSeries {
  labels: string[];
  low: (number | null)[];
  high: (number | null)[];
  weeksWithData: number;
  sentence: string;
}

export function painSeries(weeks: readonly WeeklySummary[]): PainSeries {
  const low = weeks.map((w) => (w.checkins.count ? w.checkins.painLow : null));
  const high = weeks.map((w) => (w.checkins.count ? w.checkins.painHigh : null));
  const shown = weeks.filter((w) => w.checkins.count > 0);
  const range = (w: WeeklySummary) => `${scoreText(w.checkins.painLow!)} to ${scoreText(w.checkins.painHigh!)}`;
  let sentence: string;
  if (shown.length < MIN_WEEKS_FOR_CHART) {
    sentence = `Not enough check-ins yet to chart pain: this needs check-ins in at least ${MIN_WEEKS_FOR_CHART} weeks${shown.length ? ' (there is 1 so far)' : ''}.`;
  } else {
    const first = shown[0]!;
    const last = shown.at(-1)!;
    sentence = `Average pain range, out of 10, in the ${shown.length} weeks with check-ins: ${range(first)} in the ${weekOf(first.weekStart)}, ${range(last)} in the ${weekOf(last.weekStart)}.`;
  }
  return { labels: weeks.map((w) => weekLabel(w.weekStart)), low, high, weeksWithData: shown.length, sentence };
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

export function breakSeries(weeks: readonly WeeklySummary[]): BreakSeries {
  const taken = weeks.map((w) => w.breaks.taken);
  const skipped = weeks.map((w) => w.breaks.skipped);
  const natural = weeks.map((w) => w.breaks.natural);
  const held = weeks.map((w) => w.breaks.deferred ?? 0);
  const shown = weeks.filter((w) => w.breaks.due > 0).length;
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const sentence =
    shown < MIN_WEEKS_FOR_CHART
      ? `Not enough breaks yet to chart: this needs breaks in at least ${MIN_WEEKS_FOR_CHART} weeks.`
      : `Over these ${weeks.length} weeks: ${sum(taken)} breaks taken, ${sum(skipped)} skipped, and ${sum(natural)} times you were already up when one came due.${sum(held) > 0 ? ` ${heldText(sum(held))} while you were busy.` : ''}`;
  return {
    labels: weeks.map((w) => weekLabel(w.weekStart)),
    taken,
    skipped,
    natural,
    held,
    weeksWithData: shown,
    sentence,
  };
}

/** "1 break was held", "3 breaks were held". */
export function heldText(count: number): string {
  return count === 1 ? '1 break was held' : `${count} breaks were held`;
}

export interface RoutineSeries {
  labels: string[];
  minutes: number[];
  weeksWithData: number;
  sentence: string;
}

export function routineSeries(weeks: readonly WeeklySummary[]): RoutineSeries {
  const minutes = weeks.map((w) => Math.round(w.routineMinutes * 10) / 10);
  const shown = weeks.filter((w) => w.routineMinutes > 0).length;
  const total = Math.round(minutes.reduce((a, b) => a + b, 0));
  const sentence =
    shown < MIN_WEEKS_FOR_CHART
      ? `Not enough routines yet to chart: this needs routines in at least ${MIN_WEEKS_FOR_CHART} weeks.`
      : `${total} minutes of routines over these ${weeks.length} weeks; ${round(minutes.at(-1) ?? 0)} in the latest week.`;
  return { labels: weeks.map((w) => weekLabel(w.weekStart)), minutes, weeksWithData: shown, sentence };
}
