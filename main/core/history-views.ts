import { addDays, addWeeks, startOfDay } from 'date-fns';
import type { History } from '../../shared/history';
import type { DayView, ProgressView } from '../../shared/ipc-contract';
import { computeWeeklySummary, weekStartOf, type StretchObservation, type WeeklySummary } from '../../shared/summary';
import { recordTime, type HistoryKind, type HistoryStore } from './store-history';

/** Records of `kind` whose time is in [from, to), found by binary search on the sorted list. */
export function sliceByTime<K extends HistoryKind>(history: History, kind: K, from: Date, to: Date): History[K] {
  const list = history[kind] as History[K][number][];
  const lo = from.toISOString();
  const hi = to.toISOString();
  const firstAtOrAfter = (target: string) => {
    let a = 0;
    let b = list.length;
    while (a < b) {
      const mid = (a + b) >>> 1;
      if (recordTime(kind, list[mid]!) < target) a = mid + 1;
      else b = mid;
    }
    return a;
  };
  return list.slice(firstAtOrAfter(lo), firstAtOrAfter(hi)) as History[K];
}

/** Read-only views over history for the summary, the dashboard and the progress screen. */
export class HistoryViews {
  constructor(private readonly store: HistoryStore) {}

  weeklySummary(open: StretchObservation | null, weekOf: Date, now: Date): WeeklySummary {
    const start = weekStartOf(weekOf);
    const from = addWeeks(start, -1);
    const to = addWeeks(start, 1);
    const all = this.store.all;
    const stretches: StretchObservation[] = sliceByTime(all, 'stretches', from, to);
    if (open) stretches.push(open);
    return computeWeeklySummary(
      { stretches, breaks: sliceByTime(all, 'breaks', from, to), checkins: sliceByTime(all, 'checkins', from, to) },
      weekOf,
      now,
    );
  }

  day(date: Date, open: StretchObservation | null, pendingSnoozes: number): DayView {
    const from = startOfDay(date);
    const to = addDays(from, 1);
    const all = this.store.all;
    const stretches: StretchObservation[] = sliceByTime(all, 'stretches', from, to);
    const isToday = open && Date.parse(open.start) >= from.getTime() && Date.parse(open.start) < to.getTime();
    if (open && isToday) stretches.push(open);
    const breaks = sliceByTime(all, 'breaks', from, to);
    return {
      date: from.toISOString(),
      stretches: structuredClone(stretches),
      breaks: structuredClone(breaks),
      discomforts: structuredClone(sliceByTime(all, 'discomforts', from, to)),
      snoozes: breaks.reduce((sum, b) => sum + b.snoozes, 0) + (isToday ? pendingSnoozes : 0),
    };
  }

  progress(weeks: number, open: StretchObservation | null, now: Date): ProgressView {
    const thisWeek = weekStartOf(now);
    const summaries: WeeklySummary[] = [];
    for (let i = weeks - 1; i >= 0; i--) summaries.push(this.weeklySummary(open, addWeeks(thisWeek, -i), now));
    const from = addWeeks(thisWeek, -(weeks - 1));
    return { summaries, checkins: structuredClone(sliceByTime(this.store.all, 'checkins', from, addWeeks(thisWeek, 1))) };
  }
}
