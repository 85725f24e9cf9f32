import schedule from 'node-schedule';

/** setTimeout cannot wait past about 24.8 days; longer waits are re-armed. */
const MAX_TIMER_MS = 24 * 60 * 60_000;

interface Entry {
  date: Date;
  run: () => void;
}

/**
 * Calendar jobs (working-hours edges, reminders) on node-schedule. Each named job runs once at a
 * date; its owner schedules the next one. Jobs due at the same instant share one node-schedule
 * job and run in the order they were named in `priority`, so an edge and a reminder at 09:00
 * both happen at 09:00. After a sleep node-schedule would fire every missed run at once, so
 * the engine calls `clear()` and schedules afresh on resume.
 *
 * node-schedule keeps one queue for the whole process and arms a timer only for its earliest
 * entry; an entry whose timer was lost (an engine dropped without stop(), as tests do when
 * they swap clocks) wedges that queue, and every later job silently never runs. So each
 * calendar also arms one timer of its own for its earliest entry; whichever fires first runs
 * the entries, the other finds nothing left to do.
 */
export class Calendar {
  private readonly entries = new Map<string, Entry>();
  private readonly jobs = new Map<number, schedule.Job>();
  private guard: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly priority: readonly string[] = []) {}

  at(name: string, date: Date, run: () => void): void {
    this.cancel(name);
    if (date.getTime() <= Date.now()) return;
    this.entries.set(name, { date, run });
    const time = date.getTime();
    if (this.jobs.has(time)) return;
    const job = schedule.scheduleJob(date, () => this.fire(time));
    if (job) this.jobs.set(time, job);
    this.armGuard();
  }

  private armGuard(): void {
    if (this.guard) clearTimeout(this.guard);
    this.guard = null;
    let earliest = Infinity;
    for (const entry of this.entries.values()) earliest = Math.min(earliest, entry.date.getTime());
    if (earliest === Infinity) return;
    const delay = Math.min(Math.max(0, earliest - Date.now()), MAX_TIMER_MS);
    this.guard = setTimeout(() => {
      this.guard = null;
      if (Date.now() >= earliest) this.fire(earliest);
      else this.armGuard();
    }, delay);
  }

  private fire(time: number): void {
    this.jobs.get(time)?.cancel();
    this.jobs.delete(time);
    const rank = (name: string) => {
      const i = this.priority.indexOf(name);
      return i === -1 ? this.priority.length : i;
    };
    const due = [...this.entries]
      .filter(([, entry]) => entry.date.getTime() === time)
      .sort(([a], [b]) => rank(a) - rank(b));
    for (const [name] of due) this.entries.delete(name);
    for (const [, entry] of due) entry.run();
    this.armGuard();
  }

  cancel(name: string): void {
    const entry = this.entries.get(name);
    if (!entry) return;
    this.entries.delete(name);
    const time = entry.date.getTime();
    if ([...this.entries.values()].some((e) => e.date.getTime() === time)) return;
    this.jobs.get(time)?.cancel();
    this.jobs.delete(time);
    this.armGuard();
  }

  clear(): void {
    for (const job of this.jobs.values()) job.cancel();
    this.jobs.clear();
    this.entries.clear();
    if (this.guard) clearTimeout(this.guard);
    this.guard = null;
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }
}
