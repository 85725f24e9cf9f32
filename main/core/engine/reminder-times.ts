/** When each calendar reminder comes next (pure: the time and what it depends on come in). */
import type { Settings } from '../../../shared/settings';
import type { Profile } from '../../../shared/profile';
import { nextWeeklyOccurrence } from '../../../shared/working-hours';
import { setupRecheckDueAt, type ReminderKind } from '../../../shared/reminders';

export function reminderTime(
  kind: ReminderKind,
  now: Date,
  settings: Settings,
  profile: Profile,
  lastChecklistAt: string | null,
): Date | null {
  const { checkinReminder, weeklySummaryReminder, recheckDays } = settings;
  switch (kind) {
    case 'checkin':
      return checkinReminder && nextWeeklyOccurrence(now, checkinReminder.days, checkinReminder.time);
    case 'weekly-summary':
      return weeklySummaryReminder && nextWeeklyOccurrence(now, [weeklySummaryReminder.day], weeklySummaryReminder.time);
    case 'setup-recheck': {
      const due = setupRecheckDueAt(lastChecklistAt, recheckDays, profile.movedDeskAt);
      // Once overdue, it is offered once a day at 10:00 rather than at every start.
      if (!due) return null;
      return due.getTime() > now.getTime() ? due : nextWeeklyOccurrence(now, [0, 1, 2, 3, 4, 5, 6], '10:00');
    }
  }
}
