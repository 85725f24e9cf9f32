/**
 * What the tray shows for a state: icon, status line, tooltip, macOS title, and when the
 * text next changes. Pure (no Electron) so it is unit-tested; main/electron/tray.ts renders it.
 * Nothing here decides anything about breaks: it only describes the engine's state.
 */
import type { CompanionState } from '../shared/state';
import type { Settings } from '../shared/settings';
import { PAUSE_PRESETS, pauseUntil as sharedPauseUntil, type PausePresetId } from '../shared/pause-presets';
import { phaseAllows } from '../shared/phase-rules';
import { describeHold } from '../shared/presence';

export type TrayIcon = 'sitting' | 'due' | 'paused';

export interface TrayStatus {
  icon: TrayIcon;
  /** First (disabled) line of the context menu. */
  statusLine: string;
  /** Tooltip, every OS. */
  tooltip: string;
  /** Short text next to the icon on macOS ('' for none). */
  title: string;
  /** Epoch ms when the text changes by itself (a minute ticks over), or null when it does not. */
  refreshAt: number | null;
  /** Whether each menu action fits the phase (the engine still has the last word). */
  canStartBreak: boolean;
  canResume: boolean;
}

export type TimeFormatter = (date: Date) => string;

const defaultFormat: TimeFormatter = (date) => date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

const MINUTE = 60_000;

function sameLocalDay(a: Date, b: Date): boolean {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}

/** "in 12 min", "in 1 h 05 min"; whole minutes rounded up so "in 1 min" lasts until it is due. */
export function formatMinutesLeft(msLeft: number): string {
  const minutes = Math.max(1, Math.ceil(msLeft / MINUTE));
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? `${h} h` : `${h} h ${String(m).padStart(2, '0')} min`;
}

/** The next moment the rounded-up minute count changes (just after a whole minute boundary). */
function nextMinuteChange(now: number, target: number): number | null {
  const left = target - now;
  if (left <= 0) return null;
  const rest = left % MINUTE || MINUTE;
  return now + rest + 50;
}

export function describeTray(
  state: CompanionState,
  now: Date = new Date(),
  format: TimeFormatter = defaultFormat,
): TrayStatus {
  const base = {
    canStartBreak: phaseAllows(state.phase, 'break/start'),
    canResume: phaseAllows(state.phase, 'resume'),
  };
  const withName = (text: string) => `Movesnack — ${text}`;
  switch (state.phase) {
    case 'sitting': {
      const next = state.nextBreakAt ? new Date(state.nextBreakAt) : null;
      if (!next || Number.isNaN(next.getTime())) {
        return {
          ...base,
          icon: 'sitting',
          statusLine: 'Sitting',
          tooltip: withName('sitting'),
          title: '',
          refreshAt: null,
        };
      }
      const left = next.getTime() - now.getTime();
      if (left <= 0) {
        return {
          ...base,
          icon: 'sitting',
          statusLine: 'Break due now',
          tooltip: withName('break due now'),
          title: '0m',
          refreshAt: null,
        };
      }
      const leftText = formatMinutesLeft(left);
      return {
        ...base,
        icon: 'sitting',
        statusLine: `Next break in ${leftText} (${format(next)})`,
        tooltip: withName(`next break in ${leftText}`),
        title: `${Math.ceil(left / MINUTE)}m`,
        refreshAt: nextMinuteChange(now.getTime(), next.getTime()),
      };
    }
    case 'due': {
      const snoozes = state.snoozesLeft === 1 ? '1 snooze left' : `${state.snoozesLeft} snoozes left`;
      return {
        ...base,
        icon: 'due',
        statusLine: `Time for a movement break (${snoozes})`,
        tooltip: withName('time for a movement break'),
        title: 'Move',
        refreshAt: null,
      };
    }
    case 'deferred': {
      const until = state.nextBreakAt ? new Date(state.nextBreakAt) : null;
      const when = until && !Number.isNaN(until.getTime()) ? ` (comes anyway at ${format(until)})` : '';
      return {
        ...base,
        icon: 'sitting',
        statusLine: `${describeHold(state.busy)}${when}`,
        tooltip: withName(describeHold(state.busy).toLowerCase()),
        title: '',
        refreshAt: null,
      };
    }
    case 'routine':
      return {
        ...base,
        icon: 'due',
        statusLine: 'Movement break in progress',
        tooltip: withName('movement break in progress'),
        title: 'Moving',
        refreshAt: null,
      };
    case 'away':
      return {
        ...base,
        icon: 'paused',
        statusLine: 'Away from the desk',
        tooltip: withName('away from the desk'),
        title: '',
        refreshAt: null,
      };
    case 'paused': {
      const until = state.pausedUntil ? new Date(state.pausedUntil) : null;
      let when = '';
      if (until && !Number.isNaN(until.getTime())) {
        const tomorrow = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
        const day = sameLocalDay(until, now)
          ? ''
          : sameLocalDay(until, tomorrow)
            ? 'tomorrow '
            : `${until.toLocaleDateString([], { weekday: 'short', day: 'numeric', month: 'short' })} `;
        when = ` until ${day}${format(until)}`;
      }
      return {
        ...base,
        icon: 'paused',
        statusLine: `Paused${when}`,
        tooltip: withName(`paused${when}`),
        title: '',
        refreshAt: null,
      };
    }
    case 'off-hours':
      return {
        ...base,
        icon: 'paused',
        statusLine: 'Outside working hours',
        tooltip: withName('outside working hours'),
        title: '',
        refreshAt: null,
      };
  }
}

export type PauseChoice = PausePresetId;
export const PAUSE_CHOICES: ReadonlyArray<{ choice: PauseChoice; label: string }> = PAUSE_PRESETS.map(({ id }) => ({
  choice: id,
  label: { '30m': '30 minutes', '1h': '1 hour', '2h': '2 hours', tomorrow: 'Until tomorrow' }[id],
}));

/** The `until` of a pause chosen from the tray: the one rule in shared/pause-presets.ts. */
export function pauseUntil(choice: PauseChoice, now: Date, settings: Pick<Settings, 'workingHours'>): Date {
  return sharedPauseUntil(choice, now, settings.workingHours);
}
