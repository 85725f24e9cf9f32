/**
 * Native notifications: one when a break comes due (click opens the break prompt), and a
 * quiet acknowledgement for a discomfort report made from the tray or the global shortcut.
 * Every word comes from the language layer, in the language in use when the notification shows.
 */
import { Notification } from 'electron';
import type { CompanionState } from '../../shared/state';
import type { Reminder } from '../../shared/reminders';
import type { View } from '../../shared/ipc-contract';
import { dueNotificationText, reminderText } from '../../shared/i18n/text';
import type { ShellLanguage } from './language';

export interface Notifier {
  /** Call on every state change with the previous and the new state. */
  onState(previous: CompanionState | null, next: CompanionState): void;
  acknowledge(title: string, body: string): void;
  /** A calendar reminder; clicking it opens the matching screen. */
  remind(reminder: Reminder): void;
  dispose(): void;
}

export function createNotifier(options: {
  openPrompt: () => void;
  openView: (view: View) => void;
  language: Pick<ShellLanguage, 't'>;
}): Notifier {
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
        const text = dueNotificationText(options.language.t, next.snoozesLeft);
        due = new Notification({
          title: text.title,
          body: text.body,
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
      const text = reminderText(options.language.t, next.kind);
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
