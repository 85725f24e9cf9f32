/**
 * The tray's words in the user's language: the same texts main/tray-status.ts `describeTray`
 * gives in English (status line, tooltip, macOS title), for the same state. Icon, refresh time
 * and menu enabling stay with describeTray; main/electron/tray.ts merges the two:
 *   { ...describeTray(state, now), ...trayTexts(t, locale, state, now) }
 */
import type { TFunction } from 'i18next';
import type { CompanionState } from '../state';
import { formatDate, formatTime } from './format';
import { holdText } from './text';

const MINUTE = 60_000;

/** "12 min", "1 h 05 min": whole minutes rounded up, as formatMinutesLeft in tray-status. */
export function minutesLeftText(t: TFunction, msLeft: number): string {
  const minutes = Math.max(1, Math.ceil(msLeft / MINUTE));
  if (minutes < 60) return t('common:duration.minShort', { count: minutes });
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0
    ? t('common:duration.hoursShort', { h })
    : t('common:duration.hoursMinutesShort', { h, m: String(m).padStart(2, '0') });
}

const validDate = (iso: string | null | undefined): Date | null => {
  if (!iso) return null;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
};

const sameDay = (a: Date, b: Date) =>
  a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();

export function trayTexts(
  t: TFunction,
  locale: string,
  state: Pick<CompanionState, 'phase' | 'nextBreakAt' | 'snoozesLeft' | 'busy' | 'pausedUntil'>,
  now: Date = new Date(),
): { statusLine: string; tooltip: string; title: string } {
  const withName = (text: string) => t('tray:withName', { text });
  const time = (d: Date) => formatTime(locale, d);
  const plain = (key: string) => ({ statusLine: t(`tray:status.${key}`), tooltip: withName(t(`tray:tooltip.${key}`)), title: '' });
  switch (state.phase) {
    case 'sitting': {
      const next = validDate(state.nextBreakAt);
      if (!next) return plain('sitting');
      const left = next.getTime() - now.getTime();
      if (left <= 0) return { ...plain('dueNow'), title: t('tray:title.minutes', { count: 0 }) };
      const leftText = minutesLeftText(t, left);
      return {
        statusLine: t('tray:status.nextIn', { left: leftText, time: time(next) }),
        tooltip: withName(t('tray:tooltip.nextIn', { left: leftText })),
        title: t('tray:title.minutes', { count: Math.ceil(left / MINUTE) }),
      };
    }
    case 'due':
      return {
        statusLine: t('tray:status.due', { snoozes: t('tray:snoozesLeft', { count: state.snoozesLeft }) }),
        tooltip: withName(t('tray:tooltip.due')),
        title: t('tray:title.due'),
      };
    case 'deferred': {
      const until = validDate(state.nextBreakAt);
      const hold = holdText(t, state.busy);
      return {
        statusLine: until ? t('tray:status.deferredUntil', { hold, time: time(until) }) : t('tray:status.deferred', { hold }),
        tooltip: withName(hold),
        title: '',
      };
    }
    case 'routine':
      return { ...plain('routine'), title: t('tray:title.routine') };
    case 'away':
      return plain('away');
    case 'paused': {
      const until = validDate(state.pausedUntil);
      if (!until) return plain('paused');
      const tomorrow = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
      const statusLine = sameDay(until, now)
        ? t('tray:status.pausedUntil', { time: time(until) })
        : sameDay(until, tomorrow)
          ? t('tray:status.pausedUntilTomorrow', { time: time(until) })
          : t('tray:status.pausedUntilDay', {
              day: formatDate(locale, until, { weekday: 'short', day: 'numeric', month: 'short' }),
              time: time(until),
            });
      return { statusLine, tooltip: withName(statusLine), title: '' };
    }
    case 'off-hours':
      return plain('offHours');
  }
}
