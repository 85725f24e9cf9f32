/**
 * Native notifications: one when a break comes due (click opens the break prompt), and a
 * quiet acknowledgement for a discomfort report made from the tray or the global shortcut.
 */
import { Notification } from 'electron';
import type { CompanionState } from '../../shared/state';
import { REMINDER_TEXT, type Reminder } from '../../shared/reminders';
import type { View } from '../../shared/ipc-contract';

export { REMINDER_TEXT };

export interface Notifier {
  /** Call on every state change with the previous and the new state. */
  onState(previous: CompanionState | null, next: CompanionState): void;
  acknowledge(title: string, body: string): void;
  /** A calendar reminder; clicking it opens the matching screen. */
  remind(reminder: Reminder): void;
  dispose(): void;
}

export function createNotifier(options: { openPrompt: () => void; openView: (view: View) => void }): Notifier {
  // Notifications must stay referenced, or their click handler can be garbage-collected.
  let due: Notification | null = null;
  let ack: Notification | null = null;
  let reminder: Notification | null = null;

  const close = (n: Notification | null) => {
    try {
      n?.close();
    } catch {
      // already gone
    }
  };

  return {
    onState(previous, next) {
      if (next.phase === 'due' && previous?.phase !== 'due') {
        if (!Notification.isSupported()) return;
        close(due);
        const snoozes =
          next.snoozesLeft > 0
            ? ` You can snooze it ${next.snoozesLeft === 1 ? 'once more' : `${next.snoozesLeft} more times`}.`
            : '';
        due = new Notification({
          title: 'Time for a movement snack',
          body: `A minute of gentle movement now keeps your back happier later.${snoozes}`,
          silent: !next.settings.soundEnabled,
          urgency: 'normal',
          timeoutType: 'default',
        });
        due.on('click', () => options.openPrompt());
        due.show();
      } else if (next.phase !== 'due' && due) {
        close(due);
        due = null;
      }
    },
    acknowledge(title, body) {
      if (!Notification.isSupported()) return;
      close(ack);
      ack = new Notification({ title, body, silent: true });
      ack.show();
    },
    remind(next) {
      if (!Notification.isSupported()) return;
      const text = REMINDER_TEXT[next.kind];
      close(reminder);
      reminder = new Notification({ title: text.title, body: text.body, silent: true });
      reminder.on('click', () => options.openView(text.view));
      reminder.show();
    },
    dispose() {
      close(due);
      close(ack);
      close(reminder);
      due = null;
      ack = null;
      reminder = null;
    },
  };
}
