import schedule from 'node-schedule';
import type { Clock } from './clock-contract';

/** A timer cannot wait past about 24.8 days; longer waits are re-armed. */
const MAX_TIMER_MS = 24 * 60 * 60_000;

interface Entry {
  date: Date;
  run: () => void;
}

/**
 * The next time a weekly rule fires after `after`, computed by node-schedule's RecurrenceRule
 * (local time, DST-aware). The engine arms it through its clock; node-schedule arms nothing.
 */
export function nextWeekly(after: Date, days: readonly number[], time: string): Date | null {
  if (days.length === 0) return null;
  const [hour, minute] = time.split(':').map(Number);
  const rule = new schedule.RecurrenceRule();
  rule.dayOfWeek = [...days];
  rule.hour = hour!;
  rule.minute = minute!;
  rule.second = 0;
  return rule.nextInvocationDate(after);
}

/**
 * Calendar jobs (working-hours edges, reminders, the daily backup). Each named job runs once at
 * a date; its owner schedules the next one. One clock timer is armed for the earliest entry;
 * entries due at the same instant run together, in the order named in `priority`, so an edge
 * and a reminder at 09:00 both happen at 09:00. The engine calls `clear()` and schedules afresh
 * on resume and after a clock jump, so a run missed while asleep is dropped, never replayed.
 */
export class Calendar {
  private readonly entries = new Map<string, Entry>();
  private timer: unknown = null;

  constructor(
    private readonly clock: Clock,
    private readonly priority: readonly string[] = [],
  ) {}

  at(name: string, date: Date, run: () => void): void {
    this.cancel(name);
    if (date.getTime() <= this.clock.now()) return;
    this.entries.set(name, { date, run });
    this.arm();
  }

  private arm(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
    let earliest = Infinity;
    for (const entry of this.entries.values()) earliest = Math.min(earliest, entry.date.getTime());
    if (earliest === Infinity) return;
    const delay = Math.min(Math.max(0, earliest - this.clock.now()), MAX_TIMER_MS);
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      this.fireDue();
    }, delay);
  }

  private fireDue(): void {
    const now = this.clock.now();
    const rank = (name: string) => {
      const i = this.priority.indexOf(name);
      return i === -1 ? this.priority.length : i;
    };
    let earliest = Infinity;
    for (const entry of this.entries.values()) earliest = Math.min(earliest, entry.date.getTime());
    if (earliest > now) return this.arm();
    const due = [...this.entries]
      .filter(([, entry]) => entry.date.getTime() === earliest)
      .sort(([a], [b]) => rank(a) - rank(b));
    for (const [name] of due) this.entries.delete(name);
    for (const [, entry] of due) entry.run();
    this.arm();
  }

  cancel(name: string): void {
    if (!this.entries.delete(name)) return;
    this.arm();
  }

  clear(): void {
    this.entries.clear();
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }
}
