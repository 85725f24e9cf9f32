/**
 * What the pure core asks the runner (companion.ts) to do. Effects are data: the core decides,
 * the runner carries them out in order, after the transition has finished.
 */
import type { History } from '../../../shared/history';
import type { EngineNotice } from '../../../shared/engine-messages';
import type { Profile } from '../../../shared/profile';
import type { Settings } from '../../../shared/settings';
import type { ReminderKind } from '../../../shared/reminders';
import type { Adaptations } from '../store-adaptations';

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
  /** What the engine learned from feedback changed (swapped steps, "which step?", the smart-interval memory). */
  | { kind: 'save-adaptations'; adaptations: Adaptations }
  /** Tell the user something once (it joins the state's notices). */
  | { kind: 'notice'; notice: EngineNotice }
  /** Save the runtime record now (the sitting heartbeat). */
  | { kind: 'save-runtime' }
  /** Forget the wall/monotonic comparison (lock and suspend are measured with the wall clock). */
  | { kind: 'rebase-clock' };
