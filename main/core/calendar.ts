import schedule from 'node-schedule';

/**
 * Calendar jobs (working-hours edges, reminders) on node-schedule. Each job runs once at a
 * date; its owner schedules the next one. After a sleep node-schedule would fire every missed
 * run at once, so the engine calls `clear()` and schedules afresh on resume.
 */
export class Calendar {
  private readonly jobs = new Map<string, schedule.Job>();

  at(name: string, date: Date, run: () => void): void {
    this.cancel(name);
    const job = schedule.scheduleJob(date, () => {
      this.jobs.delete(name);
      run();
    });
    if (job) this.jobs.set(name, job);
  }

  cancel(name: string): void {
    this.jobs.get(name)?.cancel();
    this.jobs.delete(name);
  }

  clear(): void {
    for (const job of this.jobs.values()) job.cancel();
    this.jobs.clear();
  }

  has(name: string): boolean {
    return this.jobs.has(name);
  }
}
