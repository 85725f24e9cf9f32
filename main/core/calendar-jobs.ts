/**
 * The runner's calendar: the working-hours edge, the reminders and the daily backup, each armed
 * through the injected clock (calendar.ts). When a job fires, it calls back into the runner,
 * which feeds the matching event to the pure core.
 */
import type { ReminderKind } from '../../shared/reminders';
import type { Settings } from '../../shared/settings';
import type { Profile } from '../../shared/profile';
import { nextWorkingHoursEdge } from '../../shared/working-hours';
import { MINUTE_MS } from '../../shared/time-rules';
import { BACKUP_EVERY_MS } from './stores';
import { Calendar } from './calendar';
import { reminderTime } from './engine/reminder-times';
import type { Clock } from './clock-contract';


export interface CalendarHost {
  settings(): Settings;
  profile(): Profile;
  lastChecklistAt(): string | null;
  /** When the newest backup was made (null: none). */
  lastBackupAt(): number | null;
  backupIfDue(): void;
  onWorkingHoursEdge(): void;
  onReminder(kind: ReminderKind): void;
}

export class CalendarJobs {
  private readonly calendar: Calendar;

  constructor(
    private readonly clock: Clock,
    private readonly host: CalendarHost,
  ) {
    this.calendar = new Calendar(clock, ['working-hours', 'weekly-summary', 'checkin', 'setup-recheck', 'backup']);
  }

  clear(): void {
    this.calendar.clear();
  }

  /**
   * Every calendar job, afresh: working-hours edges and reminders. Called on start, on resume
   * (so runs missed while asleep are dropped, not replayed), after settings changes and jumps.
   */
  scheduleAll(started: boolean): void {
    this.calendar.clear();
    if (!started) return;
    this.scheduleWorkingHoursEdge();
    for (const kind of ['checkin', 'weekly-summary', 'setup-recheck'] as const) this.scheduleReminder(kind);
    this.scheduleBackup();
  }

  /**
   * The next daily backup. After a sleep or a forward clock move the day may already be over:
   * then it is made now, and the next one a day later (a time in the past is never armed).
   */
  private scheduleBackup(): void {
    const now = this.clock.now();
    const last = this.host.lastBackupAt();
    const base = last !== null && last <= now ? last : now;
    if (base + BACKUP_EVERY_MS <= now) this.host.backupIfDue();
    const after = this.host.lastBackupAt();
    const from = after !== null && after <= now ? after : now;
    this.calendar.at('backup', new Date(Math.max(from + BACKUP_EVERY_MS, now + MINUTE_MS)), () => {
      this.host.backupIfDue();
      this.scheduleBackup();
    });
  }

  scheduleWorkingHoursEdge(): void {
    const edge = nextWorkingHoursEdge(new Date(this.clock.now()), this.host.settings().workingHours);
    if (!edge) return this.calendar.cancel('working-hours');
    this.calendar.at('working-hours', edge, () => this.host.onWorkingHoursEdge());
  }

  scheduleReminder(kind: ReminderKind): void {
    const when = reminderTime(kind, new Date(this.clock.now()), this.host.settings(), this.host.profile(), this.host.lastChecklistAt());
    if (when) this.calendar.at(kind, when, () => this.host.onReminder(kind));
    else this.calendar.cancel(kind);
  }
}
