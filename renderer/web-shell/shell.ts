/**
 * What the Electron shell does with its tray and native notifications, done by the page in the
 * browser shell:
 *
 * - The page title carries the time to the next break ("Break in 12 min · Movesnack"), kept in
 *   step with the engine's state and the minute.
 * - A break that comes due raises a notification (Notification API, once the user allowed it);
 *   clicking it brings the window forward on the break prompt. When the page is out of sight
 *   at that moment, it turns to the prompt by itself, so the prompt is what the user comes back to.
 * - Calendar reminders (check-in, weekly summary, desk re-check) become quiet notifications that
 *   open their screen.
 */
import type { MovesnackApi, View } from '../../shared/ipc-contract';
import { REMINDER_TEXT, type Reminder } from '../../shared/reminders';
import type { CompanionState } from '../../shared/state';
import { MINUTE, formatCountdown } from '../lib/time';
import type { WebShellExtras } from './transport';

/** The words before the page's own title, or '' for none. */
export function titlePrefix(state: CompanionState | null, now: number): string {
  if (!state) return '';
  switch (state.phase) {
    case 'sitting': {
      const next = state.nextBreakAt ? Date.parse(state.nextBreakAt) : NaN;
      if (Number.isNaN(next)) return '';
      return next <= now ? 'Time to move' : `Break in ${formatCountdown(next - now)}`;
    }
    case 'due':
      return 'Time to move';
    case 'deferred':
      return 'Break waiting';
    case 'routine':
      return 'Moving';
    case 'paused':
      return 'Paused';
    default:
      return '';
  }
}

/** When the prefix changes by itself next (the minute ticks over), or null. */
export function nextTitleChange(state: CompanionState | null, now: number): number | null {
  if (!state || state.phase !== 'sitting' || !state.nextBreakAt) return null;
  const left = Date.parse(state.nextBreakAt) - now;
  if (Number.isNaN(left) || left <= 0) return null;
  if (left <= MINUTE) return now + left + 50;
  return now + (left % MINUTE || MINUTE) + 50;
}

const SEPARATOR = ' · ';

export function startBrowserShell(api: MovesnackApi, extras: WebShellExtras): () => void {
  let state: CompanionState | null = null;
  let base = document.title;
  let applied: string | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const renderTitle = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    const now = Date.now();
    const prefix = titlePrefix(state, now);
    const next = prefix ? `${prefix}${SEPARATOR}${base}` : base;
    if (document.title !== next) {
      applied = next;
      document.title = next;
    }
    const at = nextTitleChange(state, now);
    // At the minute's turn, and at least every second like the dashboard's clock: a page in
    // the background is throttled by the browser, and the clock may have jumped (sleep).
    if (at !== null) timer = setTimeout(renderTitle, Math.min(Math.max(250, at - now), 1000));
  };
  // The app names each screen in the title; keep that name and put the countdown before it.
  const titleWatch = new MutationObserver(() => {
    if (document.title === applied) return;
    base = document.title;
    renderTitle();
  });
  titleWatch.observe(document.head, { subtree: true, childList: true, characterData: true });

  const canNotify = () => typeof Notification !== 'undefined' && Notification.permission === 'granted';
  let dueNote: Notification | null = null;
  const closeDueNote = () => {
    dueNote?.close();
    dueNote = null;
  };
  const show = (view: View) => {
    window.focus();
    extras.navigate(view);
  };

  const onState = (next: CompanionState) => {
    const previous = state;
    state = next;
    renderTitle();
    if (next.phase === 'due' && previous !== null && previous.phase !== 'due') {
      if (document.visibilityState === 'hidden') extras.navigate('prompt');
      if (canNotify()) {
        closeDueNote();
        const snoozes =
          next.snoozesLeft > 0
            ? ` You can snooze it ${next.snoozesLeft === 1 ? 'once more' : `${next.snoozesLeft} more times`}.`
            : '';
        try {
          dueNote = new Notification('Time for a movement snack', {
            body: `A minute of gentle movement now keeps your back happier later.${snoozes}`,
            tag: 'movesnack-break',
            silent: !next.settings.soundEnabled,
          });
          dueNote.onclick = () => {
            closeDueNote();
            show('prompt');
          };
        } catch {
          dueNote = null;
        }
      }
    } else if (next.phase !== 'due') closeDueNote();
  };

  const onReminder = (reminder: Reminder) => {
    const text = REMINDER_TEXT[reminder.kind];
    if (!text || !canNotify()) return;
    try {
      const note = new Notification(text.title, { body: text.body, tag: `movesnack-${reminder.kind}`, silent: true });
      note.onclick = () => {
        note.close();
        show(text.view);
      };
    } catch {
      // Not shown; the screen is one click away in the page.
    }
  };

  const offState = api.on('state', onState);
  const offReminder = extras.onReminder(onReminder);
  const onVisible = () => renderTitle();
  document.addEventListener('visibilitychange', onVisible);
  renderTitle();

  return () => {
    offState();
    offReminder();
    titleWatch.disconnect();
    document.removeEventListener('visibilitychange', onVisible);
    if (timer !== null) clearTimeout(timer);
    closeDueNote();
  };
}
