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
import { createI18n, formattingLocale, navigatorPreferences, type I18n } from '../../shared/i18n';
import { dueNotificationText, reminderText } from '../../shared/i18n/text';
import type { Reminder } from '../../shared/reminders';
import type { CompanionState } from '../../shared/state';
import { pageLanguage } from '../i18n';
import { MINUTE, formatCountdown, type Fmt } from '../lib/time';
import type { WebShellExtras } from './transport';

/** The words before the page's own title, or '' for none (in English without `fmt`). */
export function titlePrefix(state: CompanionState | null, now: number, fmt?: Fmt): string {
  if (!state) return '';
  const t = fmt?.t ?? english().t;
  switch (state.phase) {
    case 'sitting': {
      const next = state.nextBreakAt ? Date.parse(state.nextBreakAt) : NaN;
      if (Number.isNaN(next)) return '';
      return next <= now
        ? t('app:shell.title.due')
        : t('app:shell.title.breakIn', { left: formatCountdown(next - now, fmt) });
    }
    case 'due':
      return t('app:shell.title.due');
    case 'deferred':
      return t('app:shell.title.deferred');
    case 'routine':
      return t('app:shell.title.routine');
    case 'paused':
      return t('app:shell.title.paused');
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

let englishI18n: I18n | null = null;
const english = () => (englishI18n ??= createI18n('en'));

/** The shell's own language layer, following settings.language like the page's. */
function shellLanguage() {
  const i18n = createI18n(pageLanguage(undefined));
  return {
    fmt(state: CompanionState | null): Fmt {
      const lang = pageLanguage(state?.settings.language);
      if (i18n.language !== lang) void i18n.changeLanguage(lang);
      return { t: i18n.t, locale: formattingLocale(lang, navigatorPreferences()) };
    },
  };
}

export function startBrowserShell(api: MovesnackApi, extras: WebShellExtras): () => void {
  let state: CompanionState | null = null;
  let base = document.title;
  let applied: string | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const language = shellLanguage();

  const renderTitle = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    const now = Date.now();
    const prefix = titlePrefix(state, now, language.fmt(state));
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
        const text = dueNotificationText(language.fmt(next).t, next.snoozesLeft);
        try {
          dueNote = new Notification(text.title, {
            body: text.body,
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
    if (!canNotify()) return;
    let text: ReturnType<typeof reminderText>;
    try {
      text = reminderText(language.fmt(state).t, reminder.kind);
    } catch {
      return;
    }
    if (!text.view) return;
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
