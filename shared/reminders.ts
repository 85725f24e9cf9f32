import type { View } from './ipc-contract';

/** The calendar reminders the engine schedules itself. */
export type ReminderKind = 'checkin' | 'weekly-summary' | 'setup-recheck';
/** Every reminder a shell may be handed: the engine's own and the home program's (main/core/program). */
export type AnyReminderKind = ReminderKind | 'program';

export interface Reminder {
  kind: AnyReminderKind;
  /** When it fired (ISO). */
  at: string;
  /** A home-program reminder's time of day (the user's morning, lunch or evening time). */
  slot?: 'morning' | 'lunch' | 'evening';
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

/** What each calendar reminder says, and which screen a click opens. */
export const REMINDER_TEXT: Record<AnyReminderKind, { title: string; body: string; view: View }> = {
  checkin: {
    title: 'A two-minute check-in',
    body: 'How has your back been today? A quick note now makes your weekly summary worth reading.',
    view: 'checkin',
  },
  'weekly-summary': {
    title: 'Your week with Movesnack',
    body: 'Your weekly summary is ready: how long you sat comfortably, your breaks and your pain range.',
    view: 'progress',
  },
  'setup-recheck': {
    title: 'Time to re-check your desk',
    body: 'Desks drift. A quick pass through the workstation check keeps your setup working for your back.',
    view: 'setup',
  },
  program: {
    title: 'Time for your home program',
    body: 'A few minutes of your gentle moves fit in now, if it suits you.',
    view: 'program',
  },
};
