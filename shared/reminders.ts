export type ReminderKind = 'checkin' | 'weekly-summary' | 'setup-recheck';

export interface Reminder {
  kind: ReminderKind;
  /** When it fired (ISO). */
  at: string;
}

const DAY = 24 * 60 * 60_000;

/**
 * When the workstation check is due again: `recheckDays` after the last check, or at once when
 * the user has moved desks since. Null before the first check.
 */
export function setupRecheckDueAt(lastCheckAt: string | null, recheckDays: number, movedDeskAt: string | null): Date | null {
  if (!lastCheckAt) return null;
  const last = Date.parse(lastCheckAt);
  if (movedDeskAt && Date.parse(movedDeskAt) > last) return new Date(Date.parse(movedDeskAt));
  return new Date(last + recheckDays * DAY);
}
