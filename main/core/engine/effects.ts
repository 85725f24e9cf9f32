/**
 * What the pure core asks the runner (companion.ts) to do. Effects are data: the core decides,
 * the runner carries them out in order, after the transition has finished.
 */
import type { History } from '../../../shared/history';
import type { Feeling } from '../../../shared/history';
import type { Profile } from '../../../shared/profile';
import type { Settings } from '../../../shared/settings';
import type { ActiveRoutine } from '../../../shared/state';
import type { ReminderKind } from '../../../shared/reminders';

export type HistoryRecord = {
  [K in keyof History]: { collection: K; record: History[K][number] };
}[keyof History];

export type Effect =
  /** Append one record to the history (a month's journal). */
  | ({ kind: 'append' } & HistoryRecord)
  /**
   * Re-arm the engine's timers: the one event timer `eventInMs` from now (null: none), and the
   * idle poll (`poll` null: stop it; otherwise keep a running poll or start one `waitMs` from now).
   */
  | { kind: 'arm'; eventInMs: number | null; poll: { waitMs: number } | null }
  /** Every calendar job afresh (working-hours edge, reminders, backup). */
  | { kind: 'schedule-calendar' }
  /** One reminder's next time afresh. */
  | { kind: 'schedule-reminder'; reminder: ReminderKind }
  /** Tell the reminder listeners. */
  | { kind: 'fire-reminder'; reminder: ReminderKind; at: number }
  | { kind: 'save-settings'; settings: Settings }
  | { kind: 'save-profile'; profile: Profile }
  /** A routine ended with a feeling: learn from it (swapped steps, "which step felt worse?"). */
  | { kind: 'learn-feeling'; routine: ActiveRoutine; feeling: Feeling | null }
  /** Save the runtime record now (the sitting heartbeat). */
  | { kind: 'save-runtime' }
  /** Forget the wall/monotonic comparison (lock and suspend are measured with the wall clock). */
  | { kind: 'rebase-clock' };
